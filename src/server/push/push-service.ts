import { sql } from 'kysely';
import type { PushPayload } from '../../contract/push-payload';
import type { RoutingSettings, SecuritySettings } from '../../contract/settings';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { tryTransactionLock } from '../db/try-lock';
import { CONNECTION_STALE_SECONDS, hasLiveConnection } from '../presence/presence-store';
import { EVENTS_CHANNEL } from '../realtime/event-log';
import { sequenceEvents } from '../realtime/sequencer';
import { getRoutingSettings, getSecuritySettings } from '../settings/settings-store';
import { liveSession, pruneDevicesOfEndedSessions } from './device-store';
import { keptByPush } from './keep-chats';
import { mentionDeliveries } from './push-mentions';
import { keptPayload, messagePayload, messagePreview, offerPayload } from './push-payloads';
import { pushTexts } from './push-texts';
import { DEFAULT_PUSH_SUBJECT, webPushSender, type PushOutcome, type PushSend, type PushTarget, type VapidKeys } from './push-sender';
import { ensureVapidKeys } from './vapid-keys';

/** Whoever decides pushes holds this transaction-scoped lock; other instances skip their turn. */
const PUSH_LOCK = 727070;
/** How often an instance looks whether the event log has moved (a NOTIFY marks it); nothing is read unless it has. */
const POLL_MS = 250;
/** How often an instance looks for agents the keep-chats rule keeps, and drops devices of ended sessions. */
export const DEFAULT_PUSH_INTERVAL_MS = 5000;
/** Events looked at per pass; a longer backlog takes several passes. */
const EVENT_WINDOW = 5000;
/** Requests to push services in flight at once. */
const SEND_CONCURRENCY = 8;
/** A notification the device could not get within this long is dropped by the push service. */
const MESSAGE_TTL_SECONDS = 60 * 60;
const OFFER_TTL_SECONDS = 10 * 60;

export interface PushOptions {
  /** The VAPID contact (PUSH_SUBJECT): a mailto: address or https: URL. */
  subject?: string;
  /** Send to http:// and private hosts (tests, whose push service is a local server). */
  allowInsecureEndpoints?: boolean;
  /** How often to look for agents kept with their chats and prune devices of ended sessions; 0: only in dispatchNow. */
  intervalMs?: number;
  /** false: nothing runs by itself, only dispatchNow (tests that decide when pushes go). */
  automatic?: boolean;
  /** Replaces the web-push sender (tests). */
  send?: PushSend;
}

/** What one dispatch did. */
export interface PushReport {
  /** Notifications decided (one per device and conversation in a pass). */
  sent: number;
  delivered: number;
  /** Devices the push service said were gone: removed. */
  gone: number;
  failed: number;
}

interface Delivery {
  deviceId: string;
  target: PushTarget;
  payload: PushPayload;
  ttlSeconds: number;
  urgency: 'normal' | 'high';
}

/**
 * Web Push for the whole workspace, on every instance. Pushes are decided from the event log
 * rather than on the request path: a message's transaction only writes its event, as before, and
 * nothing about push can slow or fail a send.
 *
 * Exactly one instance pushes each event: a pass runs in one transaction under an advisory lock
 * (instances that find it taken skip their turn), reads the events after the cursor stored in
 * push_state, decides who gets what, and moves the cursor in the same transaction; the instance
 * that committed sends, after commit. An instance that dies between commit and sending loses
 * those notifications (they are at most once, never twice); the chats themselves are unaffected.
 *
 * Decisions are made at send time, not when the event was written: a customer message goes to
 * the agent who holds the conversation now (and held it when the customer wrote), an offer to the
 * agent it is still offered to, only while that agent has no realtime socket open anywhere (no
 * panel tab: the open panel shows its own notifications), only if their preferences ask for that
 * kind, and only to devices of sessions that are still valid. Someone who lost the conversation,
 * their account or their session gets nothing.
 */
export class PushService {
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private running = false;
  private due = true;
  private lastPeriodic = 0;
  /** The cursor as this instance last saw it: a NOTIFY for a seq at or below it needs no pass. */
  private known = 0;
  private stopped = false;
  /** Shutting down does not wait for slow push services: requests in flight are abandoned. */
  private readonly stopping = new AbortController();

  private constructor(
    private readonly db: Database,
    readonly vapid: VapidKeys,
    readonly allowInsecureEndpoints: boolean,
    private readonly send: PushSend,
    private readonly intervalMs: number,
  ) {}

