import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { REALTIME_PATH } from '../../src/contract/api';
import type { Deliveries } from './deliveries';
import { until } from './stats';

/** Every load message's text starts so; the rest is its key in the books. */
const PREFIX = 'load ';

/** Where sockets report arrivals: the books of whichever phase is running. */
export const books: { current: Deliveries | null } = { current: null };

/**
 * One realtime client of the load: counts every `message.created` frame of a load message. Only
 * frames that can be one are parsed; the rest (presence, picklist changes) are skipped unread.
 */
export class LoadSocket {
  private constructor(
    private readonly ws: WebSocket,
    readonly ready: Promise<void>,
  ) {}

  /** `hello` null: the relay, which needs none and is ready once open. */
  static open(url: string, origin: string, hello: Record<string, string> | null, byAgent: boolean): LoadSocket {
    const ws = new WebSocket(url, { origin });
    const ready = new Promise<void>((resolve, reject) => {
      ws.once('error', reject);
      ws.once('close', (code) => reject(new Error(`socket closed before it was ready (${code})`)));
      ws.on('open', () => (hello ? ws.send(JSON.stringify({ type: 'hello', ...hello })) : resolve()));
      ws.on('message', (data) => {
        const text = String(data);
        if (/^\{"kind":"(ready|reset)"/.test(text)) return resolve();
        if (text.startsWith('{"kind":"error"')) return reject(new Error(text));
        if (!text.includes('"message.created"')) return;
        const frame = JSON.parse(text) as { event?: { message?: { text?: string } } };
        const message = frame.event?.message?.text;
        if (message?.startsWith(PREFIX)) books.current?.arrived(message.slice(PREFIX.length), byAgent);
      });
    });
    return new LoadSocket(ws, ready);
  }

  close() {
    this.ws.terminate();
  }
}

/** Sends customer `customer`'s message and resolves once the server acknowledged it (2xx). */
export type SendFn = (customer: number, text: string) => Promise<void>;

export const textFor = (key: string) => `${PREFIX}${key}`;

async function sendOne(send: SendFn, d: Deliveries, customer: number, key: string) {
  d.willSend(key);
  try {
    await send(customer, textFor(key));
    d.acked(key);
  } catch (err) {
    d.refused(key, err instanceof Error ? err.message : String(err));
  }
}

/** Waits (polling, it is a bench) until every sent message is delivered or `drainMs` passed. */
async function drain(d: Deliveries, drainMs: number) {
  const deadline = performance.now() + drainMs;
  while (d.pending > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}

/**
 * Closed loop: `concurrency` senders, each sending its next message as soon as the last one was
 * acknowledged, for `windowMs`, each over its own customers (no two senders share a chat). The
 * rate counts messages both stored (acknowledged) and delivered to every socket that should get
 * them, up to the last such delivery.
 */
export async function sustainedRate(send: SendFn, d: Deliveries, o: { customers: number; concurrency: number; windowMs: number; phase: string }) {
  books.current = d;
  const start = performance.now();
  const end = start + o.windowMs;
  let n = 0;
  await Promise.all(
    Array.from({ length: o.concurrency }, async (_, worker) => {
      for (let customer = worker; performance.now() < end; customer = (customer + o.concurrency) % o.customers) {
        await sendOne(send, d, customer, `${o.phase}-${n++}`);
      }
    }),
  );
  await drain(d, 20_000);
  books.current = null;
  return { perSecond: d.done / ((d.lastDoneAt - start) / 1000), delivered: d.done, undelivered: d.pending, refused: d.failed, reasons: d.reasons };
}

/** Open loop: one message every 1/rate s, whatever the answers, taking the customers in turn. */
export async function steadyRate(send: SendFn, d: Deliveries, o: { customers: number; rate: number; windowMs: number; phase: string }) {
  books.current = d;
  const start = performance.now();
  const count = Math.round((o.windowMs / 1000) * o.rate);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    await until(start + (i * 1000) / o.rate);
    inFlight.push(sendOne(send, d, i % o.customers, `${o.phase}-${i}`));
  }
  await Promise.all(inFlight);
  await drain(d, 20_000);
  books.current = null;
  return { sent: count, delivered: d.done, undelivered: d.pending, refused: d.failed, reasons: d.reasons };
}

/** Runs `task` for each index with at most `concurrency` at once. */
export async function inBatches<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

/** A web-chat customer of the panel: their token and the instance their page talks to. */
export interface Customer {
  token: string;
  base: string;
}

export async function startChat(base: string, queueId: string, i: number): Promise<Customer> {
  const res = await fetch(`${base}/api/webchat/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ queueId, name: `Load Customer ${i}`, email: `load-${i}@example.com`, text: 'Hello', clientMessageId: randomUUID() }),
  });
  if (res.status !== 201) throw new Error(`starting chat ${i}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { customerToken: string };
  return { token: body.customerToken, base };
}

/** The panel's web-chat send, as the customer's page makes it. */
export function panelSend(customers: Customer[]): SendFn {
  return async (i, text) => {
    const c = customers[i]!;
    const res = await fetch(`${c.base}/api/webchat/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
      body: JSON.stringify({ clientMessageId: randomUUID(), text }),
    });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`HTTP ${res.status}`);
  };
}

export const panelSocketUrl = (base: string) => `${base.replace(/^http/, 'ws')}${REALTIME_PATH}`;
