import type { ApiErrorBody, ErrorCode } from '../contract/errors';

/**
 * An error that is an answer: it becomes a 4xx with a code and a message for people. Thrown by the
 * server's routes and by the mocks alike, so both turn it into the same body.
 */
export class ApiError extends Error {
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

