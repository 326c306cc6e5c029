import type { User } from '../../contract/auth';
import type { Note } from '../../contract/notes';
import { lockConversation } from '../conversations/conversation-store';
import type { Database } from '../db/database';
import { ApiError, notFound } from '../http/api-error';
import { typed } from '../db/kysely';
import { appendEvent, appendUserEvent } from '../realtime/event-log';
import { checkMentions } from './mentions';
import { findNoteByClientId, insertNote } from './note-store';

/**
 * Adds a note once per client id: a retry returns the first note and appends no event. The
 * caller has checked that `author` may view the conversation; notes are allowed in any state,
 * ended included, because wrap-up notes are written after the chat is over.
 */
export async function createNote(
  db: Database,
  author: User,
  input: { conversationId: string; clientNoteId: string; text: string; mentionedUserIds?: string[] },
): Promise<{ note: Note; created: boolean }> {
  return db.transaction(async (tx) => {
    // The row lock makes the idempotency check race-free and gives the event the current holder.
    const row = await lockConversation(tx, input.conversationId);
    if (!row) throw notFound('This conversation');
    const existing = await findNoteByClientId(tx, input.conversationId, input.clientNoteId);
    if (existing) {
      if (existing.authorId !== author.id) {
        throw new ApiError(409, 'duplicate_client_id', 'This note id was already used by someone else.');
      }
      return { note: existing, created: false };
    }
    // Checked under the row lock: the conversation cannot move to a queue they do not serve meanwhile.
    const facts = { queueId: row.queue_id, agentId: row.agent_id, reservedForId: row.reserved_for_agent_id };
    const mentions = await checkMentions(tx, author, facts, input.mentionedUserIds ?? []);
    const note = await insertNote(tx, {
      conversationId: input.conversationId,
      clientNoteId: input.clientNoteId,
      authorId: author.id,
      authorName: author.displayName,
      text: input.text,
      mentions,
    });
    await appendEvent(
      tx,
      // While reserved after a transfer, the agent it waits for follows it (they may not serve its queue).
      { conversationId: input.conversationId, queueId: row.queue_id, agentId: row.agent_id ?? row.reserved_for_agent_id },
      { type: 'note.created', note },
    );
    if (mentions.length > 0) {
      const customer = await typed(tx)
        .selectFrom('conversations as c')
        .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
        .select('cu.name')
        .where('c.id', '=', input.conversationId)
        .executeTakeFirstOrThrow();
      // Each mentioned colleague alone hears of it (their notice, desktop notification, push).
      for (const m of mentions) await appendUserEvent(tx, m.id, { type: 'note.mentioned', note, customerName: customer.name });
    }
    return { note, created: true };
  });
}
