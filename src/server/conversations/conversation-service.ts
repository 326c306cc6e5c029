import type { Conversation } from '../../contract/conversations';
import type { User } from '../../contract/auth';
import { sql } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { ApiError, notFound } from '../http/api-error';
import { appendEvent } from '../realtime/event-log';
import { insertMessage, type NewMessage } from '../messages/message-store';
import type { EndConversationRequest } from '../../contract/wrap-up';
import { checkEndWrapUp, recordEndWrapUp } from '../wrap-up/wrap-up-store';
import { getConversation, transferredBy, type Visibility } from './conversation-store';

import { postPrompt } from '../prompts/post-prompt';
import { canView, factsOf } from '../../domain/conversation-rules';

/** canView as a filter for list queries; keep the two rules in step. */
export function visibilityFor(user: User): Visibility {
  return user.role === 'agent' ? { queueIds: user.queueIds, agentId: user.id } : null;
}

/** The conversation if the user may see it; otherwise 404, so its existence is not revealed. */
export async function viewConversation(sql: Sql, user: User, id: string): Promise<Conversation> {
  const conversation = await getConversation(sql, id);
  if (!conversation) throw notFound('This conversation');
  if (canView(user, factsOf(conversation)) || (await transferredBy(sql, id, user.id))) return conversation;
  throw notFound('This conversation');
}

export async function reload(tx: Sql, id: string): Promise<Conversation> {
  const conversation = await getConversation(tx, id);
  if (!conversation) throw new Error(`conversation ${id} vanished inside its transaction`);
  return conversation;
}

export function requireAgent(user: User) {
  if (user.role !== 'agent') throw new ApiError(403, 'forbidden', 'Only agents can handle conversations.');
}

async function holderError(tx: Sql, id: string): Promise<ApiError> {
  const c = await reload(tx, id);
  if (c.state === 'ended') return new ApiError(409, 'conversation_ended', 'This conversation has already ended.');
  if (c.agent) {
    return new ApiError(409, 'already_picked', `${c.agent.displayName} has already picked this conversation.`, {
      holder: c.agent,
    });
  }
  return new ApiError(409, 'not_holder', 'You do not hold this conversation. Pick it first.');
}

/**
 * One conditional update decides who gets the conversation: under concurrent picks PostgreSQL
 * re-checks the WHERE clause after the winner commits, so every other picker updates no row.
 * A conversation reserved for an agent (a transfer) is theirs alone to pick, in any queue; any
 * other waits for the agents of its queue. The same rule is in the WHERE clause, so a transfer
 * that lands between the check and the update cannot be overtaken. Only a queued conversation
 * can be picked: one being offered is that agent's to accept until the offer ends. An agent's
 * capacity limits what is offered to them, not what they pick on purpose.
 */
export async function pick(db: Database, user: User, id: string): Promise<Conversation> {
  requireAgent(user);
  const visible = await viewConversation(db, user, id);
  if (visible.state === 'queued' || visible.state === 'offered') pickableBy(user, visible);
  return db.transaction(async (tx) => {
    const won = await typed(tx)
      .updateTable('conversations')
      .set({ state: 'picked', agent_id: user.id, picked_at: sql`now()`, reserved_for_agent_id: null })
      .where('id', '=', id)
      .where('state', '=', 'queued')
      // A message left while the queue was closed is nobody's until the opening.
      .where('held_until', 'is', null)
      .where((eb) =>
        eb.or([
          eb('reserved_for_agent_id', '=', user.id),
          eb.and([eb('reserved_for_agent_id', 'is', null), eb('queue_id', '=', eb.fn.any(eb.val(user.queueIds)))]),
        ]),
      )
      .returning('id')
      .executeTakeFirst();
    if (!won) throw await pickError(tx, user, id);
    // New work: the agent goes to the back of the line for offers. Before any event, keeping the
    // lock order of the routing (conversation row, user row, event counter).
    await typed(tx).updateTable('users').set({ idle_since: sql`now()` }).where('id', '=', user.id).execute();
    const message = await insertMessage(tx, systemMessage(id, `${user.displayName} joined the conversation.`));
    const conversation = await reload(tx, id);
    const scope = { conversationId: id, queueId: conversation.queue.id, agentId: user.id };
    await appendEvent(tx, scope, { type: 'conversation.picked', conversation });
    await appendEvent(tx, scope, { type: 'message.created', message });
    return conversation;
  });
}

