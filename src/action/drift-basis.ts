import { ConfigError } from '../diagnostics/errors.js';
import type { DnsBasis } from '../pipeline/check/dns.js';
import { NAMESPACE_NAME_LABEL } from '../manifests/cluster.js';
import type { ReadSettings } from '../pipeline/settings.js';
import type { DriftBasis } from '../pipeline/verify.js';
import { DEFAULT_SYNTHESIS_OPTIONS } from '../synthesis/synthesize.js';

/** The drift inputs (`driftInputs` in inputs.ts), as verify and check parse them. */
export interface DriftInputs {
  readonly links?: string | undefined;
  readonly gaps: 'deny' | 'namespace' | 'open';
  readonly 'no-ports': boolean;
  readonly 'dns-port': number;
  readonly 'dns-namespace': string;
  readonly 'dns-selector'?: Readonly<Record<string, string>> | undefined;
  /** Baseline rule files (verify's `baseline`; check's, which its baseline gate also reads). */
  readonly baseline?: readonly string[];
  /** Where the ingress controller runs: `namespace` names its namespace, the rest are its pods' labels. */
  readonly 'ingress-controller'?: Readonly<Record<string, string>> | undefined;
}

/**
 * The pipeline's drift basis from the inputs: the one place verify and check read them, so the
 * two Actions judge committed policies alike (and as the CLI's verify and check --policies do).
 * `linksPath` maps the `links` input to the file read (verify: in the working directory; check: at
 * head), `rulesPath` the `baseline` files (check: as its baseline gate reads them).
 */
export function driftBasisFromInputs(inputs: DriftInputs, linksPath: (p: string) => string, rulesPath: (p: string) => string = linksPath): DriftBasis {
  return {
    ...(inputs.links ? { linksFile: linksPath(inputs.links) } : {}),
    ...(inputs.baseline?.length ? { baselineFiles: inputs.baseline.map(rulesPath) } : {}),
    gapMode: inputs.gaps,
    synthesis: {
      ...DEFAULT_SYNTHESIS_OPTIONS,
      dnsPort: inputs['dns-port'],
      dns: { namespace: inputs['dns-namespace'], podLabels: inputs['dns-selector'] ?? DEFAULT_SYNTHESIS_OPTIONS.dns.podLabels },
      ...(inputs['no-ports'] ? { noPorts: true } : {}),
      ...ingressControllerRule(inputs['ingress-controller']),
    },
  };
}

/** The `ingress-controller` input as synthesize writes its rules: a namespace by its name label, and pod labels. */
function ingressControllerRule(labels: Readonly<Record<string, string>> | undefined): { ingressController?: { namespaceLabels?: Record<string, string>; podLabels?: Record<string, string> } } {
  if (!labels || Object.keys(labels).length === 0) return {};
  const { namespace, ...pod } = labels;
  return { ingressController: { ...(namespace ? { namespaceLabels: { [NAMESPACE_NAME_LABEL]: namespace } } : {}), ...(Object.keys(pod).length > 0 ? { podLabels: pod } : {}) } };
}

/** Where the engine places `{ingress-controller}` (the `ingress-controller` input): where synthesize admitted it. */
export function ingressControllerFromInputs(inputs: DriftInputs): Pick<ReadSettings, 'ingressController'> {
  const labels = inputs['ingress-controller'];
  if (!labels || Object.keys(labels).length === 0) return {};
  const { namespace, ...pod } = labels;
  return { ingressController: { ...(namespace ? { namespace } : {}), ...(Object.keys(pod).length > 0 ? { podLabels: pod } : {}) } };
}

/** Where the cluster DNS runs (`dns-port`, `dns-namespace`, `dns-selector`): check judges the DNS needs there, with or without `policies`. */
export function dnsBasisFromInputs(inputs: DriftInputs): DnsBasis {
  return { namespace: inputs['dns-namespace'], podLabels: inputs['dns-selector'] ?? DEFAULT_SYNTHESIS_OPTIONS.dns.podLabels, port: inputs['dns-port'] };
}

/** Drift inputs set on a check without `policies`: they would change nothing, so they are a configuration error. */
export function refuseDriftInputs(inputs: DriftInputs): void {
  const given = [inputs.links ? 'links' : '', inputs.gaps !== 'deny' ? 'gaps' : '', inputs['no-ports'] ? 'no-ports' : '', Object.keys(inputs['ingress-controller'] ?? {}).length > 0 ? 'ingress-controller' : ''].filter(Boolean);
  if (given.length > 0) throw new ConfigError(`input${given.length === 1 ? '' : 's'} ${given.map((g) => `"${g}"`).join(', ')} ${given.length === 1 ? 'applies' : 'apply'} to the drift check: set "policies" too`);
}
