import type { Selectable } from 'kysely';
import type { PersonRef } from '../../contract/conversations';
import type { Note } from '../../contract/notes';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { Notes } from '../db/schema.gen';

/** jsonb reads as unknown: keep only well-formed entries (the column is only ever written below). */
function readMentions(value: unknown): PersonRef[] {
  const list: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(list)) return [];
  return list.filter((m): m is PersonRef => typeof m === 'object' && m !== null && typeof (m as PersonRef).id === 'string' && typeof (m as PersonRef).displayName === 'string');
}

function noteFromRow(row: Selectable<Notes>): Note {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    clientNoteId: row.client_note_id,
    authorId: row.author_id,
    authorName: row.author_name,
    text: row.text,
    mentions: readMentions(row.mentions),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export interface NewNote {
  conversationId: string;
  clientNoteId: string;
  authorId: string;
  authorName: string;
  text: string;
  mentions?: PersonRef[];
}

export async function insertNote(tx: Sql, n: NewNote): Promise<Note> {
  const row = await typed(tx)
    .insertInto('notes')
    .values({ conversation_id: n.conversationId, client_note_id: n.clientNoteId, author_id: n.authorId, author_name: n.authorName, text: n.text, mentions: JSON.stringify(n.mentions ?? []) })
    .returningAll()
    .executeTakeFirstOrThrow();
  return noteFromRow(row);
}

export async function findNoteByClientId(sql: Sql, conversationId: string, clientNoteId: string): Promise<Note | null> {
  const row = await typed(sql)
    .selectFrom('notes')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('client_note_id', '=', clientNoteId)
    .executeTakeFirst();
  return row ? noteFromRow(row) : null;
}

/** Newest first; the id breaks ties so the order is stable between calls. */
export async function listNotes(sql: Sql, conversationId: string): Promise<Note[]> {
  const rows = await typed(sql)
    .selectFrom('notes')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(noteFromRow);
}
