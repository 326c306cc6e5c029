import type { z } from 'zod';
import { ApiError } from './api-error';

/**
 * Page cursors are JSON, base64url-encoded so clients treat them as opaque. Each list decides
 * what goes in its cursor and checks that a cursor belongs to the page asked for.
 */
export function encodeOpaqueCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The cursor's content, or null when it is not a cursor of this shape (never throws). */
export function decodeOpaqueCursor<S extends z.ZodType>(cursor: string, schema: S): z.infer<S> | null {
  try {
    const result = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** 400 naming the `cursor` field, with what the user should do. */
export const invalidCursor = (message: string) => new ApiError(400, 'invalid_request', message, { fields: { cursor: message } });
