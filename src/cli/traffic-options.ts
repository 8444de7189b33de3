import type { Command } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../diagnostics/errors.js';
import type { LiveSource } from '../pipeline/live.js';
import type { TrafficRequest } from '../pipeline/traffic.js';
import { liveSourceFrom, type ClusterOptions } from './cluster-options.js';
import { TRAFFIC_FORMATS } from '../topology/traffic/events.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `--traffic FILE...` and its companions, shared by the commands that read traces. */
export const TrafficOptions = z.object({
  traffic: z.array(z.string()).default([]),
  trafficFormat: z.enum(TRAFFIC_FORMATS, { error: (i) => `expected one of ${TRAFFIC_FORMATS.join(', ')}, got ${JSON.stringify(i.input)}` }).optional(),
  clusterSnapshot: z.string().optional(),
  cidrAliases: z.string().optional(),
});
export type TrafficOptions = z.infer<typeof TrafficOptions>;

export function addTrafficOptions(cmd: Command): Command {
  return cmd
    .option('--traffic <file>', 'an observed-traffic trace: Inspektor Gadget (advisor, network gadget, advise_networkpolicy, trace_tcp json or columns) or plain connection lines (repeatable)', collect)
    .option('--traffic-format <format>', `force the trace format instead of detecting it: ${TRAFFIC_FORMATS.join('|')}`)
    .option('--cluster-snapshot <dir>', 'exported pods, services, namespaces (and nodes) that map trace addresses to workloads (kubectl get pods,svc,ns,nodes -A -o yaml); --cluster reads them live instead')
    .option('--cidr-aliases <file>', 'YAML of name: CIDR | [CIDR...]: outside addresses in a named block become that block');
}

/**
 * The traffic request of the flags, or undefined without --traffic; companions without it are a
 * usage error. `live` is the cluster `--cluster` names: it serves as the snapshot that maps trace
 * addresses to workloads, in place of `--cluster-snapshot`.
 */
export function trafficRequestFrom(opts: TrafficOptions, live?: Extract<LiveSource, { kind: 'kubectl' }>): TrafficRequest | undefined {
  if (opts.traffic.length === 0) {
    const orphan = opts.trafficFormat !== undefined ? '--traffic-format' : opts.clusterSnapshot !== undefined ? '--cluster-snapshot' : opts.cidrAliases !== undefined ? '--cidr-aliases' : undefined;
    if (orphan) throw new ConfigError(`${orphan} needs --traffic FILE`);
    return undefined;
  }
  if (live && opts.clusterSnapshot !== undefined) throw new ConfigError('--cluster-snapshot and --cluster both give the snapshot that maps trace addresses: give one');
  return {
    files: opts.traffic,
    ...(opts.trafficFormat ? { format: opts.trafficFormat } : {}),
    ...(opts.clusterSnapshot !== undefined ? { snapshotDir: opts.clusterSnapshot } : {}),
    ...(live ? { liveSnapshot: live } : {}),
    ...(opts.cidrAliases !== undefined ? { cidrAliases: opts.cidrAliases } : {}),
  };
}

/**
 * `--cluster` on a command that reads manifests (synthesize, check): the live cluster is only the
 * trace's snapshot, so it needs --traffic.
 */
export function snapshotClusterFrom(opts: TrafficOptions & ClusterOptions & { readonly timeout?: number | undefined }): Extract<LiveSource, { kind: 'kubectl' }> | undefined {
  const live = liveSourceFrom(opts);
  if (live && opts.traffic.length === 0) throw new ConfigError('--cluster here maps the addresses of a trace to workloads: it needs --traffic FILE');
  return live?.kind === 'kubectl' ? live : undefined;
}
