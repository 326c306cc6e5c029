import type { Message } from '../contract/messages';
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
  /** Injected by tests to fix the time zone; by default the reader's, cached per message. */
  dayOf?: (iso: string) => string;
}

/**
 * Messages, then sends not confirmed yet, with a day line wherever the day changes. A day line
 * is keyed by the message above it, so prepending older messages only ever adds rows above the
 * ones already shown. Above the first loaded message the day is only known to start there once
 * the whole conversation is loaded.
 */
export function threadRows(messages: Message[], pending: OutboxEntry[], { complete, typist, dayOf }: Options): ThreadRow[] {
  const confirmed = new Set(messages.map((m) => m.clientMessageId));
  const items: ThreadRow[] = [
    ...messages.map((message): ThreadRow => ({ kind: 'message', key: messageKey(message), message })),
    ...pending.filter((e) => !confirmed.has(e.clientMessageId)).map((entry): ThreadRow => ({ kind: 'pending', key: `c:${entry.clientMessageId}`, entry })),
  ];
  const rows: ThreadRow[] = [];
  let previous: { key: string; day: string } | undefined;
  for (const item of items) {
    const createdAt = item.kind === 'message' ? item.message.createdAt : item.kind === 'pending' ? item.entry.createdAt : '';
    const day = dayOf ? dayOf(createdAt) : item.kind === 'message' ? dayOfMessage(item.message) : localDay(createdAt);
    if (previous ? previous.day !== day : complete) rows.push({ kind: 'date', key: previous ? `date:${previous.key}` : 'date:start', createdAt });
    rows.push(item);
    previous = { key: item.key, day };
  }
  if (typist) rows.push({ kind: 'typing', key: 'typing', name: typist });
  return rows;
}

/** Rows that are conversation content (not day lines or the typing line), for "new messages". */
export const lastContentKey = (rows: ThreadRow[]) => rows.findLast((r) => r.kind === 'message' || r.kind === 'pending')?.key;
