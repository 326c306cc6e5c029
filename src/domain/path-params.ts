import type { z } from 'zod';
import { unstorableTextProblem } from '../contract/text';
import { ApiError } from './api-error';

/**
 * Parses a route's path parameters with its contract schema (the server's defineRoute and the
 * mocks alike). Text the database cannot store is refused as any request field is: 400 naming the
 * parameter. Any other mismatch means the path names nothing: 404 `not_found` with the schema's
 * message (see src/contract/path-params.ts).
 */
export function parsePathParams<S extends z.ZodType>(schema: S, params: Record<string, string>): z.output<S> {
  for (const [name, value] of Object.entries(params)) {
    const problem = unstorableTextProblem(value);
    if (problem) throw new ApiError(400, 'invalid_request', `${name}: ${problem}`, { fields: { [name]: problem } });
  }
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  throw new ApiError(404, 'not_found', result.error.issues[0]?.message ?? 'This item was not found.');
}
