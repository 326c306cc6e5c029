import { sql, type Expression, type SqlBool } from 'kysely';
import type { Conversation } from '../../contract/conversations';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import { insertMessage } from '../messages/message-store';
import { appendEvent } from '../realtime/event-log';
import { reload, systemMessage } from './conversation-service';

/**
 * Ends an open conversation (waiting, offered or held) for someone other than its agent: the
 * customer leaving, or the system (inactivity). One conditional update decides, so two callers
 * (a customer's double click, two sweeping instances) end it once: the loser gets null. `also`
 * adds the caller's own condition to that update (the inactivity sweeper's "still idle").
 * The conversation leaves every list through the same `conversation.ended` event as an agent's end.
 */
export async function endOpenConversation(
  tx: Sql,
  id: string,
  how: { by: 'customer' | 'system'; reason: 'inactivity' | null; line: string | null; also?: Expression<SqlBool> },
): Promise<Conversation | null> {
  const done = await typed(tx)
    .updateTable('conversations')
    .set({ state: 'ended', ended_at: sql`now()`, ended_by: how.by, end_reason: how.reason })
    .where('id', '=', id)
    .where('state', '<>', 'ended')
    .$if(how.also !== undefined, (q) => q.where(how.also!))
    .returning(['agent_id'])
    .executeTakeFirst();
  if (!done) return null;
  const conversation = await reload(tx, id);
  const scope = { conversationId: id, queueId: conversation.queue.id, agentId: done.agent_id };
  if (how.line) {
    const message = await insertMessage(tx, systemMessage(id, how.line));
    await appendEvent(tx, scope, { type: 'message.created', message });
  }
  await appendEvent(tx, scope, { type: 'conversation.ended', conversation });
  return conversation;
}
