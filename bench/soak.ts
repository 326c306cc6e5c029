/**
 * `npm run soak`: a fault-injection soak of two server instances sharing one PostgreSQL database.
 * Not part of `npm test`; see `npm run soak -- --help` for the options (`--short` for a quick run).
 *
 * Customers start web chats and send messages, agents (anna and ben, each on several devices)
 * pick the chats and answer; every send carries a client id that is reused on each retry, and a
 * network error, timeout or 5xx is retried on whichever instance is up (a 4xx is final). Every
 * realtime socket reconnects by itself with `after`, to either instance, as behind a load
 * balancer. Meanwhile the soak kills either instance with kill -9 and restarts it, drops client
 * sockets, and terminates every database connection of its own database. Then the load stops,
 * the soak waits for quiescence (both instances up, every socket ready and complete, or the
 * settle deadline), and checks:
 *
 * - stored: every acknowledged message (a 2xx answer) is in the database exactly once, as the
 *   message the acknowledgement named; no client id is stored twice, acknowledged or not;
 * - order: one author's messages in one conversation are stored in the order they were
 *   acknowledged (each author sends one message at a time per conversation);
 * - delivered: counted per socket and message. A socket is one logical realtime client (a
 *   customer's web-chat page, or one agent device) across all its reconnects. Its messages are
 *   every stored message of the conversations it follows: a customer's own chat, and for an
 *   agent every soak chat (they all wait in the Support queue, which anna and ben serve). A
 *   message counts as delivered to a socket when the socket received its `message.created` event
 *   (live, or replayed after a reconnect with `after`), or when the socket had to fetch it over
 *   HTTP: on its first `ready` (what existed before it connected, such as a chat's first message)
 *   or after the server answered `reset`, as the real clients do. A message received twice over
 *   the socket, or over the socket after a later message of the same conversation, is a failure.
 *
 * It prints sent / acknowledged / stored / delivered / lost / duplicated / reordered, the resync
 * time (from a socket noticing it lost its connection to `ready` on the new one, or to the end of
 * the refetch after `reset`) at p50 and p99, and the instances' kills, crashes and restarts. It
 * exits 1 on any loss, duplicate or reorder, on an incomplete delivery, and when an instance
 * died by itself (not by the soak's kill -9). A watchdog ends a stuck run with the same report.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { PublicQueueListSchema } from '../src/contract/webchat';
import type { z } from 'zod';
import { Agent, runCustomer, type SoakContext } from './soak/actors';
import { check, type Findings } from './soak/checks';
import { SoakDatabase } from './soak/database';
import { FaultInjector } from './soak/faults';
import { requestOk } from './soak/http';
import { Balancer, Instance, type Crash } from './soak/instances';
import { Ledger } from './soak/ledger';
import { parseOptions } from './soak/options';
import { report, type RunSummary } from './soak/report';

const options = parseOptions(process.argv.slice(2), process.env);
const PASSWORD = 'soak-password-7341';
const AGENTS = ['anna', 'ben'];
/** Time for actors to finish what they have in flight (a send retries for up to a minute). */
const WIND_DOWN_MS = 90_000;

const began = Date.now();
const clock = () => (Date.now() - began) / 1000;
const say = (text: string) => console.log(`[${clock().toFixed(1)}s] ${text}`);

const crashes: Crash[] = [];
const problems: string[] = [];
let shuttingDown = false;
let faults: FaultInjector | null = null;
let findings: Findings | null = null;
let settledInSeconds: number | null = null;
let loadSeconds = 0;

say(`creating a database on ${new URL(options.postgresUrl).host}`);
const database = await SoakDatabase.create(options.postgresUrl);
const env = { DATABASE_URL: database.url, SEED: 'demo', DEMO_PASSWORD: PASSWORD, RATE_LIMIT_MULTIPLIER: '1000' };
const instances: Instance[] = [];
const onCrash = (crash: Crash) => {
  crashes.push(crash);
  say(`${crash.instance} CRASHED by itself (${crash.exit}); restarting it`);
  if (shuttingDown) return;
  const instance = instances.find((i) => i.name === crash.instance)!;
  void instance.restart().catch((err: unknown) => problems.push(`restart of ${instance.name} after its crash failed: ${String(err)}`));
};
for (const n of [0, 1]) instances.push(new Instance(`instance ${'AB'[n]}`, options.basePort + n, env, onCrash, clock));
const balancer = new Balancer(instances);
const ctx: SoakContext = {
  balancer,
  ledger: new Ledger(),
  sockets: [],
  conversations: new Set(),
  queueId: '',
  password: PASSWORD,
  customerPauseMs: options.customerPauseMs,
  messagesPerCustomer: options.messagesPerCustomer,
  stopping: false,
};

