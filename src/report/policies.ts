import { dump } from 'js-yaml';
import type { NetworkPolicyManifest } from '../synthesis/synthesize.js';

/** Multi-document YAML that `kubectl apply -f` accepts: no status, no null timestamps, stable order. */
export function renderPoliciesYaml(policies: readonly NetworkPolicyManifest[]): string {
  // js-yaml's dump is an order of magnitude faster than `yaml`'s stringify on thousands of policies
  return policies.map((p) => `---\n${dump(p, { lineWidth: -1, noRefs: true, quotingType: '"' })}`).join('');
}
