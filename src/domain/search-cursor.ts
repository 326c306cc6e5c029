import { z } from 'zod';
import { decodeOpaqueCursor, encodeOpaqueCursor, invalidCursor } from './opaque-cursor';
import { ExactTimeSchema, type TimeKey } from './history-cursor';

/*
 * The search's message pages, newest first: the cursor is the last message's exact time and id,
 * plus the search it belongs to, so a page link reused for other words is refused rather than
 * continuing another list. The server and the mocks read and write the same cursor.
 */
const SearchCursorSchema = z.object({
  q: z.string(),
  t: ExactTimeSchema,
  i: z.uuid(),
});

export function encodeSearchCursor(typed: string, key: TimeKey): string {
  return encodeOpaqueCursor({ q: typed, t: key.at, i: key.id } satisfies z.infer<typeof SearchCursorSchema>);
}

export function decodeSearchCursor(cursor: string, typed: string): TimeKey {
  const parsed = decodeOpaqueCursor(cursor, SearchCursorSchema);
  if (!parsed) throw invalidCursor('This page link is not valid. Search again.');
  if (parsed.q !== typed) throw invalidCursor('This page link belongs to another search. Search again.');
  return { at: parsed.t, id: parsed.i };
}
