import { z } from 'zod';
import type { ReadSettings } from '../pipeline/settings.js';

// Flag values that are label maps, apart from drift-options.ts: `connectivity` takes
// --ingress-controller too, and loading the drift options (synthesis, verify) would load what a
// plain connectivity run never needs (test/cli/startup.test.ts counts the modules it loads).

/** `key=value[,key=value...]` as a label map. */
export const labelList = z
  .string()
  .regex(/^[^=,\s]+=[^=,\s]*(,[^=,\s]+=[^=,\s]*)*$/, { error: 'expected key=value[,key=value...]' })
  .transform((s) => Object.fromEntries(s.split(',').map((kv) => kv.split('=') as [string, string])));

/**
 * Where `--ingress-controller` says the controller runs, for the engine: the drift gate judges
 * `{ingress-controller}` there, as synthesize wrote its rules for it there.
 */
export function ingressControllerPlace(labels: Readonly<Record<string, string>> | undefined): Pick<ReadSettings, 'ingressController'> {
  if (!labels) return {};
  const { namespace, ...pod } = labels;
  return { ingressController: { ...(namespace ? { namespace } : {}), ...(Object.keys(pod).length > 0 ? { podLabels: pod } : {}) } };
}
