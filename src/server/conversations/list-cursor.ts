import { z } from 'zod';
import { decodeOpaqueCursor, encodeOpaqueCursor, invalidCursor } from '../../domain/opaque-cursor';
import type { ListOrder, SortKey } from './list-orders';

/**
 * A list cursor: the last row's exact key in its order, plus which list and order it belongs
 * to, base64url-encoded so clients treat it as opaque. It grants nothing: every page is filtered
 * by the requester's rights, whatever the cursor says.
 */
const CursorSchema = z.object({ l: z.string().max(200), k: z.array(z.string().max(1000)).max(5) });

// Each value in the exact shape the server writes, so the database never sees a malformed key.
const VALUE_SHAPES: Record<SortKey['type'], (v: string) => boolean> = {
  timestamptz: (v) => /^(-?infinity|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)$/.test(v),
  int: (v) => /^-?\d{1,9}$/.test(v),
  boolean: (v) => v === 'true' || v === 'false',
  uuid: (v) => z.uuid().safeParse(v).success,
  // NUL cannot be stored or compared as PostgreSQL text.
  text: (v) => !v.includes('\u0000'),
};

/** `listing` names the list, its order and its filter (e.g. `mine:customer-name`, `open:<queue>`). */
export function encodeListCursor(listing: string, key: string[]): string {
  return encodeOpaqueCursor({ l: listing, k: key });
}

export function decodeListCursor(cursor: string, listing: string, order: ListOrder): string[] {
  const parsed = decodeOpaqueCursor(cursor, CursorSchema);
  const valid =
    parsed !== null &&
    parsed.k.length === order.keys.length &&
    parsed.k.every((value, i) => VALUE_SHAPES[order.keys[i]!.type](value));
  if (!valid) throw invalidCursor('This page link is not valid. Load the list again from the start.');
  if (parsed!.l !== listing) throw invalidCursor('This page link belongs to another list or sort order. Load the list again from the start.');
  return parsed!.k;
}
