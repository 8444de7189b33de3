import { Codes, diag, type Diagnostic } from '../diagnostics/diagnostic.js';
import { visible } from '../diagnostics/sanitize.js';
import { parseManifestFile, type ManifestFile } from './documents.js';
import { isDnsSubdomain } from './k8s-names.js';
import { locate } from './positions.js';

/**
 * Remote references in a kustomization: URLs and git repositories kustomize would fetch
 * (`resources: [https://…]`, `github.com/org/repo//path?ref=`, `git@host:…`). A `helmCharts` repository
 * is fetched only when the chart is not vendored: that case is left to the offline environment the
 * tools run in (src/io/render.ts).
 * netpol-ci renders offline on purpose: a pull request must not make CI fetch what it names (an
 * internal address, a cloud metadata endpoint) nor analyse content that is not in the repository.
 */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git::|[\w.-]+@[\w.-]+:|(?:github\.com|gitlab\.com|bitbucket\.org)\/)/i;

/** The list fields whose string entries kustomize loads as files, folders or repositories. */
const LOADED_LISTS = ['resources', 'bases', 'components', 'crds', 'configurations', 'generators', 'transformers', 'validators', 'patchesStrategicMerge'] as const;

export function remoteKustomizeReferences(file: ManifestFile): Diagnostic[] {
  const { documents } = parseManifestFile(file);
  const out: Diagnostic[] = [];
  for (const d of documents) {
    if (typeof d.value !== 'object' || d.value === null || Array.isArray(d.value)) continue;
    const k = d.value as Record<string, unknown>;
    const refuse = (value: string, at: readonly (string | number)[]) =>
      out.push(
        diag(
          Codes.renderRemoteReference,
          'error',
          `${visible(JSON.stringify(value))} is remote: netpol-ci renders offline and does not fetch it; overlay not rendered`,
          locate(d, at),
          'vendor it into the repository (kustomize localize), or set NETPOL_CI_RENDER_NETWORK=allow for a trusted repository',
        ),
      );
    for (const key of LOADED_LISTS) {
      const list = k[key];
      if (!Array.isArray(list)) continue;
      list.forEach((v, i) => {
        if (typeof v === 'string' && REMOTE.test(v.trim())) refuse(v, [key, i]);
      });
    }
    for (const key of ['patches', 'patchesJson6902'] as const) {
      const list = k[key];
      if (!Array.isArray(list)) continue;
      list.forEach((p, i) => {
        const v = (p as { path?: unknown } | null)?.path;
        if (typeof v === 'string' && REMOTE.test(v.trim())) refuse(v, [key, i, 'path']);
      });
    }
  }
  return out;
}

/** Whether helm accepts `name` as a release name (a DNS-1123 subdomain of at most 53 characters); also what keeps a name from being read as a flag. */
export function isHelmReleaseName(name: string): boolean {
  return name.length <= 53 && isDnsSubdomain(name);
}

/**
 * helmCharts entries whose words kustomize hands to helm where helm reads flags: the release name
 * is helm's first positional argument (`releaseName: --post-renderer=./x.sh` would make helm run
 * a program of the pull request) and the chart name a path (`helm pull` takes it as an argument
 * when the chart is not vendored). Helm itself accepts only DNS-like release names, so refusing
 * others loses no overlay helm would render.
 */
export function unsafeHelmCharts(file: ManifestFile): Diagnostic[] {
  const { documents } = parseManifestFile(file);
  const out: Diagnostic[] = [];
  for (const d of documents) {
    const charts = typeof d.value === 'object' && d.value !== null && !Array.isArray(d.value) ? (d.value as Record<string, unknown>).helmCharts : undefined;
    if (!Array.isArray(charts)) continue;
    charts.forEach((c: unknown, i) => {
      if (typeof c !== 'object' || c === null) return;
      const { releaseName, name } = c as { releaseName?: unknown; name?: unknown };
      if (releaseName !== undefined && releaseName !== null && releaseName !== '' && !(typeof releaseName === 'string' && isHelmReleaseName(releaseName))) {
        out.push(
          diag(Codes.renderUnsafeHelmChart, 'error', `release name ${visible(JSON.stringify(releaseName))} is no name helm accepts (lower-case letters, digits, '-' and '.', at most 53 characters); overlay not rendered`, locate(d, ['helmCharts', i, 'releaseName'])),
        );
      }
      if (typeof name === 'string' && (name.startsWith('-') || /[\s\0]/.test(name))) {
        out.push(diag(Codes.renderUnsafeHelmChart, 'error', `chart name ${visible(JSON.stringify(name))} would be read by helm as a flag; overlay not rendered`, locate(d, ['helmCharts', i, 'name'])));
      }
    });
  }
  return out;
}
