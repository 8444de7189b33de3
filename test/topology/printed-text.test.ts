import { describe, expect, it } from 'vitest';
import { printedText } from '../../src/topology/printed-text.js';

/** The texts an echo prints to stdout, as the shell reads the script (quotes, comments, here-documents, substitutions). */
const printed = (script: string) => printedText(script).map(([from, to]) => script.slice(from, to).trim());

describe('what a script prints to its output', () => {
  it('an apostrophe in a comment or a here-document opens no quote: a later substitution is still found', () => {
    expect(printed("# don't panic\necho \"up: $(curl https://a.example.org)\"")).toEqual(['"up:', '"']);
    expect(printed("cat <<EOF\nit's\nEOF\necho \"see https://b.example.org $(date)\"")).toEqual(['"see https://b.example.org', '"']);
  });

  it('an echo inside a substitution prints a value, also after a `;` in it', () => {
    expect(printed('X=$(cd /; echo https://c.example.org)')).toEqual([]);
  });

  it('`exec` to another descriptor (`>&2`, `3>`) leaves stdout alone; `exec > >(tee f)` sends it to a file', () => {
    expect(printed('exec >&2\necho "see https://d.example.org"')).toEqual(['"see https://d.example.org"']);
    expect(printed('exec 3>/tmp/x\necho "see https://d.example.org"')).toEqual(['"see https://d.example.org"']);
    expect(printed('exec > >(tee /x)\necho "see https://d.example.org"')).toEqual([]);
  });

  it('a compound command\'s stderr redirected (`done 2>/dev/null`) or an alternative (`} || {`) is no output sent on', () => {
    expect(printed('for x in 1; do :; done 2>/dev/null\necho "see https://e.example.org"')).toEqual(['"see https://e.example.org"']);
    expect(printed('{ test -n "$HOME"; } || { :; }\necho "see https://e.example.org"')).toEqual(['"see https://e.example.org"']);
    expect(printed('for x in 1; do :; done 2>/dev/null | tee f\necho "see https://e.example.org"')).toEqual([]);
  });

  it('a function called plainly prints messages; called in a substitution, a value', () => {
    expect(printed('f() {\n echo "https://x.example.org"\n}\nif f arg; then :; fi')).toEqual(['"https://x.example.org"']);
    expect(printed('f() {\n echo "https://x.example.org"\n}\nconf=$(f)')).toEqual([]);
    expect(printed('function f {\n echo "https://x.example.org"\n}\nf | tee /x')).toEqual([]);
  });
});