  static async start(db: Database, opts: PushOptions = {}): Promise<PushService> {
    const vapid = await ensureVapidKeys(db);
    const allowInsecure = opts.allowInsecureEndpoints ?? false;
    const send = opts.send ?? webPushSender(vapid, opts.subject ?? DEFAULT_PUSH_SUBJECT, allowInsecure);
    const service = new PushService(db, vapid, allowInsecure, send, opts.intervalMs ?? DEFAULT_PUSH_INTERVAL_MS);
    // Events are NOTIFYed when numbered (by the sequencer, or on PGlite by their insert); a lost LISTEN connection, once back, may have missed some.
    service.unlisten = await db.listen(
      EVENTS_CHANNEL,
      (payload) => service.poke(Number(payload)),
      () => service.poke(),
    );
    if (opts.automatic === false) return service;
    // One timer for everything, started here: the work never runs inside a request's context.
    service.timer = setInterval(() => service.tick(), POLL_MS);
    service.timer.unref();
    return service;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    clearInterval(this.timer);
    await this.unlisten?.();
    await this.chain.catch(() => {});
  }

  /** Events were numbered up to `seq` (when known): look at them at the next tick. */
  poke(seq?: number): void {
    if (seq !== undefined && Number.isFinite(seq) && seq <= this.known) return;
    this.due = true;
  }

  /**
   * Decides and sends everything due now, waiting for another instance's pass if one runs, and
   * the periodic work (agents kept with their chats, devices of ended sessions) too: for tests.
   */
  dispatchNow(): Promise<PushReport> {
    return this.enqueue(async () => {
      // What is committed but not yet numbered (the hub numbers it a moment after commit) is included.
      await sequenceEvents(this.db, EVENTS_CHANNEL, { wait: true });
      return this.run(true, true);
    });
  }

  private tick(): void {
    if (this.stopped || this.running) return;
    const periodic = this.intervalMs > 0 && Date.now() - this.lastPeriodic >= this.intervalMs;
    if (!this.due && !periodic) return;
    this.due = false;
    if (periodic) this.lastPeriodic = Date.now();
    void this.enqueue(() => this.run(false, periodic)).catch(() => {});
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(async () => {
      this.running = true;
      try {
        return await work();
      } finally {
        this.running = false;
      }
    });
    this.chain = run.catch((err: unknown) => console.error('push:', err));
    return run;
  }

  private async run(wait: boolean, periodic: boolean): Promise<PushReport> {
    const report: PushReport = { sent: 0, delivered: 0, gone: 0, failed: 0 };
    for (let first = true; !this.stopped; first = false) {
      const pass = await this.decide(wait, periodic && first);
      // Another instance is deciding: it looks again after its pass, so nothing is left behind.
      if (!pass) break;
      await this.deliver(pass.deliveries, report);
      if (!pass.more) break;
    }
    return report;
  }

