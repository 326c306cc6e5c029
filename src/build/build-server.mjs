// Compiles the server for production: one ES module, dist/server/main.js, run by plain `node`
// (no TypeScript loader at run time). Packages stay outside the bundle and are loaded from
// node_modules, so `dependencies` in package.json is exactly what the server needs to run; the
// HEIC worker (plain JavaScript, started by path) is copied next to it.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Files the bundle loads by path at run time rather than by import. */
export const SERVER_SIDE_FILES = ['src/server/attachments/heic-worker.js'];

/** Builds the server into `outFile`; the metafile lists every module and import it has. */
export async function buildServer(outFile = 'dist/server/main.js') {
  const result = await build({
    entryPoints: ['src/server/main.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    outfile: outFile,
    logLevel: 'warning',
  });
  mkdirSync(dirname(outFile), { recursive: true });
  for (const file of SERVER_SIDE_FILES) copyFileSync(file, join(dirname(outFile), file.split('/').pop()));
  return result.metafile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildServer();
