import { describe, expect, it } from 'vitest';
import { MESSAGE_PAGE_MAX, MESSAGE_PAGE_SIZE } from '../contract/limits';
import type { MessagePage } from '../contract/messages';
import { flattenMessages, mergeMessages, messagePageQuery, OLDER_PAGE_MIN, olderPageParam, type MessagePages } from './message-cache';
import { makeMessage } from './test-factories';

const msg = (seq: number) => makeMessage({ id: `m${seq}`, seq });
const page = (from: number, to: number, hasMore: boolean): MessagePage => ({
  messages: Array.from({ length: to - from + 1 }, (_, i) => msg(from + i)),
  hasMore,
});
/** As the infinite query holds them: the newest page first, then older ones. */
const cached = (...pages: MessagePage[]): MessagePages => ({ pages, pageParams: pages.map((p, i) => (i === 0 ? undefined : { before: p.messages.at(-1)!.seq + 1, limit: p.messages.length })) });
const seqs = (data: MessagePages | undefined) => flattenMessages(data).map((m) => m.seq);

describe('message paging', () => {
  it('asks for a default-size newest page, then older pages before the oldest loaded', () => {
    expect(messagePageQuery(undefined)).toEqual({ before: undefined, limit: MESSAGE_PAGE_SIZE });
    expect(messagePageQuery({ before: 51, limit: 400 })).toEqual({ before: 51, limit: 400 });
    const newest = page(9951, 10000, true);
    expect(olderPageParam(newest, [newest])).toEqual({ before: 9951, limit: OLDER_PAGE_MIN });
    expect(olderPageParam(page(1, 50, false), [page(1, 50, false)])).toBeUndefined();
  });

  it('makes each older page as large as all that is loaded, up to the largest the API allows', () => {
    const loaded = [page(9951, 10000, true), page(9751, 9950, true), page(9501, 9750, true)];
    expect(olderPageParam(loaded.at(-1)!, loaded)).toEqual({ before: 9501, limit: 500 });
    const deep = [page(2001, 10000, true)];
    expect(olderPageParam(deep[0]!, deep)).toEqual({ before: 2001, limit: MESSAGE_PAGE_MAX });
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
