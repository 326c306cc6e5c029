import { randomUUID } from 'node:crypto';
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { routeOf } from './metrics';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogOptions {
  level: LogLevel;
  /** Where the JSON lines go; standard output when omitted (tests pass a stream to read them). */
  stream?: { write(line: string): unknown };
}

/** A URL without its query string: signed file links carry their signature there. */
export const pathOnly = (url: string) => url.split('?')[0]!;

/**
 * Fastify's per-request lines, as one line when the request completes: request id (also sent
 * as `X-Request-Id`), method, route pattern, path without query, status and duration. Fastify's
 * own lines carry the raw URL (query string and all) and come twice per request; they are off.
 */
class RequestLogController extends LogController {
  override incomingRequest(): void {}

  /** Unknown routes get their one line below, with route `unmatched`. */
  override routeNotFound(): void {}

  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: req.method,
      route: routeOf(req),
      path: pathOnly(req.url),
      statusCode: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) req.log.error({ ...line, err: error }, 'request errored');
    else req.log.info(line, 'request completed');
  }
}

/**
 * Fastify's logger (pino, one JSON object per line). Nothing here logs bodies, headers or query
 * strings, so message text, tokens and cookies never reach the log; the redaction is a second
 * line of defence for anything that logs a request or reply object.
 */
export function fastifyLogOptions(opts: LogOptions | undefined): Pick<FastifyServerOptions, 'logger' | 'logController' | 'genReqId'> {
  if (!opts) return { logger: false };
  return {
    logger: {
      level: opts.level,
      ...(opts.stream ? { stream: opts.stream } : {}),
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token', '*.customerToken', '*.text'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: pathOnly(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
    logController: new RequestLogController(),
    // Unique across instances, so one id finds one request in the logs of a whole deployment.
    genReqId: () => randomUUID(),
  };
}

/** Sends each request's id back as `X-Request-Id`, so a user's report can be matched to its log line. */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
  });
}
