/** `policy|rule` (or `policy|` for an admin subject) of each rule lint says it did not judge. */
export function notJudged(diagnostics: readonly { code: string; message: string }[]): Set<string> {
  const out = new Set<string>();
  for (const d of diagnostics) {
    if (d.code !== 'NPC187') continue;
    const m = /^(\S+ [^ ]+?)(?: ((?:ingress|egress)\[\d+\])(?: "[^"]*")?)? is not judged/.exec(d.message);
    if (!m) throw new Error(`unparsed NPC187: ${d.message}`);
    out.add(`${m[1]}|${m[2] ?? ''}`);
  }
  return out;
}
