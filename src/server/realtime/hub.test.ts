import { afterEach, beforeAll, expect, it } from 'vitest';
import type { RealtimeFrame } from '../../contract/events';
import { staffFromToken, type Principal } from '../auth/principal';
import type { Database } from '../db/database';
import { describeEachBackend } from '../test-support/databases';
import { frameSeq } from '../test-support/realtime-client';
import { useTestServer } from '../test-support/test-server';
import { currentEventSeq } from './event-log';
import { RealtimeHub, type RealtimeClient } from './hub';

const WAIT_MS = 5000;

/** Polls until `check` holds; fails with `what` at the deadline. */
async function until(what: string, check: () => boolean, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A socket stand-in that records what the hub sends it. */
class FakeClient implements RealtimeClient {
  readonly frames: RealtimeFrame[] = [];
  closedWith: number | null = null;
  constructor(readonly principal: Principal) {}
  send(frame: RealtimeFrame) {
    this.frames.push(frame);
  }
  close(code: number) {
    this.closedWith = code;
  }
  get seqs() {
    return this.frames.map(frameSeq).filter((s): s is number => s !== null);
  }
  get ready() {
    return this.frames.some((f) => f.kind === 'ready' || f.kind === 'reset');
  }
}

/** Also counts the writes a real socket would make: frames sent while corked go out together at uncork. */
class CorkingClient extends FakeClient {
  writes = 0;
  private corked = 0;
  private held = 0;
  override send(frame: RealtimeFrame) {
    super.send(frame);
    if (this.corked > 0) this.held += 1;
    else this.writes += 1;
  }
  cork() {
    this.corked += 1;
  }
  uncork() {
    this.corked -= 1;
    if (this.corked === 0 && this.held > 0) {
      this.writes += 1;
      this.held = 0;
    }
  }
}

/**
 * The database as the hub sees it, with a count of its reads of the event log and a gate that
 * holds the next read from one seq, to stand for live delivery stuck behind a backlog.
 */
function instrumented(db: Database) {
  const state = { eventReads: 0, heldFrom: null as number | null, release: () => {} };
  let gate = Promise.resolve();
  const wrapped: Database = {
    ...db,
    async query<T>(text: string, params?: unknown[]) {
      // The log read of readEventsAfter (a Kysely query: quoted names, lower-case keywords).
      if (/from "?events"?\s+where "?seq"? >/i.test(text)) {
        state.eventReads += 1;
        if (state.heldFrom !== null && Number(params?.[0]) === state.heldFrom) {
          // Only the first such read hangs: live delivery's, not the catch-up's after it.
          state.heldFrom = null;
          await gate;
        }
      }
      return db.query<T>(text, params);
    },
  };
  return {
    db: wrapped,
    state,
    holdNextRead(fromSeq: number) {
      state.heldFrom = fromSeq;
      gate = new Promise((resolve) => (state.release = () => resolve()));
    },
    open() {
      state.heldFrom = null;
      state.release();
    },
  };
}

describeEachBackend('Realtime hub', (backend) => {
  const server = useTestServer(backend);
  let supervisor: Principal;
  const hubs: RealtimeHub[] = [];
  const probes: ReturnType<typeof instrumented>[] = [];

  beforeAll(async () => {
    const sara = await server.login('sara');
    supervisor = (await staffFromToken(server.db, sara.token))!;
  });
  afterEach(async () => {
    for (const probe of probes.splice(0)) probe.open();
    await Promise.all(hubs.splice(0).map((h) => h.stop()));
  });

  const startHub = async (db: Database) => {
    const hub = new RealtimeHub(db);
    hubs.push(hub);
    await hub.start();
    return hub;
  };

  it('reads the log once for a burst of pokes, not once per poke', async () => {
    const probe = instrumented(server.db);
    probes.push(probe);
    const hub = await startHub(probe.db);
    const client = new FakeClient(supervisor);
    hub.attach(client, undefined);
    await until('ready', () => client.ready);

    for (let i = 0; i < 5; i++) await server.startChat('Support');
    const latest = await currentEventSeq(server.db);
    probe.state.eventReads = 0;
    for (let i = 0; i < 1000; i++) hub.poke();
    await until('every event delivered', () => client.seqs.at(-1) === latest);
    // Let anything still queued behind the burst run before counting.
    const after = new FakeClient(supervisor);
    hub.attach(after, undefined);
    await until('a later client ready', () => after.ready);
    expect(probe.state.eventReads).toBeLessThanOrEqual(5);
  });

  it('catches a reconnecting client up while live delivery is stuck behind a backlog', async () => {
    const probe = instrumented(server.db);
    probes.push(probe);
    const hub = await startHub(probe.db);
    const live = new FakeClient(supervisor);
    hub.attach(live, undefined);
    await until('ready', () => live.ready);
    const before = await currentEventSeq(server.db);

    // Live delivery's next read hangs, as if it were busy with a long backlog.
    probe.holdNextRead(before);
    for (let i = 0; i < 3; i++) await server.startChat('Sales');
    hub.poke();
    const latest = await currentEventSeq(server.db);

    const returning = new FakeClient(supervisor);
    hub.attach(returning, before);
    await until('the returning client’s catch-up', () => returning.ready);
    expect(returning.seqs).toEqual(range(before + 1, latest));
    expect(returning.frames.at(-1)).toEqual({ kind: 'ready', seq: latest });
    expect(live.seqs).toEqual([]);

    probe.open();
    await server.startChat('Sales');
    const last = await currentEventSeq(server.db);
    await until('live delivery to both', () => live.seqs.at(-1) === last && returning.seqs.at(-1) === last);
    // Each got every event once, in order, with no gap between catch-up and live delivery.
    expect(live.seqs).toEqual(range(before + 1, last));
    expect(returning.seqs).toEqual(range(before + 1, last));
  });

  it('writes the events of one read to a socket at once, not one write per event', async () => {
    const probe = instrumented(server.db);
    probes.push(probe);
    const hub = await startHub(probe.db);
    const client = new CorkingClient(supervisor);
    hub.attach(client, undefined);
    await until('ready', () => client.ready);
    const before = await currentEventSeq(server.db);

    // Held back, live delivery then reads these events in one batch.
    probe.holdNextRead(before);
    for (let i = 0; i < 3; i++) await server.startChat('Support');
    hub.poke();
    const latest = await currentEventSeq(server.db);
    client.writes = 0;
    probe.open();
    await until('every event delivered', () => client.seqs.at(-1) === latest);
    expect(client.seqs.filter((seq) => seq > before).length).toBeGreaterThan(1);
    expect(client.writes).toBe(1);
  });

  it('does not keep a client that went away before it was caught up', async () => {
    const hub = await startHub(server.db);
    const early = new FakeClient(supervisor);
    hub.attach(early, undefined);
    hub.detach(early);
    const later = new FakeClient(supervisor);
    hub.attach(later, undefined);
    await until('a later client ready', () => later.ready);
    hub.detach(later);
    expect(early.frames).toEqual([]);
    expect(hub.clientCount).toBe(0);
  });

  it('tells a client to refetch when the events it missed were pruned from the log', async () => {
    const hub = await startHub(server.db);
    const chat = await server.startChat('Support');
    await currentEventSeq(server.db); // the chat's events are numbered
    const [first] = await server.db.query<{ seq: number }>(`SELECT min(seq)::int AS seq FROM events WHERE conversation_id = $1`, [
      chat.conversationId,
    ]);
    const firstOfChat = first!.seq;
    await server.customerSays(chat, 'After the pruned ones');
    const latest = await currentEventSeq(server.db);
    // Retention removed everything up to the chat's first event.
    await server.db.query('DELETE FROM events WHERE seq <= $1', [firstOfChat]);

    const missedPruned = new FakeClient(supervisor);
    hub.attach(missedPruned, firstOfChat - 1);
    await until('an answer', () => missedPruned.ready);
    expect(missedPruned.frames).toEqual([{ kind: 'reset', seq: latest }]);

    // Right after the pruned range the client can still be caught up.
    const justInTime = new FakeClient(supervisor);
    hub.attach(justInTime, firstOfChat);
    await until('an answer', () => justInTime.ready);
    expect(justInTime.seqs).toEqual(range(firstOfChat + 1, latest));
    expect(justInTime.frames.at(-1)).toEqual({ kind: 'ready', seq: latest });
  });

  it('reports its delivery figures', async () => {
    const hub = await startHub(server.db);
    const client = new FakeClient(supervisor);
    hub.attach(client, undefined);
    await until('ready', () => client.ready);
    await server.startChat('Support');
    const latest = await currentEventSeq(server.db);
    await until('delivery', () => client.seqs.at(-1) === latest);
    expect(hub.stats()).toMatchObject({ clients: 1, deliveredSeq: latest, latestSeq: latest });
    expect(hub.stats().lastDeliveryLagMs).toBeGreaterThanOrEqual(0);
    hub.detach(client);
    expect(hub.stats().clients).toBe(0);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
