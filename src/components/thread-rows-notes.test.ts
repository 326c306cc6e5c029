import { describe, expect, it } from 'vitest';
import type { Note } from '../contract/notes';
import { makeMessage } from '../lib/test-factories';
import { lastContentKey, threadRows } from './thread-rows';

const dayOf = (iso: string) => iso.slice(0, 10);
const at = (day: string, second: number) => `${day}T10:00:${String(second).padStart(2, '0')}.000Z`;
const msg = (seq: number, day = '2024-05-01') => makeMessage({ id: `m${seq}`, seq, createdAt: at(day, seq) });
const note = (id: string, createdAt: string): Note => ({
  id,
  conversationId: 'c1',
  clientNoteId: `client-${id}`,
  authorId: 'u1',
  authorName: 'Anna Lindqvist',
  text: `note ${id}`,
  mentions: [],
  createdAt,
});
const keys = (rows: { key: string }[]) => rows.map((r) => r.key);

describe('threadRows with internal notes', () => {
  it('puts each note at its time among the messages, whatever order the notes come in', () => {
    const messages = [msg(1), msg(3), msg(5)];
    // The API lists notes newest first.
    const notes = [note('late', at('2024-05-01', 9)), note('b', at('2024-05-01', 4)), note('a', at('2024-05-01', 2))];
    expect(keys(threadRows(messages, [], { complete: false, dayOf, notes }))).toEqual(['m:m1', 'n:a', 'm:m3', 'n:b', 'm:m5', 'n:late']);
  });

  it('puts a message before a note of the same time', () => {
    const rows = threadRows([msg(1), msg(2)], [], { complete: false, dayOf, notes: [note('same', at('2024-05-01', 1))] });
    expect(keys(rows)).toEqual(['m:m1', 'n:same', 'm:m2']);
  });

  it('holds back notes older than the first loaded message until their page is in', () => {
    const notes = [note('old', at('2024-05-01', 1)), note('new', at('2024-05-01', 6))];
    const newestPage = [msg(5), msg(7)];
    expect(keys(threadRows(newestPage, [], { complete: false, dayOf, notes }))).toEqual(['m:m5', 'n:new', 'm:m7']);
    // Prepending the older page adds the old note above the rows already shown, keeping their keys.
    const all = keys(threadRows([msg(2), msg(3), ...newestPage], [], { complete: true, dayOf, notes }));
    expect(all).toEqual(['date:start', 'n:old', 'm:m2', 'm:m3', 'm:m5', 'n:new', 'm:m7']);
    // A conversation whose every message is loaded shows every note, also one older than them all.
    expect(keys(threadRows([msg(5)], [], { complete: true, dayOf, notes }))).toEqual(['date:start', 'n:old', 'm:m5', 'n:new']);
  });

  it('draws a day line between a note and a message of another day', () => {
    const rows = threadRows([msg(1), msg(2, '2024-05-03')], [], { complete: false, dayOf, notes: [note('n', at('2024-05-02', 0))] });
    expect(keys(rows)).toEqual(['m:m1', 'date:m:m1', 'n:n', 'date:n:n', 'm:m2']);
  });

  it('keeps unconfirmed sends last, and counts a new note as new content', () => {
    const pending = [{ clientMessageId: 'p', conversationId: 'c1', text: 'sending', status: 'sending' as const, createdAt: at('2024-05-01', 8) }];
    const rows = threadRows([msg(1)], pending, { complete: false, dayOf, notes: [note('n', at('2024-05-01', 9))] });
    expect(keys(rows)).toEqual(['m:m1', 'n:n', 'c:p']);
    expect(lastContentKey(threadRows([msg(1)], [], { complete: false, dayOf, notes: [note('n', at('2024-05-01', 9))] }))).toBe('n:n');
  });

  it("gives a thread without notes (the customer's) exactly the rows it had", () => {
    const messages = [msg(1), msg(2)];
    expect(threadRows(messages, [], { complete: true, dayOf, notes: [] })).toEqual(threadRows(messages, [], { complete: true, dayOf }));
  });
});
