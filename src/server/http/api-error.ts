import type { z } from 'zod';
import { fieldIssuesOf } from '../../contract/field-issue';
import { ApiError } from '../../domain/api-error';

export { ApiError };

export const notFound = (what = 'This item') => new ApiError(404, 'not_found', `${what} was not found.`);
export const forbidden = (message = 'You are not allowed to do this.') => new ApiError(403, 'forbidden', message);

/** Parses input with a contract schema; a failure is a 400 naming each bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const { fields, fieldIssues } = fieldIssuesOf(result.error.issues, input ?? {}, what);
  const first = Object.entries(fields)[0];
  const message = first ? (first[0] === what ? first[1] : `${first[0]}: ${first[1]}`) : `Invalid ${what}.`;
  throw new ApiError(400, 'invalid_request', message, { fields, fieldIssues });
}
