import { afterAll, describe, expect, it } from 'vitest';
import os from 'node:os';
import { ConnectionSet } from '../../src/model/connection-set.js';
import { nodeIo } from '../../src/io/node-io.js';
import { threadWanted, THREAD_MIN_CORES, THREAD_THRESHOLD_CHARS } from '../../src/io/threads.js';
import type { Io, ThreadJob } from '../../src/io/types.js';
import { runCheck, type CheckOutcome } from '../../src/pipeline/check.js';
import { analyzeBase, baseThreadInput, decodeBaseAnalysis, encodeBaseAnalysis, type BaseThreadInput } from '../../src/pipeline/check/base-thread.js';
import { readInputs } from '../../src/pipeline/load.js';
import { DEFAULT_READ_SETTINGS, type ReadSettings } from '../../src/pipeline/settings.js';
import { renderCheckJson } from '../../src/report/check/json.js';
import { renderCheckMd } from '../../src/report/check/md.js';
import { renderCheckTxt } from '../../src/report/check/txt.js';
import { parseCidr } from '../../src/model/ip.js';
import { deleteDocument, makePr, replace, type Pr } from '../helpers/pr.js';

/**
 * The PR check's base side on a second thread (pipeline/check/base-thread.ts): what the thread hands
 * over is exactly what this thread computes, and a check that takes base's analysis from the
 * thread, or falls back when the thread fails or answers nonsense, reports the same bytes as one
 * that computes base itself. (The real worker threads of the bundle: test/io/check-thread.test.ts.)
 */
const BOUTIQUE = 'fixtures/check/boutique/base';
const POLICIES = 'policies/network-policies.yaml';
const prs: Pr[] = [];
afterAll(() => {
  for (const p of prs) p.dispose();
});

/** An Io whose "thread" runs the job on this thread (through the hand-over text), or answers what `answer` says. */
function ioWithThread(answer: (input: BaseThreadInput) => string | undefined): Io & { started: number } {
  const io = nodeIo();
  const out = Object.assign(io, {
    started: 0,
    startThread(name: string, input: unknown): ThreadJob {
      expect(name).toBe('check-base');
      out.started++;
      return { collect: () => answer(input as BaseThreadInput), cancel: () => undefined };
    },
  });
  return out;
}

const withoutThread = (): Io => Object.assign(nodeIo(), { startThread: () => undefined });

function reports(o: CheckOutcome): string {
  return [renderCheckMd(o), renderCheckTxt(o), renderCheckJson(o), JSON.stringify(o.diagnostics)].join('\n---\n');
}

const SETTINGS: ReadonlySettings[] = [
  DEFAULT_READ_SETTINGS,
  // dual stack, a default namespace and cluster ranges: every setting the thread is handed
  { ...DEFAULT_READ_SETTINGS, ipFamilies: [4, 6], namespace: 'boutique', podCidrs: [parseCidr('10.0.0.0/8')!], serviceCidrs: [parseCidr('172.16.0.0/12')!] },
];
type ReadonlySettings = ReadSettings;

describe('check base thread', () => {
  const pr = makePr(BOUTIQUE, {
    [POLICIES]: deleteDocument('  name: paymentservice\n'),
    'workloads/cartservice.yaml': replace('app: cartservice', 'app: cartservice-v2'),
  });
  prs.push(pr);
  const request = { kind: 'paths', base: pr.base, head: pr.head } as const;

  it('hands over exactly what this thread computes (connections, links, gaps, diagnostics)', () => {
    for (const settings of SETTINGS) {
      const read = readInputs(nodeIo(), [pr.base], settings);
      const input = baseThreadInput(read.files, read.values, settings);
      const here = analyzeBase(input);
      expect(here.connections.length).toBeGreaterThan(10);
      expect(here.topology.links.length).toBeGreaterThan(10);
      const back = decodeBaseAnalysis(encodeBaseAnalysis(here));
      expect(back).toStrictEqual(here);
      // "all" and "none" connection sets keep their identity (ConnectionSet relies on it)
      here.connections.forEach((c, i) => expect(back!.connections[i]!.conns === ConnectionSet.ALL).toBe(c.conns === ConnectionSet.ALL));
    }
  });

  it('a check with base analysed on the thread reports the same bytes as one without', () => {
    for (const settings of SETTINGS) {
      for (const options of [{}, { lint: true, exposure: true }]) {
        const alone = reports(runCheck(withoutThread(), request, settings, options));
        const io = ioWithThread((input) => encodeBaseAnalysis(analyzeBase(input)));
        const threaded = reports(runCheck(io, request, settings, options));
        expect(io.started).toBe(1);
        expect(threaded).toBe(alone);
        expect(alone).toContain('paymentservice');
      }
    }
  });

  it('falls back to this thread when the thread fails or answers what it cannot have written', () => {
    const alone = reports(runCheck(withoutThread(), request, DEFAULT_READ_SETTINGS));
    for (const answer of [() => undefined, () => 'not json', () => '{"peers":[],"conns":[],"connections":[0,0,0],"links":[]}', () => '{}']) {
      const io = ioWithThread(answer);
      expect(reports(runCheck(io, request, DEFAULT_READ_SETTINGS))).toBe(alone);
      expect(io.started).toBe(1);
    }
  });

  it('is off by default, always with NETPOL_CI_CHECK_THREAD=1, with auto above the size threshold on enough cores', () => {
    const big = THREAD_THRESHOLD_CHARS['check-base'];
    const cores = os.availableParallelism() >= THREAD_MIN_CORES;
    expect(threadWanted('check-base', 100 * big, {})).toBe(false);
    expect(threadWanted('check-base', 100 * big, { NETPOL_CI_CHECK_THREAD: '0' })).toBe(false);
    expect(threadWanted('check-base', 10, { NETPOL_CI_CHECK_THREAD: '1' })).toBe(true);
    expect(threadWanted('check-base', big - 1, { NETPOL_CI_CHECK_THREAD: 'auto' })).toBe(false);
    expect(threadWanted('check-base', big, { NETPOL_CI_CHECK_THREAD: 'auto' })).toBe(cores);
  });
});