/** Throws unless `user` may pick this waiting conversation. */
function pickableBy(user: User, c: Conversation) {
  if (c.reservedFor) {
    if (c.reservedFor.id !== user.id) {
      throw new ApiError(403, 'forbidden', `This conversation was transferred to ${c.reservedFor.displayName}; only they can pick it.`);
    }
  } else if (!user.queueIds.includes(c.queue.id)) {
    throw new ApiError(403, 'forbidden', 'You do not serve this queue.');
  }
}

async function pickError(tx: Sql, user: User, id: string): Promise<ApiError> {
  const c = await reload(tx, id);
  if (c.state === 'queued' || c.state === 'offered') pickableBy(user, c);
  if (c.offer?.agent.id === user.id) return new ApiError(409, 'not_holder', 'This conversation is offered to you: accept it to take it.');
  if (c.offer) {
    return new ApiError(
      409,
      'not_holder',
      `This conversation is offered to ${c.offer.agent.displayName} right now. It comes back to the picklist if they do not accept it.`,
    );
  }
  if (c.state === 'queued' && (await isHeld(tx, id))) {
    return new ApiError(409, 'not_holder', 'This message was left while the queue was closed: it can be picked when the queue opens.');
  }
  // Only when the row changed again between the update and this read.
  if (c.state === 'queued') return new ApiError(409, 'not_holder', 'This conversation cannot be picked right now. Try again.');
  return holderError(tx, id);
}

/**
 * Ends a conversation the agent holds, with the reason (wrap-up code) and summary they give; a
 * reason the queue does not offer, or none where it needs one, is refused (wrap-up-store.ts) and
 * the conversation stays open.
 */
export async function end(db: Database, user: User, id: string, wrapUp: EndConversationRequest = {}): Promise<Conversation> {
  requireAgent(user);
  await viewConversation(db, user, id);
  return db.transaction(async (tx) => {
    const done = await typed(tx)
      .updateTable('conversations')
      .set({ state: 'ended', ended_at: sql`now()`, ended_by: 'agent' })
      .where('id', '=', id)
      .where('state', '=', 'picked')
      .where('agent_id', '=', user.id)
      .returning(['id', 'queue_id'])
      .executeTakeFirst();
    if (!done) throw await endError(tx, user, id);
    const reason = await checkEndWrapUp(tx, done.queue_id, wrapUp);
    await recordEndWrapUp(tx, { ...reason, conversationId: id, agentId: user.id, queueId: done.queue_id });
    const message = await insertMessage(tx, systemMessage(id, `${user.displayName} ended the conversation.`));
    const conversation = await reload(tx, id);
    const scope = { conversationId: id, queueId: conversation.queue.id, agentId: user.id };
    await appendEvent(tx, scope, { type: 'message.created', message });
    await appendEvent(tx, scope, { type: 'conversation.ended', conversation });
    await postPrompt(tx, id, 'closing');
    return conversation;
  });
}

async function endError(tx: Sql, user: User, id: string) {
  const c = await reload(tx, id);
  if (c.state === 'ended') return new ApiError(409, 'conversation_ended', 'This conversation has already ended.');
  if (c.agent && c.agent.id !== user.id) {
    return new ApiError(409, 'not_holder', `${c.agent.displayName} holds this conversation.`, { holder: c.agent });
  }
  return new ApiError(409, 'not_holder', 'Pick this conversation before ending it.');
}

export function systemMessage(conversationId: string, text: string): NewMessage {
  return { conversationId, clientMessageId: null, authorKind: 'system', authorId: null, authorName: 'System', text };
}

/** Agents write only into conversations they hold and that are still open. */
export function agentMayWrite(user: User) {
  return (row: { state: string; agent_id: string | null }) => {
    if (row.state === 'ended') throw new ApiError(409, 'conversation_ended', 'This conversation has ended.');
    if (row.state !== 'picked' || row.agent_id !== user.id) {
      throw new ApiError(409, 'not_holder', 'Pick this conversation before writing in it.');
    }
  };
}

async function isHeld(tx: Sql, id: string): Promise<boolean> {
  const row = await typed(tx).selectFrom('conversations').select('held_until').where('id', '=', id).executeTakeFirst();
  return row?.held_until != null;
}
