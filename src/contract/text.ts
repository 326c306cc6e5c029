import { z } from 'zod';

/*
 * Text a client sends must be text the database can keep as it is. PostgreSQL refuses the NUL
 * character in `text` columns and in jsonb strings (the request then failed with a 500), and a
 * lone UTF-16 surrogate (half of an emoji, as a careless client or a `"\ud83d"` JSON escape makes)
 * is not a character at all: the driver would silently store U+FFFD instead, and jsonb refuses its
 * escape. Both are refused with a 400 naming the field, rather than altered, so what is stored is
 * exactly what was sent. Every other character, control characters included, is left alone.
 */

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `value` cannot be stored, for people; null when it can. */
export function unstorableTextProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'Remove the NUL character (an invisible control character): it cannot be stored.';
  if (LONE_SURROGATE.test(value)) return 'Remove the broken character (half of an emoji or symbol): it cannot be stored.';
  return null;
}

/** The check behind `text()`, for string schemas built otherwise. */
export const storableText = z.superRefine<string>((value, ctx) => {
  const problem = unstorableTextProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
});

/**
 * A string a client may send: use it instead of `z.string()` for every request field, query and
 * path parameter. Chain `.trim()`, `.min()`, … after it; its message comes first.
 */
export const text = () => z.string().check(storableText);

/**
 * What people write to each other (a message, a note): trimmed, at most `max` characters, said
 * of `what` ("A message") when it is longer. Chain `.min(1, …)` where it may not be empty.
 */
export const writtenText = (what: string, max: number) => text().trim().max(max, `${what} can be at most ${max} characters`);
