import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeIo } from '../../src/io/node-io.js';
import { runBaseline, type BaselineOutcome } from '../../src/pipeline/baseline.js';
import { DEFAULT_READ_SETTINGS } from '../../src/pipeline/settings.js';
import { peerKey } from '../../src/model/peer.js';
import { ruleRefLabel } from '../../src/baseline/violation.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { findNcaForTests } from '../helpers/nca.js';

/**
 * The baseline check with the built-in engine and the real nca 2.1.0, on conformance apps and
 * on rule files in both formats: violations found, none found, a disagreement, and nca's time budget.
 */
const CONNLIST = path.resolve(REPO_ROOT, '..', 'shared', 'conformance', 'connlist');
const BOUTIQUE = path.join(CONNLIST, 'onlineboutique', 'input');
const ACS = path.join(CONNLIST, 'acs-security-demos', 'input');
const B = path.join(FIXTURES, 'baseline');

let saved: string | undefined;
beforeAll(() => {
  saved = process.env.NCA_PATH;
  process.env.NCA_PATH = findNcaForTests();
});
afterAll(() => {
  if (saved === undefined) delete process.env.NCA_PATH;
  else process.env.NCA_PATH = saved;
});

function run(paths: string[], rules: string[], engine?: 'builtin' | 'nca' | 'both', ncaTimeoutMs?: number): BaselineOutcome {
  return runBaseline(nodeIo(), { paths, ruleFiles: rules, ...(engine ? { engine } : {}), ...(ncaTimeoutMs ? { ncaTimeoutMs } : {}) }, DEFAULT_READ_SETTINGS);
}

const lines = (o: BaselineOutcome) => o.violations.map((v) => `${ruleRefLabel(v.rule)}: ${peerKey(v.src)} => ${peerKey(v.dst)} : ${v.conns.toString()}`);
const verdicts = (o: BaselineOutcome) => o.verdicts.map((v) => `${ruleRefLabel(v.rule)} builtin=${v.builtin ?? '-'} nca=${v.nca ?? '-'}`);

describe('baseline on onlineboutique (np-guard format), builtin and real nca', () => {
  it('violations found: both engines find the same ones, with the policies that decide them', () => {
    const o = run([BOUTIQUE], [path.join(B, 'boutique-np-guard.yaml')], 'both');
    expect(o.engine).toBe('both');
    expect(o.ncaVersion).toBe('2.1.0');
    expect(o.disagreements).toEqual([]);
    expect(lines(o)).toEqual([
      'no-ftp (deny): default/redis-cart-78746d49dc[ReplicaSet] => 0.0.0.0-255.255.255.255[External] : TCP 20-21',
      'no-ftp (deny): 0.0.0.0-255.255.255.255[External] => default/redis-cart-78746d49dc[ReplicaSet] : TCP 20-21',
      'loadgen-to-frontend-all (allow): default/loadgenerator-555fbdc87d[ReplicaSet] => default/frontend-99684f7f8[ReplicaSet] : TCP 8000-8079,8081-9000',
      'redis-no-egress-internet (deny): default/redis-cart-78746d49dc[ReplicaSet] => 0.0.0.0-255.255.255.255[External] : All Connections',
    ]);
    expect(verdicts(o)).toEqual([
      'require-label-to-access-payments-service (deny) builtin=holds nca=holds',
      'no-ftp (deny) builtin=violated nca=violated',
      'frontend-reaches-cart (allow) builtin=holds nca=holds',
      'loadgen-to-frontend-all (allow) builtin=violated nca=violated',
      'redis-no-egress-internet (deny) builtin=violated nca=violated',
    ]);
    // the blocked range is isolated by the policies of both ends, each at its file and line
    const blocked = o.violations.find((v) => v.kind === 'required-blocked');
    expect(blocked?.causes.map((c) => `${c.verdict} ${c.direction} ${c.policy} ${path.basename(c.at?.file ?? '')}:${c.at?.line}`)).toEqual([
      'isolates egress NetworkPolicy default/loadgenerator-netpol netpols.yaml:227',
      'isolates ingress NetworkPolicy default/frontend-netpol netpols.yaml:1',
    ]);
    // the rule's own location
    expect(blocked?.rule.kind === 'rule' && blocked.rule.rule.origin.line).toBe(21);
  });

  it('none found: every rule holds for both engines', () => {
    const o = run([BOUTIQUE], [path.join(B, 'boutique-holds.yaml')], 'both');
    expect(o.violations).toEqual([]);
    expect(o.disagreements).toEqual([]);
    expect(verdicts(o)).toEqual(['only-checkout-pays (deny) builtin=holds nca=holds', 'frontend-reaches-cart (allow) builtin=holds nca=holds', 'no-telnet (deny) builtin=holds nca=holds']);
  });

  it('the nca engine alone gives the same violations (without the built-in explanations)', () => {
    const both = run([BOUTIQUE], [path.join(B, 'boutique-np-guard.yaml')], 'both');
    const nca = run([BOUTIQUE], [path.join(B, 'boutique-np-guard.yaml')], 'nca');
    expect(nca.violations.every((v) => v.engine === 'nca' && v.causes.length === 0)).toBe(true);
    expect(lines(nca)).toEqual(lines(both));
    expect(nca.verdicts.every((v) => v.decidedBy === 'nca' && v.builtin === undefined)).toBe(true);
  });
});

