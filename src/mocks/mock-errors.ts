import { ApiError } from '../domain/api-error';

/** An API error answer of the mocks: the server's own ApiError class. */
export { ApiError as MockApiError };

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found.`);
