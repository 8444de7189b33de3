import { stringify } from 'yaml';
import type { NetworkPolicyManifest } from '../synthesis/synthesize.js';

/** Multi-document YAML that `kubectl apply -f` accepts: no status, no null timestamps, stable order. */
export function renderPoliciesYaml(policies: readonly NetworkPolicyManifest[]): string {
  return policies.map((p) => `---\n${stringify(p, { lineWidth: 0, aliasDuplicateObjects: false })}`).join('');
}