  /** One pass under the lock: what to send, and the cursor moved past it. Null when another instance holds the lock. */
  private decide(wait: boolean, periodic: boolean): Promise<{ deliveries: Delivery[]; more: boolean } | null> {
    return this.db.transaction(async (tx) => {
      if (wait) await sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK})`.execute(typed(tx));
      else if (!(await tryTransactionLock(tx, PUSH_LOCK))) return null;
      const {
        rows: [position],
      } = await sql<{ dispatched: number | string | null; latest: number | string | null }>`
        SELECT (SELECT dispatched_seq FROM push_state) AS dispatched, (SELECT value FROM event_counter) AS latest`.execute(typed(tx));
      const latest = Number(position?.latest ?? 0);
      // The first pass on a database starts at the end of the log: no pushes about the past.
      const from = position?.dispatched === null || position?.dispatched === undefined ? latest : Number(position.dispatched);
      const upTo = Math.min(latest, from + EVENT_WINDOW);
      const deliveries: Delivery[] = [];
      const security = upTo > from || periodic ? await getSecuritySettings(tx) : null;
      if (security && upTo > from) {
        deliveries.push(...(await eventDeliveries(tx, from, upTo, security)), ...(await mentionDeliveries(tx, from, upTo, security)));
      }
      if (security && periodic) {
        await pruneDevicesOfEndedSessions(tx, security);
        deliveries.push(...(await keepNotices(tx, await getRoutingSettings(tx), security)));
      }
      if (upTo !== from || position?.dispatched === null) await typed(tx).updateTable('push_state').set({ dispatched_seq: upTo }).execute();
      this.known = Math.max(this.known, upTo);
      return { deliveries, more: upTo < latest };
    });
  }

  /** Sends after commit, a few at a time; each outcome is written on the device. */
  private async deliver(deliveries: Delivery[], report: PushReport): Promise<void> {
    report.sent += deliveries.length;
    const queue = [...deliveries];
    const worker = async () => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        const outcome = await this.send(d.target, JSON.stringify(d.payload), {
          topic: d.payload.tag.replace(/[^A-Za-z0-9_-]/g, '').slice(-32),
          ttlSeconds: d.ttlSeconds,
          urgency: d.urgency,
          signal: this.stopping.signal,
        });
        // Abandoned by a shutdown: nothing is known about the device.
        if (this.stopped) return;
        report[outcome.kind] += 1;
        await recordOutcome(this.db, d.deviceId, outcome).catch((err: unknown) => console.error('push (recording a delivery):', err));
      }
    };
    await Promise.all(Array.from({ length: Math.min(SEND_CONCURRENCY, queue.length) }, worker));
  }
}

/** Delivered: the device works. Gone (404, 410): removed, so it is never tried again. Failed: marked, it no longer counts as reachable. */
async function recordOutcome(db: Sql, deviceId: string, outcome: PushOutcome): Promise<void> {
  const t = typed(db);
  if (outcome.kind === 'delivered') {
    await t.updateTable('push_devices').set({ last_delivered_at: sql`now()`, failing_since: null }).where('id', '=', deviceId).execute();
  } else if (outcome.kind === 'gone') {
    await t.deleteFrom('push_devices').where('id', '=', deviceId).execute();
  } else {
    console.warn(`push: delivery to device ${deviceId} failed (${outcome.reason})`);
    await t.updateTable('push_devices').set({ failing_since: sql`COALESCE(failing_since, now())` }).where('id', '=', deviceId).execute();
  }
}

interface EventRow {
  seq: number | string;
  type: 'message.created' | 'conversation.offered';
  conversation_id: string;
  text: string | null;
  files: number;
  customer_name: string;
  queue_name: string;
  /** The recipient's language preference, if they chose one. */
  language: string | null;
  device_id: string;
  address: string;
  p256dh: string;
  auth: string;
}

/**
 * The notifications the events after `from` (up to `upTo`) call for, checked against the state
 * of now: customer messages to the agent who still holds the conversation, offers to the agent
 * they are still offered to, each only while that agent has no socket open, wants that kind of
 * notification, and has devices of valid sessions. Several messages of one conversation become
 * one notification per device, with the newest one's preview.
 */
async function eventDeliveries(tx: Sql, from: number, upTo: number, security: SecuritySettings): Promise<Delivery[]> {
  const { rows } = await sql<EventRow>`
    WITH ev AS (
      SELECT e.seq, e.type, e.conversation_id, e.agent_id,
        -- A message's text; an offered conversation's first message.
        CASE WHEN e.type = 'message.created' THEN e.payload #>> '{message,text}' ELSE e.payload #>> '{conversation,firstMessage,text}' END AS text,
        COALESCE(jsonb_array_length(CASE WHEN e.type = 'message.created' THEN e.payload #> '{message,attachments}'
          ELSE e.payload #> '{conversation,firstMessage,attachments}' END), 0)::int AS files
      FROM events e
      WHERE e.seq > ${from}::bigint AND e.seq <= ${upTo}::bigint
        AND EXISTS (SELECT 1 FROM push_devices WHERE kind = 'webpush')
        AND ((e.type = 'message.created' AND e.payload #>> '{message,authorKind}' = 'customer') OR e.type = 'conversation.offered')
    )
    SELECT ev.seq, ev.type, ev.conversation_id, ev.text, ev.files, cu.name AS customer_name, q.name AS queue_name,
      p.preferences ->> 'language' AS language, d.id AS device_id, d.address, d.p256dh, d.auth
    FROM ev
    JOIN conversations c ON c.id = ev.conversation_id
    JOIN customers cu ON cu.id = c.customer_id
    JOIN queues q ON q.id = c.queue_id
    JOIN users u ON u.id = ev.agent_id AND u.role = 'agent' AND NOT u.disabled
    JOIN push_devices d ON d.user_id = u.id AND d.kind = 'webpush'
    JOIN sessions s ON s.token_hash = d.session_hash AND s.user_id = u.id AND ${liveSession(security)}
    LEFT JOIN user_preferences p ON p.user_id = u.id
    WHERE NOT ${hasLiveConnection('u.id')}
      AND ((ev.type = 'message.created' AND c.state = 'picked' AND c.agent_id = u.id
            AND (p.preferences #> '{notifications,newMessages}') IS DISTINCT FROM 'false'::jsonb)
        OR (ev.type = 'conversation.offered' AND c.state = 'offered' AND c.offered_to_agent_id = u.id AND c.offer_expires_at > now()
            AND (p.preferences #> '{notifications,newConversations}') IS DISTINCT FROM 'false'::jsonb))
    ORDER BY ev.seq`.execute(typed(tx));

  const byDeviceAndConversation = new Map<string, { row: EventRow; count: number }>();
  for (const row of rows) {
    const key = `${row.device_id} ${row.conversation_id} ${row.type}`;
    const seen = byDeviceAndConversation.get(key);
    byDeviceAndConversation.set(key, { row, count: (seen?.count ?? 0) + 1 });
  }
  return [...byDeviceAndConversation.values()].map(({ row, count }) => {
    const target = { endpoint: row.address, p256dh: row.p256dh, auth: row.auth };
    const words = pushTexts(row.language);
    const preview = messagePreview(row.text, row.files, words);
    if (row.type === 'conversation.offered') {
      const first = row.text || row.files > 0 ? preview : null;
      return {
        deviceId: row.device_id,
        target,
        payload: offerPayload({ conversationId: row.conversation_id, customerName: row.customer_name, queueName: row.queue_name, preview: first }, words),
        ttlSeconds: OFFER_TTL_SECONDS,
        urgency: 'high' as const,
      };
    }
    return {
      deviceId: row.device_id,
      target,
      payload: messagePayload({ conversationId: row.conversation_id, customerName: row.customer_name, preview, count }, words),
      ttlSeconds: MESSAGE_TTL_SECONDS,
      urgency: 'high' as const,
    };
  });
}

/**
 * Agents past the grace period whom the keep-chats rule keeps (keep-chats.ts) and who have not
 * been told for this absence: one notification each, to every device, when a customer waits for
 * their reply. Recorded by the absence's last-seen time, so it goes once per absence.
 */
async function keepNotices(tx: Sql, routing: RoutingSettings, security: SecuritySettings): Promise<Delivery[]> {
  const keepMinutes = routing.pushKeepChatsMinutes;
  if (keepMinutes <= 0) return [];
  const grace = routing.lostAgentGraceSeconds;
  const { rows: kept } = await sql<{ id: string; held: number; waiting: number; language: string | null }>`
    SELECT u.id, (SELECT p.preferences ->> 'language' FROM user_preferences p WHERE p.user_id = u.id) AS language,
      (SELECT count(*)::int FROM conversations c WHERE c.state = 'picked' AND c.agent_id = u.id) AS held,
      (SELECT count(*)::int FROM conversations c WHERE c.state = 'picked' AND c.agent_id = u.id AND c.awaiting_reply_since IS NOT NULL) AS waiting
    FROM users u
    WHERE u.role = 'agent' AND NOT u.disabled AND u.presence <> 'offline'
      AND u.last_seen_at < now() - make_interval(secs => ${grace}::int)
      AND NOT EXISTS (SELECT 1 FROM staff_connections sc WHERE sc.user_id = u.id
        AND sc.seen_at > now() - make_interval(secs => greatest(${grace}::int, ${CONNECTION_STALE_SECONDS}::int)))
      AND ${keptByPush('u.id', Math.trunc(keepMinutes))}
      AND NOT EXISTS (SELECT 1 FROM push_keep_notices k WHERE k.user_id = u.id AND k.last_seen_at = u.last_seen_at)`.execute(typed(tx));
  if (kept.length === 0) return [];
  // The time is copied in SQL: JavaScript's Date would round away its microseconds, and the comparison above with it.
  await sql`
    INSERT INTO push_keep_notices (user_id, last_seen_at)
    SELECT id, last_seen_at FROM users WHERE id = ANY(${kept.map((k) => k.id)}::uuid[])
    ON CONFLICT (user_id) DO UPDATE SET last_seen_at = excluded.last_seen_at, notified_at = now()`.execute(typed(tx));
  const waiting = kept.filter((k) => k.waiting > 0);
  if (waiting.length === 0) return [];
  const devices = await typed(tx)
    .selectFrom('push_devices as d')
    .innerJoin('sessions as s', 's.token_hash', 'd.session_hash')
    .select(['d.id', 'd.user_id', 'd.address', 'd.p256dh', 'd.auth'])
    .where('d.kind', '=', 'webpush')
    .where('d.user_id', 'in', waiting.map((k) => k.id))
    .where(liveSession(security))
    .execute();
  return devices.map((d) => {
    const agent = waiting.find((k) => k.id === d.user_id)!;
    return {
      deviceId: d.id,
      target: { endpoint: d.address, p256dh: d.p256dh!, auth: d.auth! },
      payload: keptPayload({ waiting: agent.waiting, held: agent.held, keepMinutes }, pushTexts(agent.language)),
      ttlSeconds: keepMinutes * 60,
      urgency: 'high' as const,
    };
  });
}
