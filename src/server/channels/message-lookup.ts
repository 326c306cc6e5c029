import { sql } from 'kysely';
import type { Message } from '../../contract/messages';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import { MESSAGE_COLUMNS, messageFromRow, type MessageRow } from '../messages/message-store';

/** One message of a conversation, with its files; null when it is not in that conversation. */
export async function findByIdInConversation(db: Sql, conversationId: string, messageId: string): Promise<Message | null> {
  const {
    rows: [row],
  } = await sql<MessageRow>`SELECT ${sql.raw(MESSAGE_COLUMNS)} FROM messages m WHERE m.conversation_id = ${conversationId} AND m.id = ${messageId}`.execute(typed(db));
  return row ? messageFromRow(row) : null;
}
