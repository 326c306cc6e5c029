import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text files worth compressing; images and fonts are compressed already, source maps are for devtools only. */
const COMPRESSIBLE = /\.(js|mjs|css|svg|json|wasm)$/;

/**
 * Writes `name.br` and `name.gz` beside each hashed asset at build time, at the highest levels
 * (done once, not per request), so the server sends them as they are (@fastify/static's
 * `preCompressed`). Node's own zlib does it: no plugin dependency to keep in step with Vite.
 * A variant that would not be smaller is left out; the server then falls back to the next one.
 */
export function precompress(): Plugin {
  return {
    name: 'cp-precompress',
    apply: 'build',
    enforce: 'post',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const files = Object.keys(bundle).filter((name) => name.startsWith('assets/') && COMPRESSIBLE.test(name));
      // One file at a time: brotli at level 11 is CPU-heavy and the build machine is shared.
      for (const name of files) {
        const path = join(dir, name);
        const raw = await readFile(path);
        const br = await brotli(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        if (br.length < raw.length) await writeFile(`${path}.br`, br);
        const gz = await gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION });
        if (gz.length < raw.length) await writeFile(`${path}.gz`, gz);
      }
    },
  };
}
