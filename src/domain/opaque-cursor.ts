import type { z } from 'zod';
import { ApiError } from './api-error';

/**
 * Page cursors are JSON, base64url-encoded so clients treat them as opaque. Each list decides
 * what goes in its cursor and checks that a cursor belongs to the page asked for. One encoder for
 * the server and the mocks: it uses only what browsers and Node both have (no Buffer).
 */
export function encodeOpaqueCursor(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The cursor's content, or null when it is not a cursor of this shape (never throws). */
export function decodeOpaqueCursor<S extends z.ZodType>(cursor: string, schema: S): z.infer<S> | null {
  try {
    if (!/^[A-Za-z0-9_-]*$/.test(cursor)) return null;
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0)));
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** 400 naming the `cursor` field, with what the user should do. */
export const invalidCursor = (message: string) => new ApiError(400, 'invalid_request', message, { fields: { cursor: message } });

/**
 * The tail of a keyset page, asked for with one row more than `limit`: that extra row only says
 * whether another page exists, and the cursor is the last row kept.
 */
export function keysetPage<Row, Item>(rows: readonly Row[], limit: number, itemOf: (row: Row) => Item, cursorOf: (last: Row) => string) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { conversations: page.map(itemOf), nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null };
}
