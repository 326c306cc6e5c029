import { createHash } from 'node:crypto';
import { channelAdmission } from '../queues/queue-availability';
import { postPrompt } from '../prompts/post-prompt';
import type { Channel } from '../../contract/conversations';
import type { DeliveryStatus } from '../../contract/messages';
import { CHANNEL_OF_PROVIDER, CHANNELS, isProviderChannel } from '../../domain/channel-rules';
import { recordRejection } from '../attachments/attachment-store';
import { getConversation } from '../conversations/conversation-store';
import { systemMessage } from '../conversations/conversation-service';
import { sql } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { insertMessage } from '../messages/message-store';
import { appendEvent } from '../realtime/event-log';
import { getSettings } from '../settings/settings-store';
import type { RuntimeChannel } from './channel-store';
import { fetchInboundMedia, storeInboundFile, type AcceptedFile } from './inbound-media';
import { postStartPrompts } from '../prompts/start-prompts';
import { applyDelivery } from './delivery';

/*
 * Applying stored callbacks (channel_inbox rows, see webhook.ts). An inbound message becomes the
 * customer's message in their open conversation on that channel identity, or starts one in the
 * channel's queue; a delivery report moves an agent's message on (delivery.ts).
 */

export interface InboxRow {
  id: number | string;
  channel_id: string;
  kind: 'message' | 'delivery' | 'other';
  payload: unknown;
  attempts: number;
}

/** Marks a callback applied (or given up on), with what became of it; in the caller's transaction when it has one. */
export async function settleInboxRow(db: Sql, id: InboxRow['id'], outcome: string): Promise<void> {
  await typed(db).updateTable('channel_inbox').set({ processed_at: sql<Date>`now()`, outcome, lease_until: null }).where('id', '=', id).execute();
}

/** What became of a row: done (with a note for the log), or to be tried again later. */
export type InboxResult = { done: true; outcome: string; createdConversation?: string } | { done: false; reason: string };

/** Tries of one row before it is settled anyway (a file that never downloads is recorded as refused). */
export const INBOX_MAX_ATTEMPTS = 6;

interface InboundMessage {
  id: string;
  channel: string;
  identity: string;
  contactId: string | null;
  text: string | null;
  media: { url: string; filenameOverride?: string } | null;
  /** A message kind the panel cannot show (location, choices, …), described for the agent. */
  other: string | null;
}

