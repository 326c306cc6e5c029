// Which sources a build was made from, as one hash: `npm run build` records it and `npm start`
// compares it (src/build/ensure-built.mjs). Plain JavaScript: it runs before anything is compiled.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build is made from; a change to any of these means a new build. */
const SOURCES = ['src', 'index.html', 'webchat.html', 'vite.config.ts', 'package-lock.json', 'public'];
/** Written by the build: the hash of the sources it was made from. */
export const SOURCES_STAMP = 'dist/sources.sha256';

function* files(path) {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    yield path;
    return;
  }
  for (const name of readdirSync(path).sort()) yield* files(join(path, name));
}

/** One hash over every source file's path and content. */
export function sourcesHash() {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    for (const file of files(source)) {
      // Tests are not built; the router's generated tree is an output of the build.
      if (/\.test\.tsx?$/.test(file) || file.endsWith('routeTree.gen.ts')) continue;
      hash.update(file).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}
