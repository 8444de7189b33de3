import { build } from 'esbuild';
import path from 'node:path';
const root='/work/main';
const englishZodOnly = { name: 'e', setup(b) { b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer) ? { path: path.join(root, 'scripts', 'zod-locales-en.mjs') } : undefined); } };
const r = await build({ entryPoints:[{in: root+'/src/cli.ts', out:'cli'}], outdir:'/tmp/distmeta', bundle:true, splitting:true, chunkNames:'chunks/[name]-[hash]', platform:'node', target:'node20', format:'esm', metafile:true, plugins:[englishZodOnly], banner: { js: "import { createRequire as __npcCreateRequire } from 'node:module'; const require = __npcCreateRequire(import.meta.url);" }, logLevel:'warning'});
const outs = r.metafile.outputs;
// find the chunk of the connectivity command
const start = Object.keys(outs).find(k => outs[k].entryPoint?.endsWith(process.argv[2]));
const seen = new Set(); const st=[start];
while (st.length) { const k = st.pop(); if (seen.has(k)) continue; seen.add(k); for (const i of outs[k].imports) if (i.kind==='import-statement' && !i.external) st.push(i.path); }
const byPkg = new Map(); let tot=0;
for (const k of seen) for (const [inp, v] of Object.entries(outs[k].inputs)) { const m = inp.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/); const key = m? m[1] : inp.split('/').slice(0,3).join('/'); byPkg.set(key,(byPkg.get(key)||0)+v.bytesInOutput); tot+=v.bytesInOutput; }
console.log(start, 'total', tot);
[...byPkg].sort((a,b)=>b[1]-a[1]).slice(0,30).forEach(([k,v])=>console.log(String(v).padStart(8),k));
