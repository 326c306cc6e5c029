import { build, type Plugin, type Rolldown } from 'vite';
import { gzipSync } from 'node:zlib';
import { FIRST_LOAD_PAGES, firstLoadChunks } from '../src/build/first-load';
let bundle: Rolldown.OutputBundle = {};
const keep: Plugin = { name: 'keep', generateBundle: (_o, out) => void (bundle = out) };
await build({ configFile: 'vite.config.ts', logLevel: 'warn', plugins: [keep], build: { outDir: '/tmp/zz-out', emptyOutDir: true, sourcemap: false } });
const pageName = process.argv[2] ?? '/agent';
const page = FIRST_LOAD_PAGES.find((p) => p.page === pageName)!;
const chunks = firstLoadChunks(bundle, page);
const groups = new Map<string, number>();
const mods: [string, number][] = [];
for (const c of chunks) {
  console.log(c.fileName, (gzipSync(c.code, { level: 9 }).length / 1024).toFixed(1));
  for (const [id, m] of Object.entries(c.modules)) {
    const code = m.code ?? '';
    const gz = gzipSync(code, { level: 9 }).length / 1024;
    mods.push([id.replace(/.*node_modules\//, 'nm/').replace(/.*\/src\//, 'src/'), gz]);
    const key = id.includes('node_modules') ? id.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') : id.replace(/.*\/src\/([^/]+(\/[^/]+)?).*/, 'src/$1');
    groups.set(key, (groups.get(key) ?? 0) + gz);
  }
}
console.log([...groups].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(1).padStart(6)} ${k}`).join('\n'));
console.log('---');
console.log(mods.sort((a, b) => b[1] - a[1]).slice(0, Number(process.argv[3] ?? 60)).map(([k, v]) => `${v.toFixed(1).padStart(6)} ${k}`).join('\n'));
