import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import { UploadAttachmentResponseSchema } from '../../contract/attachments';
import { requireCredential } from '../attachments/attachment-routes';
import { receiveUpload } from '../attachments/upload';
import { requireStaff } from '../auth/principal';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { getSettings } from '../settings/settings-store';
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

  // Multipart, like the conversations' uploads (attachment-routes.ts): the same checks under the agents' policy.
  app.route({
    method: api.uploadCannedAttachment.method,
    url: api.uploadCannedAttachment.path,
    handler: async (req, reply) => {
      requireCredential(req, 'staff');
      const { user } = await requireStaff(db, req);
      const policy = (await getSettings(db)).agentUploads;
      const attachment = await receiveUpload(db, req, reply, { kind: 'agent', id: user.id, conversationId: null }, policy);
      reply.code(201);
      return UploadAttachmentResponseSchema.parse({ attachment });
    },
  });
}
