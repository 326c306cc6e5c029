import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strings } from '../lib/strings';
import { FIRST_LOAD_PAGES, firstLoadChunks, firstLoadSizes, STAFF_MODULE } from './first-load';

/** Chunks reachable from `entry`: what it imports, and what those import or load later on demand. */
function reachable(bundle: Rolldown.OutputBundle, entry: string): Rolldown.OutputChunk[] {
  const seen = new Map<string, Rolldown.OutputChunk>();
  const visit = (fileName: string) => {
    const chunk = bundle[fileName];
    if (seen.has(fileName) || chunk?.type !== 'chunk') return;
    seen.set(fileName, chunk);
    for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next);
  };
  visit(entry);
  return [...seen.values()];
}

// The real production build (vite.config.ts), into a folder of its own; a plugin keeps the bundle's module graph.
describe('Production build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'cp-build-'));
  let bundle: Rolldown.OutputBundle = {};
  const keepBundle: Plugin = { name: 'keep-bundle', generateBundle: (_options, output) => void (bundle = output) };

  beforeAll(async () => {
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: 'vite.config.ts', mode: 'production', logLevel: 'error', plugins: [keepBundle], build: { outDir, emptyOutDir: true, sourcemap: false } });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  }, 300_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  const entry = (name: string) => Object.values(bundle).find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry && o.name === name)!;

  it('gives the web chat none of the staff code, not even in chunks it loads later', () => {
    const webchat = entry('webchat');
    expect(webchat).toBeDefined();
    const modules = reachable(bundle, webchat.fileName).flatMap((chunk) => chunk.moduleIds);
    expect(modules.some((id) => id.includes('/src/features/webchat/components/customer-chat.tsx'))).toBe(true);
    expect(modules.filter((id) => STAFF_MODULE.test(id))).toEqual([]);
    // Nor the whole route table with every staff schema: the web chat has webchat-api.ts.
    expect(modules.filter((id) => id.endsWith('/src/contract/api.ts'))).toEqual([]);
  });

  it('loads the conversation of the web chat on first use, not with the start form', () => {
    const first = entry('webchat');
    const staticGraph = new Set<string>();
    const visit = (fileName: string) => {
      const chunk = bundle[fileName];
      if (staticGraph.has(fileName) || chunk?.type !== 'chunk') return;
      staticGraph.add(fileName);
      chunk.imports.forEach(visit);
    };
    visit(first.fileName);
    const modules = [...staticGraph].flatMap((f) => (bundle[f] as Rolldown.OutputChunk).moduleIds);
    expect(modules.some((id) => id.includes('/src/features/webchat/components/start-chat-form.tsx'))).toBe(true);
    expect(modules.filter((id) => /\/src\/components\/(composer|message-thread)\.tsx$/.test(id))).toEqual([]);
    // Nor zod: the form's rules load on first focus, and the web chat does not re-check answers.
    expect(modules.filter((id) => id.includes('/node_modules/zod/'))).toEqual([]);
    // Nor the query cache: it comes with the chat; the start form reads and writes without it.
    expect(modules.filter((id) => id.includes('/node_modules/@tanstack/'))).toEqual([]);
  });

  it('keeps the staff panel its own entry, where the pattern above does find staff code', () => {
    const staff = entry('index');
    expect(staff.moduleIds.some((id) => id.endsWith('/src/main.tsx'))).toBe(true);
    const modules = reachable(bundle, staff.fileName).flatMap((chunk) => chunk.moduleIds);
    for (const part of ['/src/routes/', '/src/features/conversations/', '/src/features/admin/', '/@tanstack/react-router/']) {
      expect(modules.some((id) => STAFF_MODULE.test(id) && id.includes(part)), part).toBe(true);
    }
  });

  // Issue 11's budgets, in gzip: a page over its goal may not grow past its ceiling either.
  it.each(FIRST_LOAD_PAGES.map((p) => [p.page, p] as const))('keeps the first-load JavaScript of %s within its budget', (page) => {
    const size = firstLoadSizes(bundle).find((s) => s.page === page)!;
    expect(size.chunks).toBeGreaterThan(1);
    expect(size.kb, `${page}: ${size.kb} KB gzip; largest parts (KB before minifying): ${size.largest}`).toBeLessThanOrEqual(size.ceilingKb ?? size.goalKb);
  });

  // The staff panel calls its routes without schemas (contract/staff-routes.ts), checks search
  // params by hand and loads the realtime frames' schema with the socket.
  it.each(['/login', '/agent'])('keeps zod and the contract schemas out of the first load of %s', (name) => {
    const modules = firstLoadChunks(bundle, FIRST_LOAD_PAGES.find((p) => p.page === name)!).flatMap((c) => c.moduleIds);
    expect(modules.some((id) => id.endsWith('/src/contract/staff-routes.ts'))).toBe(true);
    expect(modules.filter((id) => id.includes('/node_modules/zod/'))).toEqual([]);
    expect(modules.filter((id) => /\/src\/contract\/(api|[a-z-]+-api|events)\.ts$/.test(id))).toEqual([]);
  });

  it('ships the login page with the entry, not as a route chunk fetched after the router has run', () => {
    const firstLoad = firstLoadChunks(bundle, FIRST_LOAD_PAGES.find((p) => p.page === '/login')!).flatMap((c) => c.moduleIds);
    expect(firstLoad.some((id) => id.endsWith('/src/features/auth/components/login-form.tsx'))).toBe(true);
  });

  it('puts the web chat title and intro in its HTML, shown before any script runs', () => {
    const webchat = readFileSync(join(outDir, 'webchat.html'), 'utf8');
    expect(webchat).toMatch(new RegExp(`<div id="root">.*${strings.webchat.title}.*</div>`, 's'));
    expect(webchat).toContain(strings.webchat.intro);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).not.toContain(strings.webchat.intro);
  });

  it("puts the product name of the staff panel's login card in its HTML, shown before any script runs", () => {
    const panel = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(panel).toMatch(new RegExp(`<div id="root">.*${strings.appName}.*</div>`, 's'));
  });

  it('writes brotli and gzip variants beside every hashed script and style sheet', () => {
    const assets = Object.keys(bundle).filter((name) => name.startsWith('assets/') && /\.(js|css)$/.test(name));
    expect(assets.length).toBeGreaterThan(10);
    for (const name of assets) {
      const path = join(outDir, name);
      // A file too small to shrink keeps no variant: the server then sends it as is.
      if (statSync(path).size < 1024) continue;
      expect(existsSync(`${path}.br`), `${name}.br`).toBe(true);
      expect(existsSync(`${path}.gz`), `${name}.gz`).toBe(true);
      expect(statSync(`${path}.br`).size).toBeLessThan(statSync(path).size);
    }
  });
});
