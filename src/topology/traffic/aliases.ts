import { z } from 'zod';
import { Codes, diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { parseManifestFile } from '../../manifests/documents.js';
import { locate } from '../../manifests/positions.js';
import { formatRange, parseCidr, type IpRange } from '../../model/ip.js';
import type { CidrAlias } from './alias-match.js';

export { aliasFor, type CidrAlias } from './alias-match.js';

const AliasFile = z.record(z.string(), z.unknown());
const AliasValue = z.union([z.string(), z.array(z.string())]);

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
    // one malformed entry is reported at its line and never drops the others
    const one = AliasValue.safeParse(raw);
    if (!one.success) {
      diagnostics.push(invalid(one.error.issues[0]?.message ?? 'invalid', [name]));
      continue;
    }
    const v = one.data;
    const list = typeof v === 'string' ? [v] : v;
    const ranges: IpRange[] = [];
    list.forEach((c, i) => {
      const range = parseCidr(c);
      if (range) ranges.push(range);
      else diagnostics.push(diag(Codes.invalidCidr, 'error', `not a CIDR: ${JSON.stringify(c)}`, locate(doc, typeof v === 'string' ? [name] : [name, i])));
    });
    aliases.push({ name, ranges });
  }
  return { aliases, diagnostics };
}

export { formatRange };
