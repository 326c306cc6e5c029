import type { Note } from '../../contract/notes';
import type { Sql } from '../db/database';

interface NoteRow {
  id: string;
  conversation_id: string;
  client_note_id: string;
  author_id: string;
  author_name: string;
  text: string;
  created_at: Date | string;
}

function noteFromRow(row: NoteRow): Note {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    clientNoteId: row.client_note_id,
    authorId: row.author_id,
    authorName: row.author_name,
    text: row.text,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export interface NewNote {
  conversationId: string;
  clientNoteId: string;
  authorId: string;
  authorName: string;
  text: string;
}

export async function insertNote(tx: Sql, n: NewNote): Promise<Note> {
  const [row] = await tx.query<NoteRow>(
    `INSERT INTO notes (conversation_id, client_note_id, author_id, author_name, text)
     VALUES ($1, $2, $3, $4, $5) RETURNING *`,
    [n.conversationId, n.clientNoteId, n.authorId, n.authorName, n.text],
  );
  return noteFromRow(row!);
}

export async function findNoteByClientId(sql: Sql, conversationId: string, clientNoteId: string): Promise<Note | null> {
  const [row] = await sql.query<NoteRow>('SELECT * FROM notes WHERE conversation_id = $1 AND client_note_id = $2', [
    conversationId,
    clientNoteId,
  ]);
  return row ? noteFromRow(row) : null;
}

/** Newest first; the id breaks ties so the order is stable between calls. */
export async function listNotes(sql: Sql, conversationId: string): Promise<Note[]> {
  const rows = await sql.query<NoteRow>(
    'SELECT * FROM notes WHERE conversation_id = $1 ORDER BY created_at DESC, id DESC',
    [conversationId],
  );
  return rows.map(noteFromRow);
}
