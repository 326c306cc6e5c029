import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteDef } from '../../contract/api';
import { bearerToken, SESSION_COOKIE } from '../auth/principal';
import { ApiError, checkParams, parseInput } from './api-error';

type Input<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteContext<D extends RouteDef> {
  body: Input<D['body']>;
  query: Input<D['query']>;
  params: Record<string, string>;
  req: FastifyRequest;
  reply: FastifyReply;
}

/**
 * Registers a contract route: the body and query are parsed with the contract's schemas before
 * the handler runs, and the handler's result is checked against the response schema, so the
 * server cannot drift from what clients were promised.
 */
export function defineRoute<D extends RouteDef>(
  app: FastifyInstance,
  def: D,
  handler: (ctx: RouteContext<D>) => Promise<z.input<D['response']>>,
): void {
  app.route({
    method: def.method,
    url: def.path,
    handler: async (req, reply) => {
      // A caller without any credential gets 401 before its input is judged: a logged-out user
      // should be told to log in, not to fix a form. The handler still verifies the credential.
      if (def.access === 'staff' && !(bearerToken(req) ?? req.cookies[SESSION_COOKIE])) {
        throw new ApiError(401, 'unauthenticated', 'Please log in.');
      }
      if (def.access === 'customer' && !bearerToken(req)) {
        throw new ApiError(401, 'unauthenticated', 'This chat link is not valid. Start a new chat.');
      }
      const body = (def.body ? parseInput(def.body, req.body, 'body') : undefined) as Input<D['body']>;
      const query = (def.query ? parseInput(def.query, req.query, 'query') : undefined) as Input<D['query']>;
      const params = checkParams(req.params);
      const result = await handler({ body, query, params, req, reply });
      return def.response.parse(result);
    },
  });
}
