import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { build } from 'vite';
import { FIRST_LOAD_PAGES } from '../src/build/first-load';
import { buildApp } from '../src/server/app';
import { openPglite } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { seedDemoWorkspace } from '../src/server/db/seed';

/** Issue 11's budgets: Lighthouse mobile performance, and first-load JS gzipped per page (src/build/first-load.ts). */
const SCORE_GOAL = 90;
const JS_BUDGET_KB = Object.fromEntries(FIRST_LOAD_PAGES.map((p) => [p.page, p.goalKb]));

/** The baseline: a page with no script at all, served by the same server in the same run. */
const BASELINE_PAGE = 'bench-baseline.html';
const BASELINE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="UTF-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>Baseline</title></head><body><main><h1>Chat with us</h1><p>A static page: the best score this server and machine allow.</p></main></body></html>`;

interface PageRun {
  path: string;
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  jsRequests: number;
  jsTransferKb: number;
  jsGzipKb: number;
  /** What Lighthouse says costs score: failing audits with their figure, and the LCP element. */
  findings: string;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** Gzip (level 9, as the build writes it) of the scripts the page really loaded, from the built files. */
async function gzipOfScripts(clientDir: string, urls: string[]) {
  let total = 0;
  for (const url of urls) total += gzipSync(await readFile(join(clientDir, new URL(url).pathname)), { level: 9 }).length;
  return total;
}

/** Lighthouse's report for one page; a failed trace (NO_NAVSTART on a busy machine) is tried again, twice at most. */
async function lighthouseReport(url: string, port: number) {
  for (let attempt = 1; ; attempt++) {
    // Lighthouse's default config is mobile: a phone's screen, simulated slow 4G and a 4× slower CPU.
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const error = result ? result.lhr.runtimeError : { code: 'NO_RESULT', message: 'Lighthouse returned nothing' };
    if (result && !error) return result.lhr;
    if (attempt === 3) throw new Error(`Lighthouse on ${url}: ${error?.code} ${error?.message}`);
  }
}

type Report = Awaited<ReturnType<typeof lighthouseReport>>;

/** The performance audits that did not pass (opportunities and diagnostics), worst first, and the LCP element. */
function findingsOf(lhr: Report) {
  const ids = (lhr.categories.performance?.auditRefs ?? []).map((ref) => ref.id);
  const failing = ids
    .map((id) => lhr.audits[id])
    .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
    .sort((a, b) => (a!.score ?? 0) - (b!.score ?? 0))
    .map((a) => `${a!.id}${a!.displayValue ? ` (${a!.displayValue})` : ''}`);
  const lcp = (lhr.audits['largest-contentful-paint-element']?.details as { items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined)?.items?.[0]?.items?.[0]?.node?.snippet;
  return `${failing.join(', ') || 'none'}${lcp ? `; LCP element ${lcp.slice(0, 80)}` : ''}`;
}

async function audit(origin: string, path: string, port: number, clientDir: string): Promise<PageRun> {
  const lhr = await lighthouseReport(`${origin}${path}`, port);
  const items = (lhr.audits['network-requests']?.details as { items?: { url: string; resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
  const scripts = items.filter((i) => i.resourceType === 'Script' && i.url.startsWith(origin));
  const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
  return {
    path,
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcpMs: metric('first-contentful-paint'),
    lcpMs: metric('largest-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    jsRequests: scripts.length,
    jsTransferKb: kb(scripts.reduce((sum, i) => sum + (i.transferSize ?? 0), 0)),
    jsGzipKb: kb(await gzipOfScripts(clientDir, scripts.map((s) => s.url))),
    findings: findingsOf(lhr),
  };
}

/**
 * Lighthouse (mobile) on the production build served by the production server with the demo
 * workspace: the staff login page and the customers' web chat, against a static page without
 * script from the same server in the same run. Prints scores, paint and blocking times, and the
 * JavaScript each page loads (as sent, and gzipped: the unit of the budgets; Chromium asks for
 * brotli only over HTTPS, so this plain-HTTP run is sent gzip).
 */
export async function benchLighthouse() {
  const dir = await mkdtemp(join(tmpdir(), 'cp-bench-lighthouse-'));
  const clientDir = join(dir, 'client');
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: clientDir, emptyOutDir: true, sourcemap: false } });
  await writeFile(join(clientDir, BASELINE_PAGE), BASELINE_HTML);

  const db = await openPglite(join(dir, 'pglite'));
  await migrate(db);
  await seedDemoWorkspace(db, 'bench-password');
  const { app } = await buildApp({ db, clientDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const loadBefore = loadavg();
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  const runs: PageRun[] = [];
  try {
    // One at a time, baseline first: the machine is shared and Lighthouse times CPU work.
    for (const path of [`/${BASELINE_PAGE}`, '/login', '/webchat']) runs.push(await audit(origin, path, chrome.port, clientDir));
  } finally {
    chrome.kill();
    await app.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
  const loadAfter = loadavg();

  const [baseline] = runs as [PageRun];
  const rows = runs.map((r) => ({
    page: r.path,
    'performance score': r.score,
    'vs baseline': Math.round((r.score / Math.max(baseline.score, 1)) * 100) / 100,
    'FCP ms': r.fcpMs,
    'LCP ms': r.lcpMs,
    'TBT ms': r.tbtMs,
    'JS requests': r.jsRequests,
    'JS sent KB': r.jsTransferKb,
    'JS KB gzip': r.jsGzipKb,
    'JS budget KB gzip': JS_BUDGET_KB[r.path] ?? '—',
  }));
  const verdict = runs
    .slice(1)
    .map((r) => `${r.path} ${r.score} (goal ≥ ${SCORE_GOAL}), ${r.jsGzipKb} KB JS gzip (budget ${JS_BUDGET_KB[r.path]} KB)`)
    .join('; ');
  const findings = runs.slice(1).map((r) => `${r.path}: ${r.findings}`).join('\n');
  return {
    name: 'Lighthouse, mobile: first load of the login page and the web chat against a static page',
    rows,
    summary:
      `${verdict}; baseline static page ${baseline.score}. ` +
      `What costs score:\n${findings}\n` +
      `Load average before ${loadBefore.map((l) => l.toFixed(2)).join(' ')}, after ${loadAfter.map((l) => l.toFixed(2)).join(' ')} on this 2-core machine.`,
  };
}
