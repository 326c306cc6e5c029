import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteAccess, RouteDef } from '../../contract/api';
import { requireCustomer, requireStaff, type CustomerPrincipal, type StaffPrincipal } from '../auth/principal';
import type { Database } from '../db/database';
import { parsePathParams } from '../../domain/path-params';
import { parseInput } from './api-error';

type Input<T> = T extends z.ZodType ? z.output<T> : undefined;

declare module 'fastify' {
  interface FastifyInstance {
    /** The database routes authenticate against (decorated by buildApp). */
    db: Database;
  }
}

/** Who is calling, by the route's access: checked before the handler runs. */
export type PrincipalFor<A extends RouteAccess> = A extends 'staff' ? StaffPrincipal : A extends 'customer' ? CustomerPrincipal : null;

export interface RouteContext<D extends RouteDef> {
  principal: PrincipalFor<D['access']>;
  body: Input<D['body']>;
  query: Input<D['query']>;
  /** The path's `:name` segments, parsed with the contract's `params` schema. */
  params: Input<D['params']>;
  req: FastifyRequest;
  reply: FastifyReply;
}

/**
 * Registers a contract route: the caller is authenticated as the route's access says (staff
 * session or customer token; 401 otherwise) and handed to the handler; the body, query and path
 * parameters are parsed with the contract's schemas before the handler runs (a malformed id is a
 * 404 here, so handlers get ids they need not check); and the handler's result is checked against
 * the response schema, so the server cannot drift from what clients were promised.
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
      // The caller is judged before their input: a logged-out user should be told to log in,
      // not to fix a form.
      const principal = (
        def.access === 'staff' ? await requireStaff(app.db, req) : def.access === 'customer' ? await requireCustomer(app.db, req) : null
      ) as PrincipalFor<D['access']>;
      const body = (def.body ? parseInput(def.body, req.body, 'body') : undefined) as Input<D['body']>;
      const query = (def.query ? parseInput(def.query, req.query, 'query') : undefined) as Input<D['query']>;
      const params = (def.params ? parsePathParams(def.params, req.params as Record<string, string>) : undefined) as Input<D['params']>;
      const result = await handler({ principal, body, query, params, req, reply });
      return def.response.parse(result);
    },
  });
}
