import { z } from 'zod';
import type { Conversation, ConversationPage } from '../contract/conversations';
import { CONVERSATION_PAGE_SIZE } from '../contract/limits';
import type { ReadState } from '../contract/read-markers';
import { decodeOpaqueCursor, encodeOpaqueCursor, invalidCursor } from '../domain/opaque-cursor';

/**
 * The mocks' paging of the conversation lists: the rows are already in the server's order (the
 * client's comparators, src/lib/list-order.ts), and the cursor is the position after the last
 * row sent, tied to its list, encoded like the server's (src/domain/opaque-cursor.ts). Unlike the
 * server's keyset cursor it may repeat or skip a row when the list changes between pages, which
 * the client tolerates (it keeps each row once).
 */
const PositionSchema = z.object({ l: z.string(), n: z.number().int().nonnegative() });

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
    nextCursor: end < rows.length ? encodeOpaqueCursor({ l: q.listing, n: end }) : null,
    total: rows.length,
    reads: q.readOf ? page.map(q.readOf) : [],
  };
}

function decode(cursor: string, listing: string): number {
  const parsed = decodeOpaqueCursor(cursor, PositionSchema);
  if (!parsed) throw invalidCursor('This page link is not valid. Load the list again from the start.');
  if (parsed.l !== listing) throw invalidCursor('This page link belongs to another list or sort order. Load the list again from the start.');
  return parsed.n;
}
