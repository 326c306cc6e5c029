import { build, type Plugin, type Rolldown } from 'vite';
import { gzipSync } from 'node:zlib';
import { FIRST_LOAD_PAGES, firstLoadChunks } from '../src/build/first-load';
let bundle: Rolldown.OutputBundle = {};
const keep: Plugin = { name: 'keep', generateBundle: (_o, out) => void (bundle = out) };
await build({ configFile: 'vite.config.ts', logLevel: 'warn', plugins: [keep], build: { outDir: '/tmp/zz-out', emptyOutDir: true, sourcemap: false } });
const page = FIRST_LOAD_PAGES.find((p) => p.page === (process.argv[2] ?? '/webchat'))!;
for (const c of firstLoadChunks(bundle, page)) {
  console.log(`${c.name} ${(gzipSync(c.code, { level: 9 }).length / 1024).toFixed(1)}: ${c.moduleIds.map((id) => id.replace(/.*node_modules\//, '').replace(/.*\/src\//, 'src/')).join(' ')}`);
}