let finished = false;
async function finish(exitCode?: number): Promise<never> {
  if (finished) return new Promise(() => {});
  finished = true;
  shuttingDown = true;
  ctx.stopping = true;
  const summary: RunSummary = { findings, problems, crashes, instances, faults, sockets: ctx.sockets, loadSeconds, settledInSeconds, conversations: ctx.conversations.size };
  const passed = report(summary);
  for (const socket of ctx.sockets) socket.close();
  await Promise.all(instances.map((i) => i.stop()));
  await database.drop().catch((err: unknown) => console.error(`could not drop ${database.name}: ${String(err)}`));
  process.exit(exitCode ?? (passed ? 0 : 1));
}

// Whatever hangs (a server that never answers, a stuck wait), the run ends with a report.
const budgetMs = (options.duration + options.settle) * 1000 + WIND_DOWN_MS + 240_000;
setTimeout(() => {
  problems.push(`the soak did not finish within ${Math.round(budgetMs / 1000)} s and was stopped`);
  void finish(1);
}, budgetMs).unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void finish(1));
process.on('uncaughtException', (err) => {
  problems.push(`the soak itself failed: ${err.stack ?? err.message}`);
  void finish(1);
});
process.on('exit', () => instances.forEach((i) => i.killNow()));

try {
  say(`starting ${instances.map((i) => `${i.name} on :${i.port}`).join(' and ')}`);
  await Promise.all(instances.map((i) => i.start()));
  const queues = await requestOk<z.infer<typeof PublicQueueListSchema>>(balancer, 'GET', '/api/webchat/queues');
  ctx.queueId = queues.queues.find((q) => q.name === 'Support')!.id;

  const agents = AGENTS.map((name) => new Agent(ctx, name, options.agentDevices));
  for (const agent of agents) await agent.connect();
  const readyBy = Date.now() + 30_000;
  while (!ctx.sockets.every((s) => s.isReady) && Date.now() < readyBy) await sleep(100);
  if (!ctx.sockets.every((s) => s.isReady)) throw new Error('the agents’ sockets did not become ready within 30 s');

  say(`load for ${options.duration} s: ${options.customers} customers at a time, ${options.messagesPerCustomer} messages each; ${agents.length} agents × ${options.agentDevices} devices`);
  let customerNumber = 0;
  const customerSlots = Array.from({ length: options.customers }, async () => {
    while (!ctx.stopping) await runCustomer(ctx, ++customerNumber);
  });
  const agentWork = agents.map((a) => a.work());
  faults = new FaultInjector(instances, database, () => ctx.sockets, clock);
  const faultRun = faults.run(
    { kill: options.kills, 'drop-sockets': options.socketDrops, 'terminate-database': options.databaseTerminations },
    options.duration * 1000,
    () => ctx.stopping,
  );
  const progress = setInterval(() => {
    const l = ctx.ledger;
    say(`sent ${l.sent.size}, acknowledged ${l.count('acknowledged')}; instances up: ${instances.filter((i) => i.up).map((i) => i.name).join(', ') || 'none'}`);
  }, 10_000);
  await sleep(options.duration * 1000);
  ctx.stopping = true;
  loadSeconds = options.duration;
  say('load stopped; waiting for in-flight sends and restarts');
  const windDown = Promise.all([...customerSlots, ...agentWork, faultRun]);
  const wound = await Promise.race([windDown.then(() => true), sleep(WIND_DOWN_MS).then(() => false)]);
  clearInterval(progress);
  if (!wound) problems.push(`clients still had requests in flight ${WIND_DOWN_MS / 1000} s after the load stopped`);

  // Quiescence: both instances up, every open socket ready, nothing missing anywhere.
  const stoppedAt = Date.now();
  const settleBy = stoppedAt + options.settle * 1000;
  for (;;) {
    const allUp = instances.every((i) => i.up);
    const allReady = ctx.sockets.every((s) => !s.open || s.isReady);
    findings = await check(database, ctx.ledger, ctx.sockets);
    if (allUp && allReady && findings.undelivered === 0) {
      settledInSeconds = Math.round((Date.now() - stoppedAt) / 100) / 10;
      break;
    }
    if (Date.now() > settleBy) {
      const waiting = ctx.sockets.filter((s) => s.open && !s.isReady).map((s) => s.name);
      problems.push(
        `not quiescent ${options.settle} s after the load stopped: ${allUp ? '' : 'an instance is down; '}` +
          `${waiting.length ? `${waiting.length} sockets not ready (${waiting.slice(0, 5).join(', ')}); ` : ''}${findings.undelivered} messages undelivered`,
      );
      break;
    }
    await sleep(1000);
  }
} catch (err) {
  problems.push(`the soak itself failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  if (ctx.ledger.sent.size > 0) findings = await check(database, ctx.ledger, ctx.sockets).catch(() => null);
}
await finish();
