import { loadavg } from 'node:os';
import pg from 'pg';
import { z } from 'zod';
import { api, type RouteDef } from '../src/contract/api';
import { supervisionApi } from '../src/contract/supervision-api';
import { buildApp } from '../src/server/app';
import { openPglite, openPostgres, type Database } from '../src/server/db/database';
import { migrate } from '../src/server/db/migrate';
import { seedDemoWorkspace } from '../src/server/db/seed';
import { countStatements } from '../src/server/test-support/statement-counter';
import { MESSAGES, OPEN, SCALE, seedReadLoad, type Seeded } from './read-load-seed';

const PASSWORD = 'bench-password';
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Its own database on the server; BENCH_PG_DATABASE lets runs that share a server keep apart. */
const PG_DATABASE = process.env.BENCH_PG_DATABASE ?? 'perf_reads_bench';
/**
 * Requests per read: enough for a p95, but a read slow enough to need more than TIME_BUDGET_MS
 * stops after MIN_ROUNDS, so the whole run stays within a few minutes on a shared machine.
 */
const ROUNDS = 25;
const MIN_ROUNDS = 5;
const TIME_BUDGET_MS = 3000;
const BASELINE_ROUNDS = 200;
/** The two page sizes each paged read is counted at: its statements must not change. */
const SMALL_PAGE = 10;
const LARGE_PAGE = 100;
const GOAL_P95_MS = { postgres: 50, pglite: 100 } as const;

interface Read {
  name: string;
  user: string;
  /** The URL at a page size (null: the read is not paged). */
  url: (limit: number | null) => string;
  paged: boolean;
}

/** Whether a route's query schema accepts `limit` (the lists gain it with cursor paging). */
const takesLimit = (route: RouteDef) => route.query instanceof z.ZodObject && 'limit' in route.query.shape;

function reads(s: Seeded): Read[] {
  const withLimit = (base: string, limit: number | null) => (limit === null ? base : `${base}${base.includes('?') ? '&' : '?'}limit=${limit}`);
  const read = (name: string, user: string, route: RouteDef, base: string): Read => {
    const paged = takesLimit(route);
    return { name, user, paged, url: (limit) => (paged ? withLimit(base, limit) : base) };
  };
  const c = (id: string) => `/api/conversations/${id}`;
  return [
    read('picklist (anna)', 'anna', api.conversations, '/api/conversations?view=picklist'),
    read('mine: 2,000 held (anna)', 'anna', api.conversations, '/api/conversations?view=mine'),
    read('mine: unread first (anna)', 'anna', api.conversations, '/api/conversations?view=mine&sort=unread-first'),
    read('offers', s.offeredAgent, api.conversations, '/api/conversations?view=offers'),
    read('unread (anna)', 'anna', api.unread, '/api/conversations/unread'),
    read('thread: newest page', 'anna', api.messages, `${c(s.longConversationId)}/messages`),
    read('thread: older page', 'anna', api.messages, `${c(s.longConversationId)}/messages?before=${SCALE.longThread / 2}`),
    read('History: blank (anna)', 'anna', api.handledConversations, '/api/conversations/handled'),
    read('History: blank (supervisor)', 'sara', api.handledConversations, '/api/conversations/handled'),
    read('History: search "kowalski" (supervisor)', 'sara', api.handledConversations, '/api/conversations/handled?search=kowalski'),
    read('History: search "rossi 12" (anna)', 'anna', api.handledConversations, '/api/conversations/handled?search=rossi%2012'),
    read('History: search, no match (supervisor)', 'sara', api.handledConversations, '/api/conversations/handled?search=nobody-here'),
    read('customer history: 300 earlier (supervisor)', 'sara', api.customerHistory, `${c(s.regularConversationId)}/history`),
    read('customer history (anna)', 'anna', api.customerHistory, `${c(s.regularConversationId)}/history`),
    read('notes', 'anna', api.notes, `${c(s.longConversationId)}/notes`),
    read('transfers', 'anna', api.transfers, `${c(s.longConversationId)}/transfers`),
    read('audit trail', 'sara', api.auditTrail, `${c(s.longConversationId)}/audit`),
    read('supervisor: queue dashboard', 'sara', supervisionApi.queueDashboard, '/api/supervisor/queues'),
    read('supervisor: agents', 'sara', supervisionApi.agentStatuses, '/api/supervisor/agents'),
    read('supervisor: open conversations', 'sara', supervisionApi.openConversations, '/api/supervisor/conversations'),
  ];
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};
const ms = (n: number) => Math.round(n * 10) / 10;
const load = () => loadavg().map((n) => n.toFixed(2)).join(' / ');

