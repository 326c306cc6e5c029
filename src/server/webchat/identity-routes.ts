import type { FastifyInstance } from 'fastify';
import { adminApi } from '../../contract/admin-api';
import type { StaffPrincipal } from '../auth/principal';
import { requireAdmin } from '../admin/admin-guard';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { generateIdentitySecret, getIdentityStatus, revealIdentitySecret } from './customer-identity';

/**
 * The web-chat identity secret, admins only. The status never carries the secret; generating
 * shows it once, revealing shows it on request, and both are in the admins' audit trail.
 */
export function registerIdentityRoutes(app: FastifyInstance, db: Database) {
  const admin = (principal: StaffPrincipal) => {
    requireAdmin(principal);
    return principal.user;
  };

  defineRoute(app, adminApi.webchatIdentity, async ({ principal }) => {
    admin(principal);
    return { identity: await getIdentityStatus(db) };
  });

  // Answers that carry the secret are never kept by a browser or proxy cache.
  defineRoute(app, adminApi.generateWebchatSecret, async ({ principal, reply }) => {
    const answer = await generateIdentitySecret(db, admin(principal));
    reply.header('Cache-Control', 'no-store');
    return answer;
  });

  defineRoute(app, adminApi.revealWebchatSecret, async ({ principal, reply }) => {
    const answer = await revealIdentitySecret(db, admin(principal));
    reply.header('Cache-Control', 'no-store');
    return answer;
  });
}
