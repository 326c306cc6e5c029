import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
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
 * Fastify's logger (pino, one JSON object per line). Fastify's own two lines per request are
 * replaced by one (see registerRequestLog). Nothing here logs bodies, headers or query strings;
 * the redaction is a second line of defence for anything that logs a request or reply object.
 */
export function fastifyLogOptions(opts: LogOptions | undefined): Pick<FastifyServerOptions, 'logger' | 'disableRequestLogging' | 'genReqId'> {
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
    disableRequestLogging: true,
    // Unique across instances, so one id finds one request in the logs of a whole deployment.
    genReqId: () => randomUUID(),
  };
}

/**
 * One line per request, when it completes: request id (also sent as `X-Request-Id`), method,
 * route pattern, path without query, status and duration. Message text, tokens and cookies
 * never appear: no body, header or query string is logged.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Request-Id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        route: routeOf(req),
        path: pathOnly(req.url),
        statusCode: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request completed',
    );
  });
}