function parseInbound(payload: unknown): InboundMessage {
  const message = (payload as { message: Record<string, unknown> }).message;
  const identity = message.channel_identity as { channel: string; identity: string };
  const content = (message.contact_message ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const text = typeof content.text_message?.text === 'string' ? content.text_message.text : null;
  const mediaUrl = content.media_message?.url;
  const media = typeof mediaUrl === 'string' ? { url: mediaUrl, filenameOverride: content.media_message?.filename_override as string | undefined } : null;
  let other: string | null = null;
  if (text === null && media === null) {
    const location = content.location_message as { title?: string; coordinates?: { latitude?: number; longitude?: number } } | undefined;
    const choice = content.choice_response_message as { postback_data?: string } | undefined;
    if (location?.coordinates) other = `Location: ${location.title ? `${location.title}, ` : ''}${location.coordinates.latitude}, ${location.coordinates.longitude}`;
    else if (choice) other = `Chose: ${choice.postback_data ?? ''}`;
    else other = `The customer sent a ${Object.keys(content)[0]?.replace(/_/g, ' ') ?? 'message'} that the panel cannot show.`;
  }
  return {
    id: String(message.id),
    channel: identity.channel,
    identity: identity.identity,
    contactId: typeof message.contact_id === 'string' && message.contact_id ? message.contact_id : null,
    text,
    media,
    other,
  };
}

/** The message's client id: one UUID per channel message, so applying a row twice stores one message. */
export function clientIdOf(channelId: string, providerMessageId: string): string {
  const h = createHash('sha256').update(`${channelId}\n${providerMessageId}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 17), 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export interface InboundDeps {
  db: Database;
  /** The customer's name as the channel knows it (the contact's display name), when it can be had. */
  displayName(channel: RuntimeChannel, contactId: string): Promise<string | null>;
}

export async function applyInboxRow(deps: InboundDeps, channel: RuntimeChannel, row: InboxRow): Promise<InboxResult> {
  if (row.kind === 'delivery') return applyDeliveryRow(deps.db, channel, row);
  if (row.kind !== 'message') return { done: true, outcome: 'ignored' };
  const inbound = parseInbound(row.payload);
  if (!isProviderChannel(inbound.channel)) return { done: true, outcome: `ignored: the ${inbound.channel} channel is not supported` };
  const kind = CHANNEL_OF_PROVIDER[inbound.channel];

  // The file first, outside any transaction (PGlite has one connection; a download takes seconds).
  let file: AcceptedFile | null = null;
  let refusal: { code: string; reason: string; fileName: string | null; bytesReceived: number } | null = null;
  if (inbound.media) {
    const policy = (await getSettings(deps.db)).customerUploads;
    const outcome = await fetchInboundMedia(inbound.media.url, inbound.media.filenameOverride, policy);
    if (outcome.ok === 'retry') {
      if (row.attempts < INBOX_MAX_ATTEMPTS) return { done: false, reason: outcome.reason };
      refusal = { code: 'unreadable_file', reason: outcome.reason, fileName: null, bytesReceived: 0 };
    } else if (outcome.ok) file = outcome.file;
    else refusal = outcome;
  }
  const known = await typed(deps.db)
    .selectFrom('channel_contacts')
    .select('customer_id')
    .where('channel_id', '=', channel.id)
    .where('identity', '=', `${inbound.channel}:${inbound.identity}`)
    .executeTakeFirst();
  const name = !known && inbound.contactId ? await deps.displayName(channel, inbound.contactId).catch(() => null) : null;

  const applied = await deps.db.transaction(async (tx) => {
    const done = await applyMessage(tx, deps.db.kind, channel, kind, inbound, { file, refusal, name });
    // Settled with the message itself, so a crash right after never applies it twice.
    await settleInboxRow(tx, row.id, done.outcome);
    return done;
  });
  return { done: true, outcome: applied.outcome, createdConversation: applied.created ? applied.conversationId : undefined };
}

async function customerFor(tx: Sql, channel: RuntimeChannel, kind: Channel, inbound: InboundMessage, name: string | null): Promise<{ id: string; name: string }> {
  const key = `${inbound.channel}:${inbound.identity}`;
  const find = () =>
    typed(tx)
      .selectFrom('channel_contacts as cc')
      .innerJoin('customers as cu', 'cu.id', 'cc.customer_id')
      .select(['cu.id', 'cu.name'])
      .where('cc.channel_id', '=', channel.id)
      .where('cc.identity', '=', key)
      .executeTakeFirst();
  const found = await find();
  if (found) return found;
  const phone = CHANNELS[kind].phoneIdentity ? inbound.identity : null;
  const created = await typed(tx)
    .insertInto('customers')
    .values({ name: (name ?? '').trim() || inbound.identity, phone })
    .returning('id')
    .executeTakeFirstOrThrow();
  await typed(tx)
    .insertInto('channel_contacts')
    .values({ channel_id: channel.id, identity: key, customer_id: created.id })
    .onConflict((oc) => oc.doNothing())
    .execute();
  // Another instance may have added the identity meanwhile: theirs wins, this record is unused.
  const winner = await find();
  return winner!;
}

async function applyMessage(
  tx: Sql,
  dbKind: 'pglite' | 'postgres',
  channel: RuntimeChannel,
  kind: Channel,
  inbound: InboundMessage,
  got: { file: AcceptedFile | null; refusal: { code: string; reason: string; fileName: string | null; bytesReceived: number } | null; name: string | null },
): Promise<{ outcome: string; created: boolean; conversationId: string }> {
  const customer = await customerFor(tx, channel, kind, inbound, got.name);
  const identity = `${inbound.channel}:${inbound.identity}`;
  const open = await typed(tx)
    .selectFrom('conversations')
    .select(['id', 'queue_id', 'agent_id', 'reserved_for_agent_id'])
    .where('channel_id', '=', channel.id)
    .where('channel_identity', '=', identity)
    .where('state', '<>', 'ended')
    .forUpdate()
    .executeTakeFirst();
  let conversation = open;
  let created = false;
  let gate: Awaited<ReturnType<typeof channelAdmission>> | null = null;
  if (!conversation) {
    // Opening hours and the waiting limit (README "Opening hours and queue limits").
    gate = await channelAdmission(tx, channel.queue.id);
    const row = await typed(tx)
      .insertInto('conversations')
      .values({
        customer_id: customer.id,
        queue_id: channel.queue.id,
        channel: kind,
        source: inbound.identity,
        destination: channel.sender || channel.appId,
        state: 'queued',
        channel_id: channel.id,
        channel_identity: identity,
        held_until: gate.heldUntil,
      })
      .returning(['id', 'queue_id'])
      .executeTakeFirstOrThrow();
    conversation = { ...row, agent_id: null, reserved_for_agent_id: null };
    created = true;
  }
  const scope = { conversationId: conversation.id, queueId: conversation.queue_id, agentId: conversation.agent_id ?? conversation.reserved_for_agent_id };
  const clientMessageId = clientIdOf(channel.id, inbound.id);
  const already = await typed(tx)
    .selectFrom('messages')
    .select('id')
    .where('conversation_id', '=', conversation.id)
    .where('client_message_id', '=', clientMessageId)
    .executeTakeFirst();
  if (already) return { outcome: 'already stored', created: false, conversationId: conversation.id };

  const attachmentIds = got.file ? [await storeInboundFile(tx, dbKind, conversation.id, customer.id, got.file)] : [];
  const text = inbound.text ?? inbound.other ?? '';
  const events: Parameters<typeof appendEvent>[2][] = [];
  if (text !== '' || attachmentIds.length > 0) {
    const message = await insertMessage(tx, {
      conversationId: conversation.id,
      clientMessageId,
      authorKind: 'customer',
      authorId: customer.id,
      authorName: customer.name,
      text,
      attachmentIds,
    });
    events.push({ type: 'message.created', message, holderId: conversation.agent_id });
  }
  if (got.refusal) {
    await recordRejection(tx, {
      conversationId: conversation.id,
      uploaderKind: 'customer',
      uploaderId: customer.id,
      fileName: got.refusal.fileName,
      bytesReceived: got.refusal.bytesReceived,
      code: got.refusal.code,
      reason: got.refusal.reason,
    });
    const note = await insertMessage(tx, systemMessage(conversation.id, `${customer.name} sent a file on ${CHANNELS[kind].label} that was not accepted. ${got.refusal.reason}`));
    events.push({ type: 'message.created', message: note });
  }
  // A held one is announced to agents when it is released (queues/held-release.ts).
  if (created && !gate?.heldUntil) await appendEvent(tx, scope, { type: 'conversation.created', conversation: (await getConversation(tx, conversation.id))! });
  for (const event of events) await appendEvent(tx, scope, event);
  // After the customer's message, so the reply reads in order: closed or full says so instead of the welcome.
  if (gate?.prompt) await postPrompt(tx, conversation.id, gate.prompt, gate.values);
  else if (created) await postStartPrompts(tx, conversation.id);
  return { outcome: created ? 'started a conversation' : 'added to the open conversation', created, conversationId: conversation.id };
}

const STATUS_OF_REPORT: Record<string, DeliveryStatus | undefined> = {
  QUEUED_ON_CHANNEL: 'sent',
  DELIVERED: 'delivered',
  READ: 'read',
  FAILED: 'failed',
};

async function applyDeliveryRow(db: Database, channel: RuntimeChannel, row: InboxRow): Promise<InboxResult> {
  const report = (row.payload as { message_delivery_report: Record<string, unknown> }).message_delivery_report;
  const status = STATUS_OF_REPORT[String(report.status)];
  if (!status) return { done: true, outcome: `ignored: status ${String(report.status)}` };
  const reason = report.reason as { code?: string; description?: string } | undefined;
  const error = status === 'failed' ? reason?.description || reason?.code || 'The channel could not deliver this message.' : null;
  const found = await db.transaction((tx) =>
    applyDelivery(tx, { channelId: channel.id, metadata: typeof report.metadata === 'string' ? report.metadata : null, providerMessageId: String(report.message_id) }, status, error),
  );
  if (found) return { done: true, outcome: `delivery ${status}` };
  // The report may come before this server recorded the API's answer to the send: try again soon.
  if (row.attempts < INBOX_MAX_ATTEMPTS) return { done: false, reason: 'no message with this id yet' };
  return { done: true, outcome: 'ignored: no message with this id' };
}
