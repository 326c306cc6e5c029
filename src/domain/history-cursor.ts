import { z } from 'zod';
import type { HandledSort, HistoryOrder } from '../contract/history';
import { decodeOpaqueCursor, encodeOpaqueCursor, invalidCursor } from './opaque-cursor';

/*
 * The history lists' cursors, for the server's routes and the mocks alike: both write and read the
 * same cursor, so a page link behaves the same against either.
 */

/** A row's place in a list by arrival: its exact arrival time (microseconds) and id. */
export interface ArrivalKey {
  arrivedAt: string;
  id: string;
}

/** A row's place in a list by some time (arrival or end): that time (microseconds) and id. */
export interface TimeKey {
  at: string;
  id: string;
}

/**
 * The cursor is the last row's exact sort key plus the order it belongs to, base64url-encoded so
 * clients treat it as opaque. It grants nothing: every page is filtered by the requester's rights.
 */
const CursorSchema = z.object({
  o: z.enum(['newest', 'oldest']),
  // The exact shape the store writes, so the database never sees a malformed timestamp.
  t: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
  i: z.uuid(),
});

/** A row's exact time as the stores write it into cursors; other lists' cursors use it too. */
export const ExactTimeSchema = CursorSchema.shape.t;

export function encodeCursor(order: HistoryOrder, key: ArrivalKey): string {
  return encodeOpaqueCursor({ o: order, t: key.arrivedAt, i: key.id });
}

export function decodeCursor(cursor: string, order: HistoryOrder): ArrivalKey {
  const parsed = decodeOpaqueCursor(cursor, CursorSchema);
  if (!parsed) throw invalidCursor('This page link is not valid. Load the history again from the start.');
  if (parsed.o !== order) throw invalidCursor('This page link belongs to another sort order. Load the history again from the start.');
  return { arrivedAt: parsed.t, id: parsed.i };
}

/**
 * The history list's cursor: the last row's exact sort key, plus the search, sort and order it
 * belongs to, so a page link reused with other settings is refused rather than skipping rows.
 */
const HandledCursorSchema = z.object({
  s: z.enum(['arrived', 'ended']),
  o: z.enum(['newest', 'oldest']),
  q: z.string(),
  t: CursorSchema.shape.t,
  i: z.uuid(),
});

export interface HandledListing {
  search: string;
  sort: HandledSort;
  order: HistoryOrder;
}

export function encodeHandledCursor(listing: HandledListing, key: TimeKey): string {
  const cursor: z.infer<typeof HandledCursorSchema> = { s: listing.sort, o: listing.order, q: listing.search, t: key.at, i: key.id };
  return encodeOpaqueCursor(cursor);
}

export function decodeHandledCursor(cursor: string, listing: HandledListing): TimeKey {
  const parsed = decodeOpaqueCursor(cursor, HandledCursorSchema);
  if (!parsed) throw invalidCursor('This page link is not valid. Load the history again from the start.');
  if (parsed.s !== listing.sort || parsed.o !== listing.order || parsed.q !== listing.search) {
    throw invalidCursor('This page link belongs to another search or sort order. Load the history again from the start.');
  }
  return { at: parsed.t, id: parsed.i };
}
