import type { ChartSettings, ExportedTree, Io, ReadOptions, ReadResult } from '../../src/io/types.js';
import { ConfigError } from '../../src/diagnostics/errors.js';
import type { ManifestFile } from '../../src/manifests/documents.js';
import type { StoredParse } from '../../src/manifests/parsed-store.js';

/**
 * An in-memory Io for use-case tests: manifests are `{path: text}` per input path (a "folder" is
 * every entry whose key starts with `path/`), git refs are maps of such trees, writes are kept.
 * It records what the use-cases asked for, so that tests can check they asked for nothing else.
 */
export class MemoryIo implements Io {
  readonly written = new Map<string, string>();
  readonly asked: string[] = [];

  constructor(
    private readonly files: Readonly<Record<string, string>>,
    private readonly refs: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
  ) {}

  readManifests(paths: readonly string[], options: ReadOptions): ReadResult {
    this.asked.push(`read ${paths.join(' ')}`);
    const out: ReadResult = { files: [], diagnostics: [], values: [] };
    for (const p of paths) {
      // an exported ref is a folder: `/memory/<ref>` and any path inside it
      const dir = [...this.trees.keys()].find((d) => p === d || p.startsWith(`${d}/`));
      const source = dir !== undefined ? (this.trees.get(dir) as Readonly<Record<string, string>>) : this.files;
      const sub = dir !== undefined ? p.slice(dir.length + 1) : p;
      for (const [name, text] of Object.entries(source).sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (sub !== '' && name !== sub && !name.startsWith(`${sub}/`)) continue;
        out.files.push({ path: dir !== undefined ? (options.paths?.display(`${dir}/${name}`) ?? name) : name, text });
      }
    }
    return out;
  }

  /** Stored parses by folder and content, as JSON text (what a disk keeps: no prototypes, no shared objects). */
  readonly parses = new Map<string, string>();

  private parseKey(dir: string, f: ManifestFile): string {
    return `${dir}\0${/\.json$/i.test(f.path) ? 'json' : 'yaml'}\0${f.text}`;
  }

  storedParses(dir: string, files: readonly ManifestFile[]): Map<ManifestFile, StoredParse> {
    const found = new Map<ManifestFile, StoredParse>();
    for (const f of files) {
      const json = this.parses.get(this.parseKey(dir, f));
      if (json !== undefined) found.set(f, JSON.parse(json) as StoredParse);
    }
    return found;
  }

  storeParses(dir: string, parses: ReadonlyMap<ManifestFile, StoredParse>): void {
    for (const [f, p] of parses) this.parses.set(this.parseKey(dir, f), JSON.stringify(p));
  }

  startParsing(): undefined {
    return undefined;
  }

  readText(file: string, what: string): string {
    this.asked.push(`text ${file}`);
    const text = this.files[file];
    if (text === undefined) throw new ConfigError(`${what} ${file}: no such file (ENOENT)`);
    return text;
  }

  readHelmConfig(): Map<string, ChartSettings> {
    return new Map();
  }

  repoTop(repo: string): string {
    return repo;
  }

  pathExists(_repo: string, ref: string, p: string): boolean {
    const tree = this.refs[ref] ?? {};
    return p === '.' || Object.keys(tree).some((f) => f === p || f.startsWith(`${p}/`));
  }

  private readonly trees = new Map<string, Readonly<Record<string, string>>>();

  exportTree(_repo: string, ref: string): ExportedTree {
    this.asked.push(`export ${ref}`);
    const dir = `/memory/${ref}`;
    this.trees.set(dir, this.refs[ref] ?? {});
    return { dir, top: '/memory', dispose: () => this.trees.delete(dir) };
  }

  resolveCommit(_repo: string, ref: string): string {
    if (!this.refs[ref]) throw new ConfigError(`${JSON.stringify(ref)} is not a commit`);
    return ref;
  }

  changedFilesInRepo(_repo: string, base: string, head: string): string[] {
    const a = this.refs[base] ?? {};
    const b = this.refs[head] ?? {};
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => a[f] !== b[f]).sort();
  }

  changedFilesBetween(): string[] {
    return [];
  }

  findNca(): undefined {
    return undefined;
  }

  runNcaScheme(): never {
    throw new ConfigError('no nca in memory');
  }

  dotToPng(): Uint8Array {
    throw new ConfigError('no Graphviz in memory');
  }

  listFiles(dir: string): string[] {
    return Object.keys(this.files)
      .filter((f) => f.startsWith(`${dir}/`))
      .sort();
  }

  dotToSvg(): string {
    throw new ConfigError('no Graphviz in memory');
  }

  writeFiles(files: ReadonlyMap<string, string | { readonly chunks: Iterable<string> }>): void {
    for (const [f, t] of files) this.written.set(f, typeof t === 'string' ? t : [...t.chunks].join(''));
  }

  removeFiles(files: readonly string[]): void {
    for (const f of files) this.written.delete(f);
  }

  kubectlResources(): never {
    throw new ConfigError('no cluster in memory');
  }

  kubectlGet(): never {
    throw new ConfigError('no cluster in memory');
  }

  forEachLine(file: string, what: string, onLine: (text: string, line: number) => void): number {
    const lines = this.readText(file, what).split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    lines.forEach((l, i) => onLine(l, i + 1));
    return lines.length;
  }

  isDirectory(p: string): boolean {
    return p.endsWith('/');
  }
}
