import { describe, expect, it } from 'vitest';
import { parseRuleFile } from '../../src/baseline/rules.js';
import { formatRequirements, matchesRequirements, parseRequirements } from '../../src/baseline/selector.js';
import { Codes } from '../../src/diagnostics/diagnostic.js';

describe('label requirements', () => {
  it.each([
    ['app=x', { app: 'x' }, true],
    ['app=x', { app: 'y' }, false],
    ['app==x', { app: 'x' }, true],
    ['app!=x', {}, true],
    ['app!=x', { app: 'x' }, false],
    ['env in (prod, qa)', { env: 'qa' }, true],
    ['env in (prod,qa)', { env: 'dev' }, false],
    ['env notin (prod, qa)', {}, true],
    ['env notin (prod, qa)', { env: 'prod' }, false],
    ['usesPayments notin (true, True), stage!=dev', { usesPayments: 'false', stage: 'prod' }, true],
    ['usesPayments notin (true, True), stage!=dev', { usesPayments: 'True' }, false],
    ['tier', { tier: '' }, true],
    ['!tier', { tier: 'a' }, false],
    ['!tier', {}, true],
    ['app.kubernetes.io/name=api', { 'app.kubernetes.io/name': 'api' }, true],
  ])('%s on %j is %s', (text, labels, expected) => {
    const r = parseRequirements(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(matchesRequirements(r.value, labels)).toBe(expected);
  });

  it.each(['app=x=y', 'a b', 'k in ()', 'k in (a,)', '-bad=x', 'app=-x', 'a/b/c=x', ''])('rejects %j', (text) => {
    expect(parseRequirements(text).ok).toBe(false);
  });

  it('writes requirements back in the same syntax', () => {
    const r = parseRequirements('a=1, b!=2, c in (x,y), d notin (z), e, !f');
    expect(r.ok && formatRequirements(r.value)).toBe('a=1,b!=2,c in (x,y),d!=z,e,!f');
  });
});

describe('np-guard baseline-rules format', () => {
  const text = `- name: no-ftp
  description: Forbid ftp into any pod
  protocol: TCP
  port_min: 20
  port_max: 21
  action: deny
- name: allow-https
  from: app=account-query-selector
  to: 0.0.0.0/0
  protocol: TCP
  port_min: 443
  port_max: 443
- name: ns-scoped
  from: color=blue
  from_ns: shape=circle
  to: color=red
  to_ns: shape!=circle
  action: deny
`;
  it('reads every field, with defaults (action allow, all protocols and ports, any peer)', () => {
    const r = parseRuleFile('rules.yaml', text);
    expect(r.diagnostics).toEqual([]);
    expect(r.rules.map((x) => [x.name, x.action, x.conns.toString(), x.origin.line, x.format])).toEqual([
      ['no-ftp', 'deny', 'TCP 20-21', 1, 'np-guard'],
      ['allow-https', 'allow', 'TCP 443', 7, 'np-guard'],
      ['ns-scoped', 'deny', 'All Connections', 13, 'np-guard'],
    ]);
    expect(r.rules[0]?.from).toEqual({ kind: 'any' });
    expect(r.rules[1]?.to.kind).toBe('cidr');
    expect(r.rules[2]?.from).toMatchObject({ kind: 'pods', pods: [{ op: 'In', key: 'color', values: ['blue'] }], namespaces: [{ op: 'In', key: 'shape', values: ['circle'] }] });
    expect(r.defaults).toEqual([]);
  });

  it('a rule without protocol but with ports covers the ports on TCP, UDP and SCTP', () => {
    const r = parseRuleFile('r.yaml', '- name: a\n  port_min: 80\n  port_max: 81\n');
    expect(r.rules[0]?.conns.toString()).toBe('SCTP 80-81,TCP 80-81,UDP 80-81');
  });

  it.each([
    ['- name: Bad_Name\n', 1, 'name'],
    ['- name: a\n  action: permit\n', 2, 'action'],
    ['- name: a\n  protocol: ICMP\n', 2, 'protocol'],
    ['- name: a\n  port_min: 0\n', 2, 'port_min'],
    ['- name: a\n  port_min: "80"\n', 2, 'port_min'],
    ['- name: a\n  port_min: 90\n  port_max: 80\n', 3, 'port_max'],
    ['- name: a\n  form: app=x\n', 1, ''],
    ['- name: a\n  from: app=x\n  to: k in (a,\n', 3, 'to'],
    ['- name: a\n  from: 10.0.0.0/8\n  from_ns: team=x\n', 3, 'from_ns'],
    ['- name: a\n  to: 10.0.0.300/8\n', 2, 'to'],
    ['- name: a\n  to_ns: 10.0.0.0/8\n', 2, 'to_ns'],
  ])('%j: error NPC100 at line %i, field %s; other rules still read', (bad, line, field) => {
    const r = parseRuleFile('bad.yaml', `${bad}- name: good\n  action: deny\n`);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: Codes.baselineInvalidRule, at: { file: 'bad.yaml', line } });
    if (field) expect(errors[0]?.at?.path?.at(-1)).toBe(field);
    expect(r.rules.map((x) => x.name)).toEqual(['good']);
  });

  it('an empty file is an error', () => {
    expect(parseRuleFile('e.yaml', '# nothing\n').diagnostics[0]).toMatchObject({ code: Codes.baselineNoRules, severity: 'error' });
  });
});

describe('netalchemy format', () => {
  const text = `default: deny
rules:
  - name: grafana-scrapes
    from: app=grafana,namespace=o11y
    to: namespace=app,app.kubernetes.io/name=api
    protocol: TCP
    port_min: 9090
    port_max: 9090
    action: allow
  - name: corp-net
    from: 10.0.0.0/8
    to: namespace=app
    action: allow
`;
  it('reads default: deny and the namespace key of selectors', () => {
    const r = parseRuleFile('n.yaml', text);
    expect(r.diagnostics).toEqual([]);
    expect(r.rules.map((x) => [x.name, x.format, x.origin.line])).toEqual([
      ['grafana-scrapes', 'netalchemy', 3],
      ['corp-net', 'netalchemy', 10],
    ]);
    expect(r.rules[0]?.from).toEqual({
      kind: 'pods',
      pods: [{ op: 'In', key: 'app', values: ['grafana'] }],
      namespaces: [{ op: 'In', key: 'kubernetes.io/metadata.name', values: ['o11y'] }],
    });
    expect(r.defaults).toHaveLength(1);
    expect(r.defaults[0]?.origin.line).toBe(1);
    expect(r.defaults[0]?.allowRules.map((x) => x.name)).toEqual(['grafana-scrapes', 'corp-net']);
  });

  it('default: allow adds no assertion; unknown top-level keys are errors at their line', () => {
    expect(parseRuleFile('n.yaml', 'default: allow\nrules: []\n').defaults).toEqual([]);
    const r = parseRuleFile('n.yaml', 'default: deny\nrulez: []\n');
    expect(r.diagnostics.find((d) => d.severity === 'error')).toMatchObject({ code: Codes.baselineInvalidRule, at: { line: 1 } });
  });
});
