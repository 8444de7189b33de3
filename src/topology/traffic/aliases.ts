import { z } from 'zod';
import { Codes, diag, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { parseManifestFile } from '../../manifests/documents.js';
import { locate } from '../../manifests/positions.js';
import { formatRange, parseCidr, type IpRange } from '../../model/ip.js';
import type { CidrAlias } from './alias-match.js';

export { aliasFor, type CidrAlias } from './alias-match.js';

const AliasFile = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** `name: CIDR` or `name: [CIDR, ...]`; each bad CIDR is an error with its file:line. */
export function parseCidrAliases(file: string, text: string): { aliases: CidrAlias[]; diagnostics: Diagnostic[] } {
  const parsed = parseManifestFile({ path: file, text });
  const doc = parsed.documents[0];
  if (!doc || parsed.diagnostics.some((d) => d.severity === 'error')) return { aliases: [], diagnostics: parsed.diagnostics.length > 0 ? parsed.diagnostics : [diag(Codes.invalidField, 'error', 'empty CIDR aliases file', { file, doc: 1, line: 1 })] };
  const r = AliasFile.safeParse(doc.value);
  if (!r.success) {
    return { aliases: [], diagnostics: r.error.issues.map((i) => diag(Codes.invalidField, 'error', `${i.message} (expected name: CIDR or name: [CIDR, ...])`, locate(doc, i.path.filter((p): p is string | number => typeof p !== 'symbol')))) };
  }
  const aliases: CidrAlias[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [name, v] of Object.entries(r.data)) {
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
