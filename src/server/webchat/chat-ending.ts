import type { CustomerChatSettings, RateChatRequest, Rating, SurveyState, Transcript } from '../../contract/customer-chat';
import type { Message } from '../../contract/messages';
import { messageFor } from '../../contract/messages';
import { toCustomerConversation, type CustomerConversation } from '../../contract/webchat';
import { renderTranscript } from '../../domain/transcript';
import { getConversation } from '../conversations/conversation-store';
import { endOpenConversation } from '../conversations/open-ending';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { ApiError, notFound } from '../http/api-error';
import { MESSAGE_COLUMNS, messageFromRow, type MessageRow } from '../messages/message-store';
import { getCustomerChatSettings } from '../settings/settings-store';
import { appendEvent } from '../realtime/event-log';
import { sql } from 'kysely';

/** The customer's "End chat": ended by the customer, with a line the agent sees in the thread. */
export async function endByCustomer(db: Database, conversationId: string): Promise<CustomerConversation> {
  return db.transaction(async (tx) => {
    const current = await getConversation(tx, conversationId);
    if (!current) throw notFound('This chat');
    const ended = await endOpenConversation(tx, conversationId, { by: 'customer', reason: null, line: `${current.customer.name} left the chat.` });
    if (!ended) throw new ApiError(409, 'conversation_ended', 'This chat has already ended.');
    return toCustomerConversation(ended);
  });
}

/** Every message of the chat, as its customer sees them, as plain text. */
export async function customerTranscript(db: Sql, conversationId: string): Promise<Transcript> {
  const conversation = await getConversation(db, conversationId);
  if (!conversation) throw notFound('This chat');
  const { rows } = await sql<MessageRow>`
    SELECT ${sql.raw(MESSAGE_COLUMNS)} FROM messages m WHERE m.conversation_id = ${conversationId} ORDER BY m.seq`.execute(typed(db));
  const messages: Message[] = rows.map((r) => messageFor(messageFromRow(r), { kind: 'customer' }));
  return renderTranscript(toCustomerConversation(conversation), messages);
}

type RatingRow = { rating: number; comment: string | null; created_at: Date };
const ratingFrom = (r: RatingRow): Rating => ({ rating: r.rating, comment: r.comment, at: r.created_at.toISOString() });

/** The conversation's rating, or null (staff views and the customer's own page). */
export async function ratingOf(db: Sql, conversationId: string): Promise<Rating | null> {
  const row = await typed(db).selectFrom('conversation_ratings').select(['rating', 'comment', 'created_at']).where('conversation_id', '=', conversationId).executeTakeFirst();
  return row ? ratingFrom(row) : null;
}

export async function surveyState(db: Sql, conversationId: string): Promise<SurveyState> {
  const [settings, answer] = await Promise.all([getCustomerChatSettings(db), ratingOf(db, conversationId)]);
  return { enabled: settings.surveyEnabled, answer };
}

/** The survey's one answer: only after the end, only while the survey is on, only once. */
export async function rateChat(db: Database, conversationId: string, body: RateChatRequest, settings?: CustomerChatSettings): Promise<Rating> {
  const { surveyEnabled } = settings ?? (await getCustomerChatSettings(db));
  if (!surveyEnabled) throw new ApiError(409, 'survey_off', 'The satisfaction survey is switched off.');
  return db.transaction(async (tx) => {
    const c = await typed(tx).selectFrom('conversations').select(['state', 'queue_id', 'agent_id']).where('id', '=', conversationId).forUpdate().executeTakeFirst();
    if (!c) throw notFound('This chat');
    if (c.state !== 'ended') throw new ApiError(409, 'conversation_open', 'You can rate the chat once it has ended.');
    const row = await typed(tx)
      .insertInto('conversation_ratings')
      .values({ conversation_id: conversationId, rating: body.rating, comment: body.comment || null, queue_id: c.queue_id, agent_id: c.agent_id })
      .onConflict((oc) => oc.column('conversation_id').doNothing())
      .returning(['rating', 'comment', 'created_at'])
      .executeTakeFirst();
    if (!row) throw new ApiError(409, 'already_rated', 'You have already rated this chat. Thank you!');
    const rating = ratingFrom(row);
    await appendEvent(tx, { conversationId, queueId: c.queue_id, agentId: c.agent_id }, { type: 'conversation.rated', conversationId, rating });
    return rating;
  });
}
