import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain JavaScript build script, without type declarations
import { buildServer, SERVER_SIDE_FILES } from './build-server.mjs';

/** The package a bare import names: `@scope/name` or `name`, without a subpath. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier);

describe('Compiled server', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'cp-server-build-'));
  const outFile = join(outDir, 'main.js');
  let imported = new Set<string>();

  beforeAll(async () => {
    const metafile = (await buildServer(outFile)) as { outputs: Record<string, { imports: { path: string; external?: boolean }[] }> };
    const bareImports = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    // The HEIC worker is started by path, not bundled: its imports count too.
    const workerImports = SERVER_SIDE_FILES.flatMap((f: string) => [...readFileSync(f, 'utf8').matchAll(/from '([^']+)'|require\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]!));
    imported = new Set([...bareImports, ...workerImports].filter((s) => !isBuiltin(s) && !s.startsWith('.')).map(packageOf));
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };

  it('needs at run time only packages listed in dependencies', () => {
    expect([...imported].filter((p) => !(p in manifest.dependencies))).toEqual([]);
  });

  it('lists in dependencies only what the server runs (the browser code is built, not installed)', () => {
    expect(Object.keys(manifest.dependencies).filter((p) => !imported.has(p))).toEqual([]);
  });

  it('ships the files it starts by path next to the bundle', () => {
    for (const file of SERVER_SIDE_FILES) expect(existsSync(join(outDir, file.split('/').pop()!))).toBe(true);
  });
});
