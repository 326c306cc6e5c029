import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, round, startFrameRecorder } from './browser-frames';
import { chromium, type Page, type Response } from '@playwright/test';
import { build } from 'vite';
import playwrightConfig from '../playwright.config';
import { strings } from '../src/lib/strings';
import { panelStrings } from '../src/lib/staff-page-strings';
import { buildApp } from '../src/server/app';
import { openPglite, type Database } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { seedDemoWorkspace } from '../src/server/db/seed';

const LARGE = 10_000;
const BASELINE = 50;
const PASSWORD = 'bench-password';
/** A frame slower than this is a visible stutter. */
const LONG_FRAME_MS = 50;
/** Give up on reaching the first message after this long (the unvirtualized thread took minutes). */
const GIVE_UP_MS = 120_000;

/**
 * One conversation of `count` messages held by `username`, inserted with SQL: customer and agent
 * taking turns with texts of one to six lines' worth, a system line every 25th message, spread
 * over three weeks (so day lines appear), and all of it read. Each text starts with `#seq#` so the
 * page can find the first and the newest message.
 */
async function holdLongConversation(db: Database, username: string, count: number) {
  const [agent] = await db.query<{ id: string; display_name: string }>('SELECT id, display_name FROM users WHERE username = $1', [username]);
  const [queue] = await db.query<{ id: string; address: string }>(`SELECT id, address FROM queues WHERE name = 'Support'`);
  const name = `Bench Thread ${username}`;
  const [customer] = await db.query<{ id: string }>('INSERT INTO customers (name, email) VALUES ($1, $2) RETURNING id', [name, `bench.thread.${username}@example.com`]);
  const [conversation] = await db.query<{ id: string }>(
    `INSERT INTO conversations (customer_id, queue_id, source, destination, state, agent_id, arrived_at, picked_at, last_seq)
     VALUES ($1, $2, $3, $4, 'picked', $5, now() - interval '21 days', now() - interval '21 days', $6) RETURNING id`,
    [customer!.id, queue!.id, `bench.thread.${username}@example.com`, queue!.address, agent!.id, count],
  );
  await db.query(
    `INSERT INTO messages (conversation_id, seq, author_kind, author_id, author_name, text, created_at)
     SELECT $1, g,
       CASE WHEN g % 25 = 0 THEN 'system' WHEN g % 2 = 1 THEN 'customer' ELSE 'agent' END,
       CASE WHEN g % 25 = 0 THEN NULL WHEN g % 2 = 1 THEN $2::uuid ELSE $3::uuid END,
       CASE WHEN g % 25 = 0 THEN 'System' WHEN g % 2 = 1 THEN $4 ELSE $5 END,
       CASE WHEN g % 25 = 0 THEN '#' || g || '# ' || $5 || ' looked at the order again.'
         ELSE '#' || g || '# ' || repeat('Could you check the delivery address and the invoice number once more, please? ', 1 + (g * 7) % 6) END,
       now() - interval '21 days' + (g * interval '21 days') / ($6::int + 1)
     FROM generate_series(1, $6::int) g`,
    [conversation!.id, customer!.id, agent!.id, name, agent!.display_name, count],
  );
  await db.query('INSERT INTO read_markers (user_id, conversation_id, last_read_seq) VALUES ($1, $2, $3)', [agent!.id, conversation!.id, count]);
  return { name, count };
}

// The in-page scripts are strings: tsx compiles this file with esbuild's keepNames, whose
// __name() helper would be called inside the page, where it does not exist.

const LOG = `[role="log"][aria-label="${strings.thread.label}"]`;

/** In-page: whether the message whose text starts with `#seq#` is rendered inside the log's view. */
const inViewFn = `(seq) => {
  const log = document.querySelector('${LOG}');
  if (!log) return false;
  const box = log.getBoundingClientRect();
  for (const bubble of log.querySelectorAll('[role="article"], [role="note"]')) {
    if (!bubble.textContent.includes('#' + seq + '#')) continue;
    const r = bubble.getBoundingClientRect();
    return r.bottom > box.top && r.top < box.bottom;
  }
  return false;
}`;

