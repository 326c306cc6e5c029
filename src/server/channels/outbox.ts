import { signLinks } from '../attachments/attachment-links';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import { typed } from '../db/kysely';
import type { SecretKeys } from './channel-secrets';
import { loadRuntimeChannel } from './channel-store';
import { setDelivery } from './delivery';
import { SendError, type SendPart, type SinchApi } from './sinch-api';

/*
 * The channel outbox (channel_outbox): every agent message to a channel conversation gets a row in
 * the transaction that stores it (a trigger, migration 21), so nothing sent in the panel is lost.
 * Any instance claims due rows (FOR UPDATE SKIP LOCKED, then a lease that outlives one API call),
 * sends them and records the outcome; a failure the API may recover from is tried again with a
 * growing pause, across restarts and instances, until OUTBOX_MAX_ATTEMPTS. Within a conversation
 * only the oldest unsent row is claimable, so messages arrive in the order the agent wrote them.
 * A message with files goes out as its text, then one media message per file; `parts_sent`
 * remembers how far it got, so a retry never sends a part the API already took.
 */

export const OUTBOX_MAX_ATTEMPTS = 8;
/** How long a claim holds its row: longer than one API call may take (SEND_TIMEOUT_MS) per part. */
const LEASE_SECONDS = 120;

export interface OutboxOptions {
  /** Public origin of this server, for the links Sinch fetches files from. */
  publicUrl: string | (() => string);
  /** First pause before a retry; it doubles each time (with jitter), up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
}

interface OutboxRow {
  id: string;
  channel_id: string;
  conversation_id: string;
  message_id: string | null;
  text: string | null;
  recipient: string;
  parts_sent: number;
  attempts: number;
}

export function backoffFor(attempts: number, opts: Pick<OutboxOptions, 'backoffMs' | 'maxBackoffMs'>): number {
  const base = Math.min(opts.maxBackoffMs, opts.backoffMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

const OUTBOX_COLUMNS = ['id', 'channel_id', 'conversation_id', 'message_id', 'text', 'recipient', 'parts_sent', 'attempts'] as const;

/** Claims the next due row of any conversation (the oldest unsent one of it), or null. */
async function claim(db: Database): Promise<OutboxRow | null> {
  const row = await typed(db)
    .updateTable('channel_outbox')
    .set((eb) => ({ lease_until: sql<Date>`now() + make_interval(secs => ${LEASE_SECONDS})`, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('channel_outbox as o')
        .select('o.id')
        .where('o.status', '=', 'pending')
        .where('o.next_attempt_at', '<=', sql<Date>`now()`)
        .where((w) => w.or([w('o.lease_until', 'is', null), w('o.lease_until', '<', sql<Date>`now()`)]))
        // Within a conversation, only its oldest unsent row: messages arrive in the order written.
        .where((w) =>
          w.not(
            w.exists(
              w
                .selectFrom('channel_outbox as e')
                .select(w.lit(1).as('one'))
                .whereRef('e.conversation_id', '=', 'o.conversation_id')
                .where('e.status', '=', 'pending')
                .whereRef('e.position', '<', 'o.position'),
            ),
          ),
        )
        .orderBy('o.next_attempt_at')
        .orderBy('o.position')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returning(OUTBOX_COLUMNS)
    .executeTakeFirst();
  return row ?? null;
}

async function partsOf(db: Database, row: OutboxRow, origin: OutboxOptions['publicUrl']): Promise<SendPart[]> {
  const publicUrl = typeof origin === 'function' ? origin() : origin;
  if (row.message_id === null) return [{ text: row.text ?? '' }];
  const message = await typed(db).selectFrom('messages').select('text').where('id', '=', row.message_id).executeTakeFirst();
  const files = await typed(db)
    .selectFrom('attachments')
    .select(['id', 'url_key', 'file_name'])
    .where('message_id', '=', row.message_id)
    .orderBy('position')
    .execute();
  const parts: SendPart[] = [];
  if (message && message.text !== '') parts.push({ text: message.text });
  for (const f of files) parts.push({ mediaUrl: new URL(signLinks(f.id, f.url_key).downloadUrl, publicUrl).toString(), fileName: f.file_name });
  return parts;
}

/** Sends one claimed row as far as it goes; what happened, for logs and tests. */
async function sendRow(db: Database, api: SinchApi, keys: SecretKeys, opts: OutboxOptions, row: OutboxRow): Promise<'sent' | 'retry' | 'failed'> {
  const finishFailed = async (reason: string) => {
    await db.transaction(async (tx) => {
      await typed(tx).updateTable('channel_outbox').set({ status: 'failed', last_error: reason, lease_until: null }).where('id', '=', row.id).execute();
      if (row.message_id) await setDelivery(tx, row.message_id, 'failed', reason);
    });
    return 'failed' as const;
  };
  const channel = await loadRuntimeChannel(db, keys, row.channel_id);
  if (!channel) return finishFailed('The channel was removed.');
  if (!channel.enabled) return finishFailed(`The ${channel.name} channel is disabled: an admin must enable it before messages can go out.`);
  const [providerChannel, ...rest] = row.recipient.split(':');
  const recipient = { channel: providerChannel!, identity: rest.join(':') };
  const parts = await partsOf(db, row, opts.publicUrl);
  let sent = row.parts_sent;
  let lastId: string | null = null;
  try {
    while (sent < parts.length) {
      lastId = await api.send(channel, recipient, parts[sent]!, row.id);
      sent += 1;
      // Each part the API took is recorded at once: a crash after it does not send it again.
      await typed(db).updateTable('channel_outbox').set({ parts_sent: sent, provider_message_id: lastId }).where('id', '=', row.id).execute();
    }
  } catch (err) {
    const e = err instanceof SendError ? err : new SendError(String(err), true);
    if (!e.retry) return finishFailed(e.message);
    if (row.attempts >= OUTBOX_MAX_ATTEMPTS) return finishFailed(`${e.message} Gave up after ${row.attempts} tries.`);
    await typed(db)
      .updateTable('channel_outbox')
      .set({ last_error: e.message, lease_until: null, next_attempt_at: sql<Date>`now() + make_interval(secs => ${backoffFor(row.attempts, opts) / 1000})` })
      .where('id', '=', row.id)
      .execute();
    return 'retry';
  }
  await db.transaction(async (tx) => {
    await typed(tx)
      .updateTable('channel_outbox')
      .set({ status: 'sent', sent_at: sql<Date>`now()`, lease_until: null, last_error: null })
      .where('id', '=', row.id)
      .execute();
    if (row.message_id) await setDelivery(tx, row.message_id, 'sent', null);
  });
  return 'sent';
}

/** Sends what is due, one row at a time, until nothing is (or `max` rows were handled). */
export async function drainOutbox(db: Database, api: SinchApi, keys: SecretKeys, opts: OutboxOptions, max = 50): Promise<number> {
  let handled = 0;
  while (handled < max) {
    const row = await claim(db);
    if (!row) break;
    handled += 1;
    await sendRow(db, api, keys, opts, row);
  }
  return handled;
}