async function measure(db: Database, label: string) {
  const seedStart = performance.now();
  await migrate(db);
  await seedDemoWorkspace(db, PASSWORD);
  const seeded = await seedReadLoad(db);
  const seedMs = performance.now() - seedStart;

  const counter = countStatements(db);
  const { app } = await buildApp({ db: counter.db });
  counter.track(app);
  const tokens = new Map<string, string>();
  const auth = async (user: string) => {
    if (!tokens.has(user)) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${user}: ${res.statusCode} ${res.body}`);
      tokens.set(user, (res.json() as { token: string }).token);
    }
    return { authorization: `Bearer ${tokens.get(user)}` };
  };
  const get = async (user: string, url: string) => {
    const headers = await auth(user);
    const start = performance.now();
    const { result: res, statements } = await counter.count(() => app.inject({ method: 'GET', url, headers }));
    const took = performance.now() - start;
    if (res.statusCode !== 200) throw new Error(`GET ${url} as ${user}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return { took, statements, bytes: res.rawPayload.length };
  };

  // Baseline: the cheapest indexed read there is, on the same database in the same run.
  const [{ id }] = (await db.query<{ id: string }>('SELECT id FROM conversations LIMIT 1')) as [{ id: string }];
  const base: number[] = [];
  for (let i = 0; i < BASELINE_ROUNDS; i++) {
    const start = performance.now();
    await db.query('SELECT id, state FROM conversations WHERE id = $1', [id]);
    base.push(performance.now() - start);
  }
  const baseP95 = percentile(base, 95);
  const goal = GOAL_P95_MS[db.kind];

  const rows = [];
  for (const r of reads(seeded)) {
    const url = r.url(r.paged ? SMALL_PAGE : null);
    await get(r.user, url); // warm: plans and caches, as on a running server
    const times: number[] = [];
    let bytes = 0;
    let statements = 0;
    const readStart = performance.now();
    for (let i = 0; i < ROUNDS && (i < MIN_ROUNDS || performance.now() - readStart < TIME_BUDGET_MS); i++) {
      const res = await get(r.user, url);
      times.push(res.took);
      bytes = res.bytes;
      statements = res.statements;
    }
    const large = r.paged ? (await get(r.user, r.url(LARGE_PAGE))).statements : null;
    const p95 = percentile(times, 95);
    rows.push({
      read: r.name,
      page: r.paged ? SMALL_PAGE : 'all',
      requests: times.length,
      'p50 ms': ms(percentile(times, 50)),
      'p95 ms': ms(p95),
      'goal ms': goal,
      'vs PK SELECT p95': `${Math.round(p95 / baseP95)}×`,
      KB: Math.round(bytes / 1024),
      statements,
      [`statements @${LARGE_PAGE}`]: large ?? '—',
    });
  }
  await app.close();
  const over = rows.filter((r) => r['p95 ms'] > goal).map((r) => r.read);
  const changing = rows.filter((r) => r[`statements @${LARGE_PAGE}`] !== '—' && r[`statements @${LARGE_PAGE}`] !== r.statements).map((r) => r.read);
  return {
    rows,
    summary:
      `${label}: seeded ${OPEN} open / ${SCALE.ended} ended conversations and ${MESSAGES} messages in ${Math.round(seedMs / 1000)} s. ` +
      `Baseline: primary-key SELECT p50 ${ms(percentile(base, 50))} ms, p95 ${ms(baseP95)} ms. ` +
      `Over the ${goal} ms p95 goal: ${over.length ? over.join('; ') : 'none'}. ` +
      `Statements changing with the page size: ${changing.length ? changing.join('; ') : 'none'}. Load average ${load()}.`,
  };
}

/** A fresh database of our own on the PostgreSQL server, or null (with the reason) when there is none. */
async function freshPostgres(): Promise<{ db: Database; drop: () => Promise<void> } | string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  admin.on('error', () => {});
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${PG_DATABASE}`);
  } catch (err) {
    return `PostgreSQL at ${ADMIN_URL} is not available (${(err as Error).message})`;
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${PG_DATABASE}`;
  const db = await openPostgres(url.toString());
  return {
    db,
    drop: async () => {
      await db.close();
      const again = new pg.Client({ connectionString: ADMIN_URL });
      await again.connect();
      await again.query(`DROP DATABASE IF EXISTS ${PG_DATABASE} WITH (FORCE)`);
      await again.end();
    },
  };
}

/**
 * Every read an agent or supervisor makes, over HTTP (app.inject), on a workspace at contact-center
 * scale: p50/p95, response size, and the SQL statements each request runs at two page sizes (a
 * constant count is the goal). Baseline: a primary-key SELECT on the same database in the same run.
 * PGlite, then PostgreSQL when it answers (BENCH_DATABASE_URL; a database of its own, dropped after).
 */
export async function benchReadLoad() {
  const pglite = await openPglite(null);
  let results;
  try {
    results = [await measure(pglite, 'PGlite')];
  } finally {
    await pglite.close();
  }
  const postgres = await freshPostgres();
  if (typeof postgres === 'string') {
    results.push({ rows: [], summary: `PostgreSQL skipped: ${postgres}.` });
  } else {
    try {
      results.push(await measure(postgres.db, 'PostgreSQL'));
    } finally {
      await postgres.drop();
    }
  }
  const [lite, pgResult] = results as [Awaited<ReturnType<typeof measure>>, { rows: object[]; summary: string }];
  return {
    name: `Reads at contact-center scale (${OPEN} open, ${SCALE.ended} ended, ${MESSAGES} messages): PGlite, then PostgreSQL`,
    rows: [...lite.rows.map((r) => ({ db: 'PGlite', ...r })), ...pgResult.rows.map((r) => ({ db: 'PostgreSQL', ...r }))],
    summary: `${lite.summary}\n${pgResult.summary}`,
  };
}

// `npx tsx bench/read-load.ts` runs this bench alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchReadLoad();
  console.log(`\n## ${result.name}`);
  console.table(result.rows);
  console.log(result.summary);
}
