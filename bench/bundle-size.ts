import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';
import { firstLoadSizes } from '../src/build/first-load';

/**
 * First-load JavaScript of each page from the production build, gzipped, against issue 11's
 * budgets (src/build/first-load.ts; build-output.test.ts enforces them). Sizes do not depend on the
 * machine; the baseline of the comparison is the budget itself.
 */
export async function benchBundleSize() {
  const outDir = await mkdtemp(join(tmpdir(), 'cp-bench-bundle-'));
  let bundle: Rolldown.OutputBundle = {};
  const keepBundle: Plugin = { name: 'keep-bundle', generateBundle: (_options, output) => void (bundle = output) };
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn', plugins: [keepBundle], build: { outDir, emptyOutDir: true, sourcemap: false } });
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
  const sizes = firstLoadSizes(bundle);
  return {
    name: 'First-load JavaScript per page, KB gzip (level 9), against its budget',
    rows: sizes.map((s) => ({
      page: s.page,
      chunks: s.chunks,
      'KB gzip': s.kb,
      'budget KB': s.goalKb,
      'within budget': s.kb <= s.goalKb ? 'yes' : `no (+${Math.round((s.kb - s.goalKb) * 10) / 10})`,
      'ceiling KB': s.ceilingKb ?? '—',
      'largest parts, KB before minifying': s.largest,
    })),
    summary: `${sizes.map((s) => `${s.page} ${s.kb}/${s.goalKb} KB`).join('; ')}. Load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (sizes do not depend on it).`,
  };
}