/** Resolves with performance.now() at the first frame that shows message `seq`. */
const waitForInView = (seq: number) => `new Promise((resolve) => {
  const inView = ${inViewFn};
  const tick = () => (inView(${seq}) ? resolve(performance.now()) : requestAnimationFrame(tick));
  tick();
})`;

/**
 * Scrolls the log to its top every frame, as a reader holding Home (or dragging the scrollbar up)
 * would, until the first message is in view: resolves with the time taken, or -1 after GIVE_UP_MS.
 */
const scrollToFirst = `new Promise((resolve) => {
  const inView = ${inViewFn};
  const log = document.querySelector('${LOG}');
  const start = performance.now();
  const tick = () => {
    if (inView(1)) return resolve(performance.now() - start);
    if (performance.now() - start > ${GIVE_UP_MS}) return resolve(-1);
    log.scrollTop = 0;
    requestAnimationFrame(tick);
  };
  tick();
})`;

const countRendered = `document.querySelectorAll('${LOG} [role="article"], ${LOG} [role="note"]').length`;

/** One older page fetched while scrolling up: its size, and its time from request sent to last byte. */
interface PageFetch {
  messages: number;
  bytes: number;
  /** Request sent to the first byte of the response: the server's time, plus the loopback. */
  waitMs: number;
  /** Request sent to the last byte of the response. */
  totalMs: number;
}

interface Run {
  messages: number;
  openMs: number;
  toFirstMs: number;
  rendered: number;
  frames: number[];
  cost: { scriptMs: number; styleMs: number; layoutMs: number };
  pages: PageFetch[];
}

/** Records the older message pages (`before=`) fetched until the returned stop() is called. */
function recordOlderPages(page: Page) {
  // A page still loading when the context closes has no body to read: it is left out.
  const pages: Promise<PageFetch | null>[] = [];
  const onResponse = (response: Response) => {
    const url = new URL(response.url());
    if (!/\/api\/conversations\/[^/]+\/messages$/.test(url.pathname) || !url.searchParams.has('before')) return;
    pages.push(
      (async () => {
        const body = await response.body();
        const timing = response.request().timing();
        const { messages } = JSON.parse(body.toString()) as { messages: unknown[] };
        return { messages: messages.length, bytes: body.length, waitMs: timing.responseStart - timing.requestStart, totalMs: timing.responseEnd - timing.requestStart };
      })().catch(() => null),
    );
  };
  page.on('response', onResponse);
  return async () => {
    page.off('response', onResponse);
    return (await Promise.all(pages)).filter((p) => p !== null);
  };
}

async function measure(page: Page, origin: string, username: string, thread: { name: string; count: number }): Promise<Run> {
  const login = await page.request.post(`${origin}/api/auth/login`, { data: { username, password: PASSWORD } });
  if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
  await page.goto(`${origin}/agent?list=mine`);
  const row = page.getByRole('list', { name: panelStrings.conversations }).getByRole('listitem', { name: thread.name });
  await row.waitFor();

  // As an agent who has read the list: the conversation page's code (fetched once the list showed) is in.
  await page.waitForLoadState('networkidle');
  // Opening: from the click on the conversation to its newest message on screen.
  const clickAt = await page.evaluate(() => performance.now());
  await row.getByRole('button').first().click();
  const shownAt = await page.evaluate<number>(waitForInView(thread.count));
  const openMs = shownAt - clickAt;

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value])) as Record<string, number>;
  const before = await metrics();
  const stopPages = recordOlderPages(page);
  const stop = await startFrameRecorder(page);
  const toFirstMs = await page.evaluate<number>(scrollToFirst);
  const frames = await stop();
  const pages = await stopPages();
  const after = await metrics();
  const spent = (name: string) => Math.round(((after[name] ?? 0) - (before[name] ?? 0)) * 1000);
  const rendered = await page.evaluate<number>(countRendered);
  return { messages: thread.count, openMs, toFirstMs, rendered, frames, cost: { scriptMs: spent('ScriptDuration'), styleMs: spent('RecalcStyleDuration'), layoutMs: spent('LayoutDuration') }, pages };
}


/**
 * A 10,000-message conversation in Chromium against a 50-message one, in the same run: the time
 * from opening it to its newest message on screen, the time to scroll up to its first message,
 * the message elements left in the page, and the animation frames over 50 ms while scrolling.
 */
