import type { Message } from '../../contract/messages';
import type { PromptKind } from '../../contract/prompts';
import { sql } from 'kysely';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import { insertMessage } from '../messages/message-store';
import { appendEvent } from '../realtime/event-log';
import { formatWaitMinutes, renderPrompt, type PromptValues } from '../../domain/prompt-render';
import { getQueuePrompt } from './prompt-store';
import { positionOf } from './queue-positions';

const usesPosition = (template: string) => template.includes('{queue.position}') || template.includes('{queue.estimatedWait}');

/** The values every prompt of a conversation may name, as they are now in the transaction. */
async function conversationValues(tx: Sql, conversationId: string, template: string, base: PromptValues): Promise<PromptValues> {
  if (!usesPosition(template)) return base;
  const place = await positionOf(tx, conversationId);
  if (!place) return base;
  const values: PromptValues = { ...base, 'queue.position': String(place.position) };
  if (place.estimatedWaitMinutes !== null) values['queue.estimatedWait'] = formatWaitMinutes(place.estimatedWaitMinutes);
  return values;
}

/**
 * Posts the conversation's queue's `kind` prompt into the conversation as a system line, inside
 * the caller's transaction (which should hold the conversation's row, as every writer does): the
 * message and its `message.created` event commit with the change that caused them, so agents see
 * it in the thread and the web-chat customer receives it live. A channel conversation's customer
 * gets it through the channel outbox, sent by the channel worker like an agent's message. `extra`
 * adds or overrides values (opening hours). Null, and nothing posted, when the prompt is switched
 * off or renders empty.
 */
export async function postPrompt(
  tx: Sql,
  conversationId: string,
  kind: PromptKind,
  extra: PromptValues = {},
  /** The agent it just left (a transfer, a lost agent), who still sees the line. */
  audience: { previousAgentId?: string | null } = {},
): Promise<Message | null> {
  const row = await typed(tx)
    .selectFrom('conversations as c')
    .innerJoin('queues as q', 'q.id', 'c.queue_id')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select(['c.queue_id', 'c.agent_id', 'c.reserved_for_agent_id', 'c.channel_id', 'c.channel_identity', 'q.name as queue_name', 'cu.name as customer_name'])
    .where('c.id', '=', conversationId)
    .executeTakeFirst();
  if (!row) return null;
  const prompt = await getQueuePrompt(tx, row.queue_id, kind);
  if (!prompt.enabled) return null;
  const base: PromptValues = { 'customer.name': row.customer_name, 'queue.name': row.queue_name, ...extra };
  const text = renderPrompt(prompt.text, await conversationValues(tx, conversationId, prompt.text, base));
  if (text === '') return null;

  const message = await insertMessage(tx, { conversationId, clientMessageId: null, authorKind: 'system', authorId: null, authorName: 'System', text });
  const scope = { conversationId, queueId: row.queue_id, agentId: row.agent_id ?? row.reserved_for_agent_id, ...audience };
  await appendEvent(tx, scope, { type: 'message.created', message });
  if (row.channel_id !== null && row.channel_identity !== null) await sendToChannel(tx, { ...row, conversationId, kind, text });
  return message;
}

/**
 * Queues the prompt for the channel's customer (channel_outbox, as the closing message of
 * migration 21 is: a row with its text and no message). A channel with a closing message of its
 * own sends that when the conversation ends (the trigger), so the closing prompt is not sent twice.
 */
async function sendToChannel(tx: Sql, p: { channel_id: string | null; channel_identity: string | null; conversationId: string; kind: PromptKind; text: string }) {
  await sql`INSERT INTO channel_outbox (channel_id, conversation_id, text, recipient)
    SELECT ch.id, ${p.conversationId}::uuid, ${p.text}::text, ${p.channel_identity}::text FROM channels ch
    WHERE ch.id = ${p.channel_id}::uuid AND NOT (${p.kind === 'closing'}::boolean AND COALESCE(ch.closing_message, '') <> '')`.execute(typed(tx));
}

/**
 * A queue's `kind` prompt rendered without a conversation (the web chat's closed and full
 * screens): null when the queue is unknown or the prompt is off. `values` gives what the caller
 * knows (opening hours); the queue's name is filled in here.
 */
export async function renderQueuePrompt(db: Sql, queueId: string, kind: PromptKind, values: PromptValues = {}): Promise<string | null> {
  const queue = await typed(db).selectFrom('queues').select('name').where('id', '=', queueId).executeTakeFirst();
  if (!queue) return null;
  const prompt = await getQueuePrompt(db, queueId, kind);
  if (!prompt.enabled) return null;
  const text = renderPrompt(prompt.text, { 'queue.name': queue.name, ...values });
  return text === '' ? null : text;
}
