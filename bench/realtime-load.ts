import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../src/server/db/database';
import { pgliteInserts, postgresInserts } from './realtime-load/insert-baseline';
import { LOAD, loadPanel, loadRelay, type LoadFigures } from './realtime-load/scenario';
import { seedLoadWorkspace } from './realtime-load/seed';
import { ChildServer } from './realtime-load/servers';
import { load, round } from './realtime-load/stats';

/** The PostgreSQL server the bench creates its databases on (and drops them after). */
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const INSERTS = { concurrency: LOAD.concurrency, windowMs: 4000, rate: LOAD.rate, rateWindowMs: 4000 };
/**
 * Which runs to make: `pglite`, `postgres` (one instance) and `two` (two instances; needs the
 * one-instance run as its reference). BENCH_REALTIME_PARTS=pglite narrows it while working on one.
 */
const PARTS = new Set((process.env.BENCH_REALTIME_PARTS ?? 'pglite,postgres,two').split(',').map((p) => p.trim()));

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh database of the bench's own; `use` gets its URL; dropped afterwards whatever happens. */
async function withPostgresDatabase<T>(use: (url: string) => Promise<T>): Promise<T> {
  const name = `perf_send_load_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  try {
    return await use(url.toString());
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((err: unknown) => console.error(`could not drop ${name}: ${String(err)}`));
  }
}

/** The panel on `instances` server processes of one database, under the load. */
async function panelOn(db: { databaseUrl: string } | { dataDir: string }, instances: number): Promise<LoadFigures> {
  const seeding = 'databaseUrl' in db ? await openPostgres(db.databaseUrl) : await openPglite(join(db.dataDir, 'pglite'));
  const { tokens, supportQueueId } = await seedLoadWorkspace(seeding, LOAD.agents).finally(() => seeding.close());
  const servers: ChildServer[] = [];
  try {
    // One after the other: two instances compiling at once would only slow each other down.
    for (let i = 0; i < instances; i++) servers.push(await ChildServer.panel(db));
    return await loadPanel(servers, supportQueueId, tokens, 'databaseUrl' in db ? backendsOf(db.databaseUrl) : undefined);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** The backends connected to the database at `url` (the servers' pools and listeners). */
function backendsOf(url: string) {
  return async (): Promise<number[]> => {
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
    client.on('error', () => {});
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [new URL(url).pathname.slice(1)]);
      return rows.map((r) => r.pid);
    } finally {
      await client.end().catch(() => {});
    }
  };
}

async function postgresAnswers(): Promise<string | null> {
  try {
    await admin('SELECT 1');
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  }
}

type Row = { figure: string; database: string; value: number | string; baseline: number | string; ratio: number | string; goal: string };
const perSocketKiB = (f: LoadFigures, i = 0) => round(((f.rssAfter[i]! - f.rssBefore[i]!) * 1024) / f.sockets, 1);

/** With several instances, each one's share: ` (52 + 48)`. */
const eachServer = (f: LoadFigures) => (f.cpu.perServer.length > 1 ? ` (${f.cpu.perServer.map((n) => round(n, 0)).join(' + ')})` : '');

/**
 * Messages stored and delivered per CPU-second the servers and the database used. When the
 * machine is saturated (2 cores shared by the load generator, the servers and PostgreSQL), a
 * second instance cannot raise msg/s; this says whether it costs more CPU per message, which is
 * what would keep it from scaling where cores are free.
 */
const perCpuSecond = (f: LoadFigures) => f.sustainedMessages / (((f.cpu.servers + f.cpu.database) / 100) * f.cpu.seconds);

/**
 * Who used the CPU in the sustained window, as % of one core (the machine has `cores` × 100), and
 * the servers' and database's CPU per message: the figure that still compares when other work
 * on the machine takes the CPU the rates need.
 */
const cpuRow = (f: LoadFigures, database: string, what: string): Row => {
  const msPerMessage = (pct: number) => round((pct * 10 * f.cpu.seconds) / f.sustainedMessages, 2);
  return {
    figure: `CPU % of one core in the rate window: load generator / server(s) / database / rest of machine; server, database CPU ms per message (${what})`,
    database,
    value: `${[f.cpu.generator, f.cpu.servers, f.cpu.database, f.cpu.rest].map((n) => round(n, 0)).join(' / ')}${eachServer(f)}; ${msPerMessage(f.cpu.servers)}, ${msPerMessage(f.cpu.database)}`,
    baseline: `of ${f.cpu.cores * 100}`,
    ratio: '',
    goal: 'printed',
  };
};

/**
 * 500 web-chat customers and 50 agents on real server processes over loopback: sustained
 * persisted + delivered messages/s, customer → agent delivery latency at a steady 100 msg/s, and
 * server memory per socket, on PGlite and on PostgreSQL (one instance, and two on one database).
 * Baselines from the same run: bare autocommit INSERTs of the same rows (rate with the same
 * concurrency, p99 at the same steady rate) and a bare `ws` relay with the same fan-out.
 */
export async function benchRealtimeLoad() {
  const loadBefore = load();
  const rows: Row[] = [];
  const notes: string[] = [];

  if (PARTS.has('pglite')) await pgliteRuns(rows, notes);
  if (PARTS.has('postgres')) {
    const unavailable = await postgresAnswers();
    if (unavailable) notes.push(`PostgreSQL skipped: cannot reach ${new URL(POSTGRES_URL).host} (${unavailable}). Set BENCH_POSTGRES_URL or DATABASE_URL.`);
    else await postgresRuns(rows, notes, PARTS.has('two'));
  }

  return {
    name: `Realtime load: ${LOAD.customers} customer + ${LOAD.agents} agent sockets, each message to ${LOAD.agents + 1} sockets`,
    rows,
    summary: [
      `Sustained: ${LOAD.concurrency} customers sending at once for ${LOAD.throughputMs / 1000} s; latency at ${LOAD.rate} msg/s for ${LOAD.rateMs / 1000} s.`,
      `Bare INSERT baseline: autocommit, same rows, concurrency ${INSERTS.concurrency} (rate) and ${INSERTS.rate}/s (p99); relay: a bare ws server with the same fan-out.`,
      ...notes.filter(Boolean),
      ...(process.env.BENCH_SERVER_DIR ? [`Server code from ${process.env.BENCH_SERVER_DIR}.`] : []),
      `Load average (1/5/15 min): ${loadBefore} before, ${load()} after.`,
    ].join('\n'),
  };
}

// The relay runs just before each panel run, so both meet the same machine load.
const relayRow = (relay: LoadFigures, database: string): Row => ({
  figure: 'bare ws relay: delivery p50 / p99 ms; msg/s (client ceiling)',
  database,
  value: `${round(relay.p50)} / ${round(relay.p99)}; ${round(relay.perSecond, 0)}`,
  baseline: '',
  ratio: '',
  goal: '',
});

async function pgliteRuns(rows: Row[], notes: string[]): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'perf-send-load-'));
  try {
    const relay = await loadRelay();
    rows.push(relayRow(relay, 'PGlite run'), cpuRow(relay, 'PGlite run', 'bare relay'));
    const panel = await panelOn({ dataDir }, 1);
    const db = await openPglite(join(dataDir, 'pglite'));
    const inserts = await pgliteInserts(db, INSERTS).finally(() => db.close());
    rows.push(...figures('PGlite', panel, inserts, relay), cpuRow(panel, 'PGlite', 'panel'));
    notes.push(problems('PGlite', panel));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function postgresRuns(rows: Row[], notes: string[], withTwo: boolean): Promise<void> {
  const relay = await loadRelay();
  rows.push(relayRow(relay, 'PostgreSQL run'), cpuRow(relay, 'PostgreSQL run', 'bare relay'));
  const one = await withPostgresDatabase(async (databaseUrl) => {
    const panel = await panelOn({ databaseUrl }, 1);
    return { panel, inserts: await postgresInserts(databaseUrl, INSERTS) };
  });
  rows.push(...figures('PostgreSQL', one.panel, one.inserts, relay));
  rows.push(cpuRow(one.panel, 'PostgreSQL', 'panel, one instance'));
  notes.push(problems('PostgreSQL, one instance', one.panel));
  if (!withTwo) return;
  const relayTwo = await loadRelay();
  rows.push(relayRow(relayTwo, 'PostgreSQL ×2 run'));
  const two = await withPostgresDatabase((databaseUrl) => panelOn({ databaseUrl }, 2));
  rows.push(
    {
      figure: 'persisted + delivered msg/s, two instances',
      database: 'PostgreSQL',
      value: round(two.perSecond, 0),
      baseline: `${round(one.panel.perSecond, 0)} (one instance)`,
      ratio: round(two.perSecond / one.panel.perSecond, 2),
      goal: '≥ 1.6×',
    },
    {
      figure: 'delivery p99 ms, two instances (p50)',
      database: 'PostgreSQL',
      value: `${round(two.p99)} (${round(two.p50)})`,
      baseline: `${round(relayTwo.p99 + one.inserts.p99)} = relay ${round(relayTwo.p99)} + INSERT ${round(one.inserts.p99)}`,
      ratio: round(two.p99 / (relayTwo.p99 + one.inserts.p99), 2),
      goal: '≤ 2×',
    },
  );
  rows.push(cpuRow(two, 'PostgreSQL', 'panel, two instances'), {
    figure: 'msg per CPU-second of servers + database, two instances (the scaling measure when the machine is saturated)',
    database: 'PostgreSQL',
    value: round(perCpuSecond(two), 0),
    baseline: `${round(perCpuSecond(one.panel), 0)} (one instance)`,
    ratio: round(perCpuSecond(two) / perCpuSecond(one.panel), 2),
    goal: 'printed',
  });
  notes.push(problems('PostgreSQL, two instances', two));
}

function figures(database: string, panel: LoadFigures, inserts: { perSecond: number; p50: number; p99: number }, relay: LoadFigures): Row[] {
  const deliveryBaseline = relay.p99 + inserts.p99;
  return [
    {
      figure: 'persisted + delivered msg/s, one instance',
      database,
      value: round(panel.perSecond, 0),
      baseline: `${round(inserts.perSecond, 0)} bare INSERTs/s`,
      ratio: round(panel.perSecond / inserts.perSecond, 2),
      goal: '≥ 0.5×',
    },
    {
      figure: 'delivery p99 ms at 100 msg/s (p50)',
      database,
      value: `${round(panel.p99)} (${round(panel.p50)})`,
      baseline: `${round(deliveryBaseline)} = relay ${round(relay.p99)} + INSERT ${round(inserts.p99)}`,
      ratio: round(panel.p99 / deliveryBaseline, 2),
      goal: '≤ 2×',
    },
    {
      figure: 'server RSS MiB: before → with sockets; KiB per socket',
      database,
      value: `${round(panel.rssBefore[0]!, 0)} → ${round(panel.rssAfter[0]!, 0)}; ${perSocketKiB(panel)}`,
      baseline: `relay ${round(relay.rssBefore[0]!, 0)} → ${round(relay.rssAfter[0]!, 0)}; ${perSocketKiB(relay)}`,
      ratio: '',
      goal: 'printed',
    },
  ];
}

function problems(what: string, f: LoadFigures): string {
  if (f.undelivered === 0 && f.refused === 0) return '';
  return `${what}: ${f.undelivered} messages not delivered to every socket within 20 s, ${f.refused} sends failed (${f.refusals.join(', ')}).`;
}
