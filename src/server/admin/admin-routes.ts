import type { FastifyInstance } from 'fastify';
import { adminApi } from '../../contract/admin-api';
import { promptApi } from '../../contract/prompt-api';
import type { StaffPrincipal } from '../auth/principal';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import type { RoutingService } from '../routing/routing-service';
import { listAdminAudit } from './admin-audit-store';
import { requireAdmin } from './admin-guard';
import { createQueue, listAdminQueues, updateQueue } from './queue-admin';
import { createUser, listAdminUsers, resetPassword, updateUser } from './user-admin';
import { readQueuePrompts, updateQueuePrompts } from '../prompts/prompt-admin';

/** Queues, users and the admins' audit list: admins only (403 for everyone else who is logged in). */
export function registerAdminRoutes(app: FastifyInstance, db: Database, routing: RoutingService) {
  const admin = (principal: StaffPrincipal) => {
    requireAdmin(principal);
    return principal.user;
  };

  defineRoute(app, adminApi.adminQueues, async ({ principal }) => {
    admin(principal);
    return { queues: await listAdminQueues(db) };
  });

  defineRoute(app, adminApi.createQueue, async ({ principal, body, reply }) => {
    const queue = await createQueue(db, admin(principal), body);
    // Its agents may be free for what waits in it (an offering queue's conversations).
    routing.poke();
    reply.code(201);
    return { queue };
  });

  defineRoute(app, adminApi.updateQueue, async ({ principal, params, body }) => {
    const queue = await updateQueue(db, admin(principal), params.id, body);
    // A queue that now offers, or has new agents, may have conversations to offer.
    routing.poke();
    return { queue };
  });

  defineRoute(app, promptApi.queuePrompts, async ({ principal, params }) => {
    admin(principal);
    return { queueId: params.id, prompts: await readQueuePrompts(db, params.id) };
  });

  defineRoute(app, promptApi.saveQueuePrompts, async ({ principal, params, body }) => {
    return { queueId: params.id, prompts: await updateQueuePrompts(db, admin(principal), params.id, body.prompts) };
  });

  defineRoute(app, adminApi.adminUsers, async ({ principal }) => {
    admin(principal);
    return { users: await listAdminUsers(db) };
  });

  defineRoute(app, adminApi.createUser, async ({ principal, body, reply }) => {
    const user = await createUser(db, admin(principal), body);
    reply.code(201);
    return { user };
  });

  defineRoute(app, adminApi.updateUser, async ({ principal, params, body }) => {
    const { user, routingChanged } = await updateUser(db, admin(principal), params.id, body);
    if (routingChanged) routing.poke();
    return { user };
  });

  defineRoute(app, adminApi.resetPassword, async ({ principal, params, body }) => {
    return { user: await resetPassword(db, admin(principal), params.id, body.password) };
  });

  defineRoute(app, adminApi.adminAudit, async ({ principal }) => {
    admin(principal);
    return { entries: await listAdminAudit(db) };
  });
}