describe('baseline on acs-security-demos (netalchemy format), builtin and real nca', () => {
  it('namespace= selectors and CIDRs: one allow rule violated, by the policies of both namespaces', () => {
    const o = run([ACS], [path.join(B, 'acs-netalchemy.yaml')], 'both');
    expect(o.disagreements).toEqual([]);
    expect(lines(o)).toEqual(['webapp-reaches-catalog (allow): frontend/webapp[Deployment] => backend/catalog[Deployment] : TCP 8080']);
    expect(verdicts(o)).toEqual([
      'payments-only-from-checkout (deny) builtin=holds nca=holds',
      'checkout-pays (allow) builtin=holds nca=holds',
      'no-internet-from-payments (deny) builtin=holds nca=holds',
      'webapp-reaches-catalog (allow) builtin=violated nca=violated',
    ]);
    expect(o.violations[0]?.causes.map((c) => c.policy)).toEqual([
      'NetworkPolicy frontend/default-deny-in-namespace-frontend',
      'NetworkPolicy frontend/webapp-netpol',
      'NetworkPolicy backend/catalog-netpol',
      'NetworkPolicy backend/default-deny-in-namespace-backend',
    ]);
  });
});

describe('default: deny (netalchemy), builtin and real nca', () => {
  it('on nca\'s own connectivity: both engines find every allowed connection covered', () => {
    const o = run([ACS], [path.join(B, 'acs-default-deny.yaml')], 'both');
    expect(o.disagreements).toEqual([]);
    expect(o.verdicts.find((v) => v.rule.kind === 'default-deny')).toMatchObject({ builtin: 'holds', nca: 'holds', decidedBy: 'both' });
    // the allow rules are assertions too: the broad backend-internal one is violated by both
    expect(verdicts(o)).toContain('backend-internal (allow) builtin=violated nca=violated');
  });
});

describe('disagreement path (real nca on a semantic edge)', () => {
  // `egress: []` without policyTypes. Kubernetes (NetworkPolicySpec.policyTypes): "If this field is
  // not specified, it will default based on the existence of ingress or egress rules; policies that
  // contain an egress section are assumed to affect egress" - and an empty list is no egress rule,
  // so the API server defaults policyTypes to [Ingress] and web's egress stays open. nca 2.1.0
  // reads the empty list as egress isolation: it says web cannot reach the API. Our engine is right;
  // the gate reports the disagreement with both answers.
  it('both answers and the smallest differing pair are reported', () => {
    const o = run([path.join(B, 'egress-empty', 'manifests')], [path.join(B, 'egress-empty', 'rules.yaml')], 'both');
    expect(o.disagreements.map((x) => ruleRefLabel(x.rule))).toEqual(['default: deny', 'web-to-api (allow)']);
    const d = o.disagreements[1];
    expect(d && ruleRefLabel(d.rule)).toBe('web-to-api (allow)');
    expect(d?.builtinHolds).toBe(true);
    expect(d?.ncaHolds).toBe(false);
    expect(d && `${peerKey(d.witness.src)} => ${peerKey(d.witness.dst)} builtin=${d.witness.builtin.toString()} nca=${d.witness.nca.toString()}`).toBe(
      'shop/web[Deployment] => shop/api[Deployment] builtin=No Connections nca=TCP 9090',
    );
    // default: deny, checked on nca's own connectivity: nca sees web's egress isolated, so its
    // answer lacks web => outside; the rest agrees
    const dd = o.disagreements[0];
    expect(dd?.pairs.map((p) => `${peerKey(p.src)} => ${peerKey(p.dst)} builtin=${p.builtin.toString()} nca=${p.nca.toString()}`)).toEqual([
      'shop/web[Deployment] => 0.0.0.0-255.255.255.255[External] builtin=All Connections nca=No Connections',
    ]);
    expect(o.verdicts.find((v) => v.rule.kind === 'default-deny')).toMatchObject({ builtin: 'violated', nca: 'violated', decidedBy: 'both' });
  });
});

describe('nca time budget and absence', () => {
  it('when nca cannot finish, each rule says so and the built-in engine decides', () => {
    const o = run([BOUTIQUE], [path.join(B, 'boutique-np-guard.yaml')], 'both', 1);
    expect(o.verdicts.every((v) => v.nca === 'timed-out' && v.decidedBy === 'builtin')).toBe(true);
    expect(o.engineNotes.filter((n) => n.rule && /did not finish within/.test(n.message))).toHaveLength(5);
    expect(lines(o)).toHaveLength(4);
  });

  it('nca missing: default engine is builtin with a note; asking for nca or both is an error', () => {
    const saved = process.env.NCA_PATH;
    process.env.NCA_PATH = '/nonexistent/nca';
    try {
      const o = run([BOUTIQUE], [path.join(B, 'boutique-holds.yaml')]);
      expect(o.engine).toBe('builtin');
      expect(o.engineNotes).toHaveLength(1);
      expect(o.engineNotes[0]?.message).toMatch(/pip install network-config-analyzer==2\.1\.0/);
      expect(() => run([BOUTIQUE], [path.join(B, 'boutique-holds.yaml')], 'nca')).toThrow(/needs nca/);
      expect(() => run([BOUTIQUE], [path.join(B, 'boutique-holds.yaml')], 'both')).toThrow(/needs nca/);
    } finally {
      process.env.NCA_PATH = saved;
    }
  });
});
