import type { Command } from 'commander';
import { z } from 'zod';
import { ConfigError } from '../diagnostics/errors.js';
import type { TrafficRequest } from '../pipeline/traffic.js';
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
    .option('--cluster-snapshot <dir>', 'exported pods, services, namespaces (and nodes) that map trace addresses to workloads (kubectl get pods,svc,ns,nodes -A -o yaml)')
    .option('--cidr-aliases <file>', 'YAML of name: CIDR | [CIDR...]: outside addresses in a named block become that block');
}

/** The traffic request of the flags, or undefined without --traffic; companions without it are a usage error. */
export function trafficRequestFrom(opts: TrafficOptions): TrafficRequest | undefined {
  if (opts.traffic.length === 0) {
    const orphan = opts.trafficFormat !== undefined ? '--traffic-format' : opts.clusterSnapshot !== undefined ? '--cluster-snapshot' : opts.cidrAliases !== undefined ? '--cidr-aliases' : undefined;
    if (orphan) throw new ConfigError(`${orphan} needs --traffic FILE`);
    return undefined;
  }
  return {
    files: opts.traffic,
    ...(opts.trafficFormat ? { format: opts.trafficFormat } : {}),
    ...(opts.clusterSnapshot !== undefined ? { snapshotDir: opts.clusterSnapshot } : {}),
    ...(opts.cidrAliases !== undefined ? { cidrAliases: opts.cidrAliases } : {}),
  };
}
