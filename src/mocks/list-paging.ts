import type { Conversation, ConversationPage } from '../contract/conversations';
import { CONVERSATION_PAGE_SIZE } from '../contract/limits';
import type { ReadState } from '../contract/read-markers';
import { MockApiError } from './mock-errors';

/**
 * The mocks' paging of the conversation lists: the rows are already in the server's order (the
 * client's comparators, src/lib/list-order.ts), and the cursor is the position after the last
 * row sent, tied to its list. Unlike the server's keyset cursor it may repeat or skip a row when
 * the list changes between pages, which the client tolerates (it keeps each row once).
 */
export function mockPage(
  rows: readonly Conversation[],
  q: { listing: string; cursor?: string; limit?: number; readOf?: (c: Conversation) => ReadState },
): ConversationPage {
  const start = q.cursor ? decode(q.cursor, q.listing) : 0;
  const limit = q.limit ?? CONVERSATION_PAGE_SIZE;
  const page = rows.slice(start, start + limit);
  const end = start + page.length;
  return {
    conversations: page,
    nextCursor: end < rows.length ? btoa(JSON.stringify({ l: q.listing, n: end })) : null,
    total: rows.length,
    reads: q.readOf ? page.map(q.readOf) : [],
  };
}

function decode(cursor: string, listing: string): number {
  let parsed: { l?: unknown; n?: unknown } | null = null;
  try {
    parsed = JSON.parse(atob(cursor)) as { l?: unknown; n?: unknown };
  } catch {
    parsed = null;
  }
  if (!parsed || typeof parsed.n !== 'number' || !Number.isInteger(parsed.n) || parsed.n < 0) {
    throw invalid('This page link is not valid. Load the list again from the start.');
  }
  if (parsed.l !== listing) throw invalid('This page link belongs to another list or sort order. Load the list again from the start.');
  return parsed.n;
}

const invalid = (message: string) => new MockApiError(400, 'invalid_request', message, { fields: { cursor: message } });
