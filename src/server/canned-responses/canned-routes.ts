import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import { registerStaffUpload } from '../attachments/attachment-routes';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { listUsableCanned } from './canned-store';
import { copyCannedAttachment, createCanned, deleteCanned, updateCanned, useCanned } from './canned-service';

/** Canned responses: everyone lists and keeps their own; supervisors and admins manage the shared ones. */
export function registerCannedRoutes(app: FastifyInstance, db: Database) {
  defineRoute(app, api.cannedResponses, async ({ principal }) => ({ responses: await listUsableCanned(db, principal.user) }));

  defineRoute(app, api.createCannedResponse, async ({ principal, body, reply }) => {
    const response = await createCanned(db, principal.user, body);
    reply.code(201);
    return { response };
  });

  defineRoute(app, api.updateCannedResponse, async ({ principal, params, body }) => ({
    response: await updateCanned(db, principal.user, params.id, body),
  }));

  defineRoute(app, api.deleteCannedResponse, async ({ principal, params }) => {
    await deleteCanned(db, principal.user, params.id);
    return { ok: true as const };
  });

  defineRoute(app, api.useCannedResponse, async ({ principal, params }) => ({ useCount: await useCanned(db, principal.user, params.id) }));

  defineRoute(app, api.copyCannedAttachment, async ({ principal, params, body, reply }) => {
    const attachment = await copyCannedAttachment(db, principal.user, params.id, body.attachmentId);
    reply.code(201);
    return { attachment };
  });

  // Multipart, like the conversations' uploads: the same checks under the agents' policy.
  registerStaffUpload(app, db, api.uploadCannedAttachment, async () => null);
}
