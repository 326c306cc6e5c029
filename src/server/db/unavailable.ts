/**
 * Whether an error means "the database cannot be reached right now" rather than "this statement
 * is wrong". The first kind is nobody's fault and passes: requests answer 503 and background work
 * retries on its next tick. Everything else is a bug or a refusal and is handled as before.
 * This is the only place that knows what such errors look like.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const { code, severity } = err as { code?: unknown; severity?: unknown };
  // PostgreSQL ends the session after a FATAL or PANIC error: an administrator terminated the
  // backend (57P01), the server is shutting down or starting (57P02, 57P03), the database refuses
  // connections (55000 with ALLOW_CONNECTIONS false) or does not exist yet (3D000), too many
  // clients (53300)...: none of these is about the statement that was running.
  if (severity === 'FATAL' || severity === 'PANIC') return true;
  if (typeof code === 'string') {
    if (code.startsWith('08')) return true; // connection exception
    if (code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') return true;
    if (NETWORK_ERROR_CODES.has(code)) return true;
  }
  // Errors the driver raises itself carry no code, only these messages.
  return DRIVER_MESSAGES.some((m) => err.message.startsWith(m)) || (err.cause !== undefined && isDatabaseUnavailable(err.cause));
}

const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
];

/** What a client is told while the database is unreachable, and when to try again. */
export const UNAVAILABLE_MESSAGE = 'The service cannot reach its database right now. Please try again in a moment.';
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
