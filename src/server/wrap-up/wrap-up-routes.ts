import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import { adminApi } from '../../contract/admin-api';
import { supervisionApi } from '../../contract/supervision-api';
import { mayEnter } from '../../contract/auth';
import { requireAdmin } from '../admin/admin-guard';
import type { StaffPrincipal } from '../auth/principal';
import type { Database } from '../db/database';
import { ApiError, notFound } from '../http/api-error';
import { defineRoute } from '../http/define-route';
import { createWrapUpCode, listAdminWrapUp, setWrapUpRequired, updateWrapUpCode } from './wrap-up-admin';
import { wrapUpCounts, wrapUpOptions } from './wrap-up-store';

/**
 * Wrap-up: the reasons a queue offers (any staff member: an agent may hold a chat of a queue they
 * do not serve, transferred to them), the supervisors' counts, and the admins' management. The
 * reason itself is given with `POST /api/conversations/:id/end` (conversation-routes.ts).
 */
export function registerWrapUpRoutes(app: FastifyInstance, db: Database) {
  const admin = (principal: StaffPrincipal) => {
    requireAdmin(principal);
    return principal.user;
  };

  defineRoute(app, api.wrapUpOptions, async ({ params }) => {
    const options = await wrapUpOptions(db, params.id);
    if (!options) throw notFound('This queue');
    return options;
  });

  defineRoute(app, supervisionApi.wrapUpCounts, async ({ principal, query }) => {
    if (!mayEnter(principal.user.role, 'supervision')) throw new ApiError(403, 'forbidden', 'Only supervisors and admins can do this.');
    return { counts: await wrapUpCounts(db, new Date(query.since)) };
  });

  defineRoute(app, adminApi.adminWrapUp, async ({ principal }) => {
    admin(principal);
    return listAdminWrapUp(db);
  });

  defineRoute(app, adminApi.createWrapUpCode, async ({ principal, body, reply }) => {
    const code = await createWrapUpCode(db, admin(principal), body);
    reply.code(201);
    return { code };
  });

  defineRoute(app, adminApi.updateWrapUpCode, async ({ principal, params, body }) => {
    return { code: await updateWrapUpCode(db, admin(principal), params.id, body) };
  });

  defineRoute(app, adminApi.setWrapUpRequired, async ({ principal, params, body }) => {
    return setWrapUpRequired(db, admin(principal), params.id, body.required);
  });
}
