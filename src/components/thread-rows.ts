import type { Message } from '../contract/messages';
import type { Note } from '../contract/notes';
import type { OutboxEntry } from '../lib/outbox';

/**
 * The rows of a virtualized thread, oldest first. Each row has a key that stays the same while
 * older pages are prepended and newer messages appended, so the virtualizer keeps its measured
 * sizes and can hold the reader's place (it anchors to the keyed row at the top of the view).
 */
export type ThreadRow =
  | { kind: 'date'; key: string; createdAt: string }
  | { kind: 'message'; key: string; message: Message }
  | { kind: 'pending'; key: string; entry: OutboxEntry }
  /** An internal note: staff only, the customer's thread is never given any. */
  | { kind: 'note'; key: string; note: Note }
  | { kind: 'typing'; key: 'typing'; name: string };

/** The calendar day of a timestamp in the reader's time zone. */
export const localDay = (iso: string) => new Date(iso).toDateString();

// The rows are rebuilt from every loaded message on each change (each page of a long thread), so
// each message's day is worked out once: message objects are kept across pages by the query cache.
const days = new WeakMap<Message, string>();
const dayOfMessage = (m: Message) => {
  let day = days.get(m);
  if (day === undefined) days.set(m, (day = localDay(m.createdAt)));
  return day;
};

/**
 * A confirmed message keeps the key its unconfirmed entry had (the client id), so the row is
 * not remounted, nor its height measured again, when the server confirms a send.
 */
export const messageKey = (m: Pick<Message, 'id' | 'clientMessageId'>) => (m.clientMessageId ? `c:${m.clientMessageId}` : `m:${m.id}`);

interface Options {
  /** The first message loaded is the conversation's first: a day line goes above it too. */
  complete: boolean;
  /** Whoever is typing on the other side: a last row under the newest message. */
  typist?: string | null;
  /** Internal notes (any order) to show at their time among the loaded messages; staff threads only. */
  notes?: readonly Note[];
  /** Injected by tests to fix the time zone; by default the reader's, cached per message. */
  dayOf?: (iso: string) => string;
}

/**
 * Messages, then sends not confirmed yet, with a day line wherever the day changes. A day line
 * is keyed by the message above it, so prepending older messages only ever adds rows above the
 * ones already shown. Above the first loaded message the day is only known to start there once
 * the whole conversation is loaded.
 */
export function threadRows(messages: Message[], pending: OutboxEntry[], { complete, typist, notes = [], dayOf }: Options): ThreadRow[] {
  const confirmed = new Set(messages.map((m) => m.clientMessageId));
  const items: ThreadRow[] = [
    ...withNotes(messages, notes, complete),
    ...pending.filter((e) => !confirmed.has(e.clientMessageId)).map((entry): ThreadRow => ({ kind: 'pending', key: `c:${entry.clientMessageId}`, entry })),
  ];
  const rows: ThreadRow[] = [];
  let previous: { key: string; day: string } | undefined;
  for (const item of items) {
    const createdAt = item.kind === 'message' ? item.message.createdAt : item.kind === 'pending' ? item.entry.createdAt : item.kind === 'note' ? item.note.createdAt : '';
    const day = dayOf ? dayOf(createdAt) : item.kind === 'message' ? dayOfMessage(item.message) : localDay(createdAt);
    if (previous ? previous.day !== day : complete) rows.push({ kind: 'date', key: previous ? `date:${previous.key}` : 'date:start', createdAt });
    rows.push(item);
    previous = { key: item.key, day };
  }
  if (typist) rows.push({ kind: 'typing', key: 'typing', name: typist });
  return rows;
}

/**
 * Messages with the notes merged in by time (a message first on a tie). While older pages are not
 * loaded, a note older than the first loaded message waits for its page, so it never shows out
 * of place; one newer than every message sits at the end.
 */
function withNotes(messages: Message[], notes: readonly Note[], complete: boolean): ThreadRow[] {
  const row = (message: Message): ThreadRow => ({ kind: 'message', key: messageKey(message), message });
  if (notes.length === 0) return messages.map(row);
  const from = complete ? '' : (messages[0]?.createdAt ?? '\uffff');
  const shown = notes.filter((n) => n.createdAt >= from).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const merged: ThreadRow[] = [];
  let i = 0;
  for (const message of messages) {
    while (i < shown.length && shown[i]!.createdAt < message.createdAt) merged.push(noteRow(shown[i++]!));
    merged.push(row(message));
  }
  while (i < shown.length) merged.push(noteRow(shown[i++]!));
  return merged;
}

const noteRow = (note: Note): ThreadRow => ({ kind: 'note', key: `n:${note.id}`, note });

/** Rows that are conversation content (not day lines or the typing line), for "new messages". */
export const lastContentKey = (rows: ThreadRow[]) => rows.findLast((r) => r.kind === 'message' || r.kind === 'pending' || r.kind === 'note')?.key;
