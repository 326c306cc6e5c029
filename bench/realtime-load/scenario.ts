import { inBatches, LoadSocket, panelSend, panelSocketUrl, startChat, steadyRate, sustainedRate, type SendFn } from './clients';
import { Deliveries } from './deliveries';
import { measureCpu, type CpuShares } from './cpu';
import { ChildServer } from './servers';
import { percentile } from './stats';

export const LOAD = {
  customers: 500,
  agents: 50,
  /** Senders of the closed loop. */
  concurrency: 16,
  throughputMs: 6000,
  warmupMs: 1500,
  rate: 100,
  rateMs: 6000,
};

export interface LoadFigures {
  perSecond: number;
  undelivered: number;
  refused: number;
  /** Why sends failed, e.g. `HTTP 503 × 3`. */
  refusals: string[];
  p50: number;
  p99: number;
  /** Per instance, MiB, before and after the sockets attached. */
  rssBefore: number[];
  rssAfter: number[];
  sockets: number;
  /** Who used the CPU during the sustained-rate window. */
  cpu: CpuShares;
  /** Messages stored and delivered in that window (for CPU per message). */
  sustainedMessages: number;
}

/** The pids of the database's backends serving the servers (none for PGlite, inside the server). */
export type DatabasePids = () => Promise<number[]>;
const noDatabasePids: DatabasePids = async () => [];

/**
 * The same load on any set of servers: customers' chats spread over the instances (a customer's
 * page keeps to one), agent sockets too, so with two instances every message also crosses from
 * one to the other through the database. `connect` opens customer `i`'s or agent `i`'s socket.
 */
export async function runLoad(
  servers: ChildServer[],
  send: SendFn,
  connect: (who: { customer: number } | { agent: number }) => LoadSocket,
  databasePids: DatabasePids = noDatabasePids,
): Promise<LoadFigures> {
  const rssBefore = servers.map((s) => s.rssMiB());
  const sockets = [
    ...Array.from({ length: LOAD.agents }, (_, agent) => connect({ agent })),
    ...Array.from({ length: LOAD.customers }, (_, customer) => connect({ customer })),
  ];
  try {
    await Promise.all(sockets.map((s) => s.ready));
    const rssAfter = servers.map((s) => s.rssMiB());
    const recipients = LOAD.agents + 1;
    await sustainedRate(send, new Deliveries(recipients), { customers: LOAD.customers, concurrency: LOAD.concurrency, windowMs: LOAD.warmupMs, phase: 'warm-up' });
    const { result: sustained, cpu } = await measureCpu(
      servers.map((s) => s.pid),
      databasePids,
      () => sustainedRate(send, new Deliveries(recipients), { customers: LOAD.customers, concurrency: LOAD.concurrency, windowMs: LOAD.throughputMs, phase: 'rate' }),
    );
    const steady = new Deliveries(recipients);
    const s = await steadyRate(send, steady, { customers: LOAD.customers, rate: LOAD.rate, windowMs: LOAD.rateMs, phase: 'steady' });
    return {
      perSecond: sustained.perSecond,
      undelivered: sustained.undelivered + s.undelivered,
      refused: sustained.refused + s.refused,
      refusals: [...sustained.reasons, ...s.reasons].map(([reason, n]) => `${reason} × ${n}`),
      p50: percentile(steady.agentLatencies, 0.5),
      p99: percentile(steady.agentLatencies, 0.99),
      rssBefore,
      rssAfter,
      sockets: sockets.length,
      cpu,
      sustainedMessages: sustained.delivered,
    };
  } finally {
    for (const s of sockets) s.close();
  }
}

/** The panel's servers, already started on a seeded database: start the chats, then the load. */
export async function loadPanel(servers: ChildServer[], queueId: string, agentTokens: string[], databasePids?: DatabasePids): Promise<LoadFigures> {
  const at = (i: number) => servers[i % servers.length]!.baseUrl;
  const customers = await inBatches(LOAD.customers, 8, (i) => startChat(at(i), queueId, i));
  return runLoad(servers, panelSend(customers), (who) => {
    const base = 'agent' in who ? at(who.agent) : customers[who.customer]!.base;
    const hello: Record<string, string> = 'agent' in who ? { token: agentTokens[who.agent]! } : { customerToken: customers[who.customer]!.token };
    return LoadSocket.open(panelSocketUrl(base), base, hello, 'agent' in who);
  }, databasePids);
}

/** The bare relay in its own process, under the same load. */
export async function loadRelay(): Promise<LoadFigures> {
  const relay = await ChildServer.start('bench/realtime-load/relay-server.ts', {}, '/ready');
  try {
    const ws = relay.baseUrl.replace(/^http/, 'ws');
    const send: SendFn = async (customer, text) => {
      const res = await fetch(`${relay.baseUrl}/send?customer=${customer}`, { method: 'POST', body: JSON.stringify({ text }) });
      await res.arrayBuffer();
      if (res.status !== 201) throw new Error(`relay: ${res.status}`);
    };
    return await runLoad([relay], send, (who) =>
      'agent' in who ? LoadSocket.open(`${ws}/ws`, relay.baseUrl, null, true) : LoadSocket.open(`${ws}/ws?customer=${who.customer}`, relay.baseUrl, null, false),
    );
  } finally {
    await relay.stop();
  }
}
