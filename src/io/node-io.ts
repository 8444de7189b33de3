import { spawnSync } from './builtins.js';
import { readdirSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../diagnostics/errors.js';
import { errnoText, readRegularFile, refusalMessage } from './read-policy.js';
import { readManifestFiles } from './files.js';
import { changedFilesBetween, changedFilesInRepo } from './changes.js';
import { exportTree, pathExists, repoTop, resolveRef } from './git.js';
import { kubectlGet, kubectlResources } from './kubectl.js';
import { readHelmConfig, RenderCache } from './render.js';
import { findNca, runNcaScheme } from './nca.js';
import { resultCacheIn, type ResultCache } from './result-cache.js';
import { forEachLine, traceCut } from './traffic.js';
import { startTraceWorker } from './traffic-workers.js';
import { tuneForInput } from './v8-tuning.js';
import { timedOut, type ExecLimits, type Io } from './types.js';
import { writeFileInside } from './write-policy.js';
import { ParsedCache } from './parsed-cache.js';
import { ParsePool, parseWorkerCount } from './parse-workers.js';
import { startThreadJob, threadScript, threadWanted } from './threads.js';

/** Graphviz `dot -T<format>`: a ConfigError when dot is missing, fails or exceeds --timeout. */
function runDot(dot: string, format: 'svg' | 'png', limits: ExecLimits = {}): Uint8Array {
  const r = spawnSync(process.env.DOT_PATH || 'dot', [`-T${format}`], { input: dot, maxBuffer: 256 * 1024 * 1024, timeout: limits.timeoutMs, killSignal: 'SIGKILL' });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') throw timedOut(`Graphviz dot -T${format}`, limits);
  if (r.error) throw new ConfigError(`--format ${format} needs Graphviz 'dot' on PATH (apt-get install graphviz): ${r.error.message}`);
  if (r.status !== 0) throw new ConfigError(`Graphviz dot failed: ${r.stderr.toString().trim()}`);
  return new Uint8Array(r.stdout.buffer, r.stdout.byteOffset, r.stdout.byteLength);
}

/** The Node implementation of the use-cases' I/O, with one run's caches. */
/** Paths that name a pipe the user opened: stdin and process substitution. */
const USER_STREAM = /^\/(?:dev\/(?:stdin|fd\/\d+)|proc\/self\/fd\/\d+)$/;
/** The largest link list, rule file, alias file or policy file read whole. */
const TEXT_INPUT_LIMIT = 256 * 1024 * 1024;

export function nodeIo(): Io {
  const cache = new RenderCache();
  let nca: { found: ReturnType<typeof findNca> } | undefined;
  let parsed: ParsedCache | undefined;
  const parsedIn = (dir: string) => (parsed?.dir === dir ? parsed : (parsed = new ParsedCache(dir)));
  const results = new Map<string, ResultCache>();
  // parse workers, started by the first input large enough and kept for the run's later inputs
  let pool: ParsePool | null | undefined; // null: could not start
  return {
    readManifests(paths, options) {
      // the parse workers start as soon as the input is known to be large enough, so that they are
      // ready when its parse begins (a thread's start is tens of milliseconds)
      const read = readManifestFiles(paths, options, cache, (chars) => {
        if (pool !== undefined) return;
        const count = parseWorkerCount(chars, Infinity);
        if (count > 0) pool = ParsePool.start(count) ?? null;
      });
      let chars = 0;
      for (const f of read.files) chars += f.text.length;
      tuneForInput(chars);
      return read;
    },
    storedParses: (dir, files) => parsedIn(dir).read(files),
    storeParses: (dir, parses) => parsedIn(dir).write(parses),
    startParsing(files) {
      let chars = 0;
      for (const f of files) chars += f.text.length;
      const count = parseWorkerCount(chars, files.length);
      if (count === 0) return undefined;
      if (pool === undefined) pool = ParsePool.start(count) ?? null;
      return pool?.share(files);
    },
    startThread(name, input, inputChars) {
      const script = threadWanted(name, inputChars) ? threadScript(name) : undefined;
      return script ? startThreadJob<string>(script, input) : undefined;
    },
    readText(file, what) {
      // a pipe the user set up (`--links /dev/stdin`, `<(…)`) is read as it comes
      if (USER_STREAM.test(file)) {
        try {
          return readFileSync(file, 'utf8');
        } catch (e) {
          throw new ConfigError(`${what} ${file}: ${errnoText(e)}`);
        }
      }
      // anything else under the reading policy: a FIFO, a device (/dev/zero) or a file that grows
      // while read (/proc) is refused before it can block or exhaust memory
      const r = readRegularFile(path.resolve(file), undefined, TEXT_INPUT_LIMIT);
      if (r.ok) return r.bytes.toString('utf8');
      const why = r.refusal.kind === 'unreadable' ? errnoText(r.refusal.code) : refusalMessage(r.refusal, TEXT_INPUT_LIMIT).replace(' (--max-file-size); skipped', '; not read');
      throw new ConfigError(`${what} ${file}: ${why}`);
    },
    readHelmConfig(file) {
      try {
        return readHelmConfig(file);
      } catch (e) {
        throw new ConfigError(`--helm-config ${file}: ${(e as Error).message.split('\n')[0]}`);
      }
    },
    repoTop,
    pathExists,
    exportTree(repo, ref, paths, limits) {
      const dir = exportTree(repo, ref, paths, limits);
      return { dir, top: repoTop(repo, limits), dispose: () => rmSync(dir, { recursive: true, force: true }) };
    },
    resolveCommit: resolveRef,
    changedFilesInRepo,
    changedFilesBetween,
    dotToSvg: (dot, limits) => Buffer.from(runDot(dot, 'svg', limits)).toString('utf8'),
    dotToPng: (dot, limits) => runDot(dot, 'png', limits),
    listFiles(dir) {
      try {
        return readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => path.join(e.parentPath, e.name))
          .sort();
      } catch (e) {
        throw new ConfigError(`${dir}: cannot list (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      }
    },
    writeFiles(files, options = {}) {
      for (const [file, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
        // a single report file (-o FILE) is confined to its own folder: it cannot follow a symlink either
        const inside = options.inside ?? path.dirname(path.resolve(file));
        writeFileInside({ inside, ...(options.createFolders ? { createFolders: true } : {}) }, file, text);
      }
    },
    isDirectory(p) {
      try {
        return statSync(p).isDirectory();
      } catch {
        return false;
      }
    },
    // verify: cluster reads; prune --write
    removeFiles(files) {
      for (const file of [...files].sort()) {
        try {
          unlinkSync(file);
        } catch (e) {
          throw new ConfigError(`${file}: cannot remove (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
      }
    },
    kubectlResources,
    kubectlGet,
    // traffic: trace files
    forEachLine(file, what, onLine, range) {
      tuneForInput(range ? range.end - range.start : fileSize(file));
      return forEachLine(file, what, onLine, undefined, range);
    },
    traceCut: (file) => traceCut(file),
    startTraceWorker: (job, deadlineMs) => startTraceWorker(job, deadlineMs),
    // baseline: nca
    findNca() {
      nca ??= { found: findNca() };
      return nca.found;
    },
    runNcaScheme: (files, scheme, outputs, timeoutMs) => runNcaScheme(files, scheme, outputs, timeoutMs),
    // check: results kept across runs
    resultCache(dir) {
      let c = results.get(dir);
      if (!c) results.set(dir, (c = resultCacheIn(dir)));
      return c;
    },
  };
}

/** A file's size in bytes; 0 when it has none to tell (a pipe) or cannot be read (the reader says why). */
function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
