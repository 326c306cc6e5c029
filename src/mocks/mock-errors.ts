import type { ApiErrorBody, ErrorCode } from '../contract/errors';

/** An API error answer of the mocks: the server's ApiError, with the same status, code and body. */
export class MockApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly extra: Omit<ApiErrorBody, 'code' | 'message'> = {},
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.message, ...this.extra };
  }
}

export const notFound = (what: string) => new MockApiError(404, 'not_found', `${what} was not found.`);
