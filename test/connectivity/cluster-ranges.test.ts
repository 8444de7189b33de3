import { describe, expect, it } from 'vitest';
import { lines, runCli } from '../helpers/cli.js';

/**
 * --pod-cidr / --service-cidr: ANP networks and ipBlocks covering the pod network apply to pods
 * (network-policy-api: networks "will be checked against cluster-internal traffic as well");
 * without the flags nothing changes, and 0.0.0.0/0 is warned about.
 */
const APP = 'fixtures/cluster-ranges';
const pods = (out: string) => lines(out).filter((l) => !l.includes('[External]'));

describe('cluster address ranges', () => {
  it('without flags: address peers match only outside addresses; 0.0.0.0/0 and ports: [] are warned about', () => {
    const r = runCli(['connectivity', APP]);
    expect(r.code).toBe(0);
    expect(pods(r.stdout)).toEqual([
      'a/client[Deployment] => b/neighbour[Deployment] : All Connections',
      'b/neighbour[Deployment] => a/client[Deployment] : All Connections',
      'b/server[Deployment] => a/client[Deployment] : All Connections',
      'b/server[Deployment] => b/neighbour[Deployment] : All Connections',
    ]);
    expect(lines(r.stderr)).toEqual([
      `${APP}/app.yaml:43:14 [doc 5] warning NPC186 spec.egress[1].ports: ports: [] — implementations differ on an empty list; netpol-ci reads it as all ports, like an absent ports (omit ports to mean all ports)`,
      `${APP}/app.yaml:53:7 [doc 6] warning NPC185 spec.ingress[0]: 0.0.0.0/0 also covers pod addresses; the pod-to-pod traffic it seems to admit is not modelled (address peers match only addresses outside the cluster) (give --pod-cidr to apply it to pods)`,
    ]);
  });

  it('with --pod-cidr: the ANP deny of 10.0.0.0/8 stops pod traffic, the ipBlock 0.0.0.0/0 admits pods', () => {
    const r = runCli(['connectivity', APP, '--pod-cidr', '10.244.0.0/16', '--service-cidr', '10.96.0.0/12']);
    expect(r.code).toBe(0);
    expect(pods(r.stdout)).toEqual([
      'b/neighbour[Deployment] => a/client[Deployment] : All Connections',
      'b/neighbour[Deployment] => b/server[Deployment] : All Connections',
      'b/server[Deployment] => a/client[Deployment] : All Connections',
      'b/server[Deployment] => b/neighbour[Deployment] : All Connections',
    ]);
    // the pod and Service networks are no longer external addresses
    const external = lines(r.stdout).filter((l) => l.startsWith('b/neighbour') && l.includes('[External]'));
    expect(external).toEqual([
      'b/neighbour[Deployment] => 0.0.0.0-9.255.255.255[External] : All Connections',
      'b/neighbour[Deployment] => 10.0.0.0-10.95.255.255[External] : All Connections',
      'b/neighbour[Deployment] => 10.112.0.0-10.243.255.255[External] : All Connections',
      'b/neighbour[Deployment] => 10.245.0.0-10.255.255.255[External] : All Connections',
      'b/neighbour[Deployment] => 11.0.0.0-255.255.255.255[External] : All Connections',
    ]);
    expect(lines(r.stderr)).toEqual([
      `${APP}/app.yaml:40:7 [doc 5] warning NPC185 spec.egress[1]: covers part of the pod network 10.244.0.0-10.244.255.255; pod addresses inside it are unknown, so it matches no pod`,
      `${APP}/app.yaml:43:14 [doc 5] warning NPC186 spec.egress[1].ports: ports: [] — implementations differ on an empty list; netpol-ci reads it as all ports, like an absent ports (omit ports to mean all ports)`,
    ]);
  });

  it('explain and lint see the same semantics', () => {
    const x = runCli(['connectivity', APP, '--pod-cidr', '10.244.0.0/16', '--explain', 'a/client', 'b/neighbour', '-q']);
    expect(x.stdout).toContain('deny-10');
    const l = runCli(['lint', APP, '--pod-cidr', '10.244.0.0/16', '-q', '-f', 'json']);
    const rows = JSON.parse(l.stdout) as { kind: string; rule?: string }[];
    // with the pod network known, "partial" names only pod addresses (no atom) and covers no pod;
    // the server's ipBlock 0.0.0.0/0 now admits every pod and address, as no policy would
    expect(rows.map((f) => `${f.kind} ${f.rule ?? ''}`)).toEqual(['never-matches egress[1] "partial"', 'redundant-policy ']);
  });

  it('a bad CIDR is exit 2', () => {
    const r = runCli(['connectivity', APP, '--pod-cidr', '10.244.0.0/33']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--pod-cidr: invalid CIDR "10.244.0.0/33"');
  });
});