export async function benchLongThread() {
  const dir = await mkdtemp(join(tmpdir(), 'cp-bench-thread-'));
  // The SPA as it ships, built from this checkout.
  const clientDir = join(dir, 'client');
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: clientDir, emptyOutDir: true, sourcemap: false } });

  const db = await openPglite(join(dir, 'pglite'));
  await migrate(db);
  await seedDemoWorkspace(db, PASSWORD);
  // Ben holds the baseline, Anna the long thread: same server, same code.
  const baseline = await holdLongConversation(db, 'ben', BASELINE);
  const large = await holdLongConversation(db, 'anna', LARGE);
  const { app } = await buildApp({ db, clientDir });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  const launch = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  const runs: Run[] = [];
  const loadBefore = loadavg();
  try {
    // The baseline runs twice and only its second run counts: the first warms up the browser and
    // the server (caches, JIT), which would otherwise be charged to whichever thread ran first.
    for (const [username, thread, counted] of [
      ['ben', baseline, false],
      ['ben', baseline, true],
      ['anna', large, true],
    ] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const run = await measure(await context.newPage(), origin, username, thread);
        if (counted) runs.push(run);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await app.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
  const loadAfter = loadavg();

  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const mean = (values: number[]) => (values.length > 0 ? sum(values) / values.length : 0);
  const long = (r: Run) => r.frames.filter((f) => f > LONG_FRAME_MS).length;
  const rows = runs.map((r) => ({
    messages: r.messages,
    'open → newest shown ms': Math.round(r.openMs),
    'scroll to first ms': r.toFirstMs < 0 ? `gave up at ${GIVE_UP_MS}` : Math.round(r.toFirstMs),
    'older pages fetched': r.pages.length,
    'largest page (messages)': Math.max(0, ...r.pages.map((p) => p.messages)),
    'largest page KB': round(Math.max(0, ...r.pages.map((p) => p.bytes)) / 1024),
    'server ms per page (mean)': round(mean(r.pages.map((p) => p.waitMs))),
    'fetching ms (sum)': Math.round(sum(r.pages.map((p) => p.totalMs))),
    'not fetching ms': Math.round(r.toFirstMs - sum(r.pages.map((p) => p.totalMs))),
    'messages in DOM at end': r.rendered,
    'script ms': r.cost.scriptMs,
    'style ms': r.cost.styleMs,
    'layout ms': r.cost.layoutMs,
    frames: r.frames.length,
    [`frames > ${LONG_FRAME_MS} ms`]: long(r),
    'p95 frame ms': round(percentile(r.frames, 95)),
    'max frame ms': round(Math.max(0, ...r.frames)),
  }));
  const [base, big] = runs as [Run, Run];
  const ratio = (a: number, b: number) => (b > 0 ? `${round(a / b)}×` : 'n/a');
  return {
    name: `Long thread in Chromium: a ${LARGE}-message conversation against a ${BASELINE}-message one`,
    rows,
    summary:
      `Open → newest shown: ${Math.round(big.openMs)} ms (goal ≤ 300) vs ${Math.round(base.openMs)} ms, ${ratio(big.openMs, base.openMs)}. ` +
      `Scroll to the first message: ${Math.round(big.toFirstMs)} ms (goal ≤ 2000) vs ${Math.round(base.toFirstMs)} ms. ` +
      `On the way: ${big.pages.length} older pages fetched, ${round(mean(big.pages.map((p) => p.waitMs)))} ms server time each on average, ` +
      `${Math.round(sum(big.pages.map((p) => p.totalMs)))} ms fetching in all, the rest rendering and waiting for the next scroll. ` +
      `Messages in the DOM at the end: ${big.rendered} of ${LARGE} (baseline ${base.rendered} of ${BASELINE}). ` +
      `Frames over ${LONG_FRAME_MS} ms while scrolling: ${long(big)} of ${big.frames.length} vs ${long(base)} of ${base.frames.length}. ` +
      `Load average (1/5/15 min) before ${loadBefore.map(round).join('/')}, after ${loadAfter.map(round).join('/')}.`,
  };
}
