import { Codes, type DiagnosticCode } from './diagnostic.js';

/**
 * What each code means, for reports that describe their rules (SARIF `tool.driver.rules`).
 * One entry per code that a report can carry; append yours in your area's block.
 */
export const CodeDescriptions: Partial<Record<DiagnosticCode, { readonly name: string; readonly short: string; readonly full: string }>> = {
  // baseline rules (issue 12)
  [Codes.baselineInvalidRule]: { name: 'BaselineInvalidRule', short: 'Invalid baseline rule', full: 'A baseline rule file, or one of its rules, is invalid; the rule is not checked.' },
  [Codes.baselineNoRules]: { name: 'BaselineNoRules', short: 'Empty baseline rule file', full: 'A baseline rule file holds no rules.' },
  [Codes.baselineRuleMatchesNothing]: { name: 'BaselineRuleMatchesNothing', short: 'Baseline rule selects no workload', full: 'A side of a baseline rule selects no workload in the configuration, so the rule checks nothing there; often a typo in a label.' },
  [Codes.baselineViolation]: {
    name: 'BaselineViolation',
    short: 'Baseline rule violated',
    full: 'The NetworkPolicies allow a connection that a deny rule (or a default: deny) forbids, or block a connection that an allow rule requires. The result is located at the policy that allows the connection (or isolates the endpoint); the rule is the related location.',
  },
  [Codes.baselineDisagreement]: {
    name: 'BaselineEnginesDisagree',
    short: 'Built-in engine and nca disagree',
    full: 'The built-in engine and IBM network-config-analyzer (nca) give different answers for a baseline rule: one of the two is wrong, and the check cannot be trusted until a reviewer decides.',
  },
  [Codes.baselineEngineNote]: { name: 'BaselineEngineNote', short: 'nca could not decide a rule', full: 'nca is missing, timed out, failed, or does not support the input; the built-in engine decided.' },
};
