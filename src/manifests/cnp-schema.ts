import { z } from 'zod';
import { int, LabelSelectorSchema, MetadataSchema } from './schemas.js';

/**
 * ClusterNetworkPolicy (policy.networking.k8s.io/v1alpha2, network-policy-api v0.2.0): the
 * successor of AdminNetworkPolicy and BaselineAdminNetworkPolicy, with `tier: Admin | Baseline`,
 * actions Accept / Deny / Pass and `protocols` instead of `ports`.
 */
const portSpec = z
  .object({
    destinationPort: z
      .object({
        number: int({ min: 1, max: 65535 }).nullish(),
        range: z.object({ start: int({ min: 1, max: 65535 }), end: int({ min: 1, max: 65535 }) }).loose().nullish(),
      })
      .loose()
      .nullish(),
  })
  .loose();

const ProtocolSchema = z
  .object({ tcp: portSpec.nullish(), udp: portSpec.nullish(), sctp: portSpec.nullish(), destinationNamedPort: z.string().nullish() })
  .loose();
export type CnpProtocol = z.infer<typeof ProtocolSchema>;

const NamespacedPod = z.object({ namespaceSelector: LabelSelectorSchema.nullish(), podSelector: LabelSelectorSchema.nullish() }).loose();
const PeerSchema = z
  .object({
    namespaces: LabelSelectorSchema.nullish(),
    pods: NamespacedPod.nullish(),
    networks: z.array(z.string()).nullish(),
    nodes: LabelSelectorSchema.nullish(),
    domainNames: z.array(z.string()).nullish(),
  })
  .loose();
export type CnpPeer = z.infer<typeof PeerSchema>;

const action = z.enum(['Accept', 'Deny', 'Pass'], { error: (i) => `expected Accept, Deny or Pass, got ${JSON.stringify(i.input)}` });

export const ClusterNetworkPolicySchema = z
  .object({
    metadata: MetadataSchema,
    spec: z
      .object({
        tier: z.enum(['Admin', 'Baseline'], { error: (i) => `expected Admin or Baseline, got ${JSON.stringify(i.input)}` }),
        priority: int({ min: 0, max: 1000 }),
        subject: z.object({ namespaces: LabelSelectorSchema.nullish(), pods: NamespacedPod.nullish() }).loose(),
        ingress: z.array(z.object({ name: z.string().nullish(), action, from: z.array(PeerSchema), protocols: z.array(ProtocolSchema).nullish() }).loose()).nullish(),
        egress: z.array(z.object({ name: z.string().nullish(), action, to: z.array(PeerSchema), protocols: z.array(ProtocolSchema).nullish() }).loose()).nullish(),
      })
      .loose(),
  })
  .loose();
