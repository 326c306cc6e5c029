import { describe, expect, it } from 'vitest';
import { MESSAGE_PAGE_SIZE } from '../contract/limits';
import type { MessagePage } from '../contract/messages';
import { flattenMessages, mergeMessages, messagePageQuery, OLDER_PAGE_SIZE, olderPageParam, type MessagePages } from './message-cache';
import { makeMessage } from './test-factories';

const msg = (seq: number) => makeMessage({ id: `m${seq}`, seq });
const page = (from: number, to: number, hasMore: boolean): MessagePage => ({
  messages: Array.from({ length: to - from + 1 }, (_, i) => msg(from + i)),
  hasMore,
});
/** As the infinite query holds them: the newest page first, then older ones. */
const cached = (...pages: MessagePage[]): MessagePages => ({ pages, pageParams: pages.map((_, i) => (i === 0 ? undefined : i)) });
const seqs = (data: MessagePages | undefined) => flattenMessages(data).map((m) => m.seq);

describe('message paging', () => {
  it('asks for a default-size newest page, then the largest older pages before the oldest loaded', () => {
    expect(messagePageQuery(undefined)).toEqual({ before: undefined, limit: MESSAGE_PAGE_SIZE });
    expect(messagePageQuery(51)).toEqual({ before: 51, limit: OLDER_PAGE_SIZE });
    expect(olderPageParam(page(51, 100, true))).toBe(51);
    expect(olderPageParam(page(1, 50, false))).toBeUndefined();
  });

  it('flattens the pages oldest first', () => {
    expect(seqs(cached(page(5, 6, true), page(3, 4, true), page(1, 2, false)))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(flattenMessages(undefined)).toEqual([]);
  });

  it('adds arriving messages to the newest page in seq order, once each, leaving older pages as they are', () => {
    const data = cached(page(5, 6, true), page(3, 4, true));
    const merged = mergeMessages(data, [msg(8), msg(7), msg(6)]);
    expect(seqs(merged)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(merged!.pages[1]).toBe(data.pages[1]);
    // Nothing new: the same object, so nothing re-renders.
    expect(mergeMessages(merged, [msg(7)])).toBe(merged);
    expect(mergeMessages(undefined, [msg(1)])).toBeUndefined();
  });
});
