import type { RuleIssueCode } from '../contract/field-issue';
import { ApiError } from '../domain/api-error';

/** An API error answer of the mocks: the server's own ApiError class. */
export { ApiError as MockApiError };

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found.`);

/** A refusal by a rule the schema cannot check, on one field, with its reason (the server's admin-guard.ts fieldError). */
export const fieldError = (field: string, message: string, code: RuleIssueCode) =>
  new ApiError(400, 'invalid_request', message, { fields: { [field]: message }, fieldIssues: { [field]: { code } } });
