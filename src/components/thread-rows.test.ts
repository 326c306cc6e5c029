import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../lib/outbox';
import { makeMessage } from '../lib/test-factories';
import { lastContentKey, threadRows } from './thread-rows';

const dayOf = (iso: string) => iso.slice(0, 10);
const msg = (seq: number, day = '2024-05-01', patch = {}) =>
  makeMessage({ id: `m${seq}`, seq, createdAt: `${day}T10:00:${String(seq % 60).padStart(2, '0')}.000Z`, ...patch });
const entry = (id: string, patch: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientMessageId: id,
  conversationId: 'c1',
  text: 'on its way',
  status: 'sending',
  createdAt: '2024-05-02T09:00:00.000Z',
  ...patch,
});
const keys = (rows: { key: string }[]) => rows.map((r) => r.key);

describe('threadRows', () => {
  it('puts a day line where the day changes, and above the first message only once all are loaded', () => {
    const messages = [msg(1), msg(2), msg(3, '2024-05-02')];
    expect(keys(threadRows(messages, [], { complete: false, dayOf }))).toEqual(['m:m1', 'm:m2', 'date:m:m2', 'm:m3']);
    expect(keys(threadRows(messages, [], { complete: true, dayOf }))).toEqual(['date:start', 'm:m1', 'm:m2', 'date:m:m2', 'm:m3']);
  });

  it('keeps every key of the rows shown when an older page is prepended, adding rows only above them', () => {
    const newest = [msg(3, '2024-05-02'), msg(4, '2024-05-02')];
    const before = keys(threadRows(newest, [], { complete: false, dayOf }));
    const after = keys(threadRows([msg(1), msg(2), ...newest], [], { complete: true, dayOf }));
    expect(after.slice(-before.length)).toEqual(before);
    expect(after).toEqual(['date:start', 'm:m1', 'm:m2', 'date:m:m2', 'm:m3', 'm:m4']);
  });

  it('shows unconfirmed sends after the messages, and a confirmed send under the same key', () => {
    const pending = [entry('a'), entry('b', { status: 'failed', error: 'Offline' })];
    const rows = threadRows([msg(1, '2024-05-02')], pending, { complete: false, dayOf });
    expect(keys(rows)).toEqual(['m:m1', 'c:a', 'c:b']);
    const confirmed = threadRows([msg(1, '2024-05-02'), msg(2, '2024-05-02', { clientMessageId: 'a' })], pending, { complete: false, dayOf });
    // The entry the server confirmed is shown once, as the message, keeping its row's key.
    expect(keys(confirmed)).toEqual(['m:m1', 'c:a', 'c:b']);
    expect(confirmed[1]).toMatchObject({ kind: 'message' });
  });

  it('ends with the typing line, which is not content for "new messages"', () => {
    const rows = threadRows([msg(1)], [], { complete: false, typist: 'Kim', dayOf });
    expect(rows.at(-1)).toEqual({ kind: 'typing', key: 'typing', name: 'Kim' });
    expect(lastContentKey(rows)).toBe('m:m1');
    expect(lastContentKey(threadRows([], [], { complete: true, dayOf }))).toBeUndefined();
  });
});
