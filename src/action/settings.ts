import path from 'node:path';
import type { IpFamily } from '../model/ip.js';
import { DEFAULT_READ_SETTINGS, type ChartSettings, type ReadSettings } from '../pipeline/settings.js';
import type { ActionRuntime } from './runtime.js';

/** The manifest inputs every reading action shares (see `manifestInputs` in inputs.ts). */
export interface ManifestInputs {
  readonly 'working-directory': string;
  readonly 'ip-family': '4' | '6' | 'dual';
  readonly 'helm-values': readonly string[];
  readonly 'helm-set': readonly string[];
  readonly 'helm-config'?: string | undefined;
  readonly 'kustomize-flags': readonly string[];
  readonly cache: boolean;
}

const families = (f: ManifestInputs['ip-family']): IpFamily[] => (f === '4' ? [4] : f === '6' ? [6] : [4, 6]);

/** A path input, relative to `working-directory`. */
export function resolveIn(inputs: ManifestInputs, p: string): string {
  return path.resolve(inputs['working-directory'], p);
}

/** The use-cases' read settings from the inputs (the Actions' counterpart of the CLI's common flags). */
export function readSettingsFromInputs(rt: ActionRuntime, inputs: ManifestInputs): ReadSettings {
  const config = inputs['helm-config'];
  const charts: Map<string, ChartSettings> = config ? rt.io.readHelmConfig(resolveIn(inputs, config)) : new Map();
  return {
    ...DEFAULT_READ_SETTINGS,
    ipFamilies: families(inputs['ip-family']),
    render: {
      ...DEFAULT_READ_SETTINGS.render,
      helmValues: inputs['helm-values'].map((v) => resolveIn(inputs, v)),
      helmSet: inputs['helm-set'],
      charts,
      kustomizeFlags: inputs['kustomize-flags'],
      // the composite layer restores the folder with actions/cache and names it here (empty when `cache` is false)
      ...(inputs.cache && rt.env.NETPOL_CI_CACHE_DIR ? { cacheDir: rt.env.NETPOL_CI_CACHE_DIR } : {}),
    },
  };
}

/** A file the pipeline read, as annotations and SARIF want it: relative to the repository checkout (GITHUB_WORKSPACE). */
export function workspacePath(rt: ActionRuntime, file: string): string {
  if (!path.isAbsolute(file)) return file;
  return path.relative(path.resolve(rt.env.GITHUB_WORKSPACE ?? '.'), file).split(path.sep).join('/');
}

/**
 * A file the pipeline reads by the path it is given and shows as given (rule files): relative to
 * the working directory when below it, as the manifest reader shows manifests, else absolute.
 */
export function shownAsRead(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
