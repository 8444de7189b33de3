import { z } from 'zod';
import { Codes, diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { parseManifestFile } from '../../manifests/documents.js';
import { locate } from '../../manifests/positions.js';
import { formatRange, parseCidr, type IpRange } from '../../model/ip.js';
import type { CidrAlias } from './alias-match.js';

export { aliasFor, type CidrAlias } from './alias-match.js';

const AliasFile = z.record(z.string(), z.unknown());

/** What a YAML value that is no CIDR is, for messages. */
function valueKind(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a map' : `a ${typeof v}`;
}

/** `name: CIDR` or `name: [CIDR, ...]`; each bad entry or CIDR is an error with its file:line, the others still count. */
export function parseCidrAliases(file: string, text: string): { aliases: CidrAlias[]; diagnostics: Diagnostic[] } {
  const parsed = parseManifestFile({ path: file, text });
  const doc = parsed.documents[0];
  if (!doc || parsed.diagnostics.some((d) => d.severity === 'error')) return { aliases: [], diagnostics: parsed.diagnostics.length > 0 ? parsed.diagnostics : [diag(Codes.invalidField, 'error', 'empty CIDR aliases file', { file, doc: 1, line: 1 })] };
  const invalid = (message: string, at: (string | number)[]) => diag(Codes.invalidField, 'error', `${message} (expected name: CIDR or name: [CIDR, ...])`, locate(doc, at));
  const r = AliasFile.safeParse(doc.value);
  if (!r.success) return { aliases: [], diagnostics: r.error.issues.map((i) => invalid(i.message, i.path.filter((p): p is string | number => typeof p !== 'symbol'))) };
  const aliases: CidrAlias[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [name, raw] of Object.entries(r.data)) {
    // one malformed entry, or one element of a list, is reported at its line and never drops the others
    if (name.trim() === '') {
      diagnostics.push(invalid('an alias needs a name', [name]));
      continue;
    }
    if (typeof raw !== 'string' && !Array.isArray(raw)) {
      diagnostics.push(invalid(`${valueKind(raw)}, not a CIDR`, [name]));
      continue;
    }
    const list: readonly unknown[] = typeof raw === 'string' ? [raw] : raw;
    const ranges: IpRange[] = [];
    list.forEach((c, i) => {
      const at = locate(doc, typeof raw === 'string' ? [name] : [name, i]);
      const range = typeof c === 'string' ? parseCidr(c) : undefined;
      if (range) ranges.push(range);
      else diagnostics.push(diag(Codes.invalidCidr, 'error', `not a CIDR: ${typeof c === 'string' ? JSON.stringify(c) : valueKind(c)}`, at));
    });
    aliases.push({ name, ranges });
  }
  return { aliases, diagnostics };
}

export { formatRange };
