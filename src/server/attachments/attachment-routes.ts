import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { api } from '../../contract/api';
import { webchatApi } from '../../contract/webchat-api';
import type { User } from '../../contract/auth';
import { AttachmentDownloadQuerySchema, UploadAttachmentResponseSchema, type AttachmentDownloadQuery } from '../../contract/attachments';
import { ConversationParamsSchema, FileParamsSchema } from '../../contract/path-params';
import { parsePathParams } from '../../domain/path-params';
import { bearerToken, requireCustomer, requireStaff, SESSION_COOKIE } from '../auth/principal';
import { agentMayWrite, viewConversation } from '../conversations/conversation-service';
import { getConversation } from '../conversations/conversation-store';
import type { Database } from '../db/database';
import { ApiError, notFound, parseInput } from '../http/api-error';
import { getSettings } from '../settings/settings-store';
import { checkLink } from './attachment-links';
import { mayReadCannedFile } from '../canned-responses/canned-service';
import { cleanupAttachments, findAttachment, type AttachmentRow } from './attachment-store';
import { sendAttachment } from './download';
import { receiveUpload } from './upload';

const CLEANUP_EVERY_MS = 3600_000;

const fileNotFound = () => notFound('This file');

/** Same refusals as defineRoute for a caller without any credential. */
export function requireCredential(req: FastifyRequest, access: 'staff' | 'customer') {
  if (access === 'staff' && !(bearerToken(req) ?? req.cookies[SESSION_COOKIE])) throw new ApiError(401, 'unauthenticated', 'Please log in.');
  if (access === 'customer' && !bearerToken(req)) {
    throw new ApiError(401, 'unauthenticated', 'This chat link is not valid. Start a new chat.');
  }
}

/**
 * A staff member's multipart upload, checked under the agents' upload policy. `conversationFor`
 * checks what the route requires of the user and names the conversation the file is for (null:
 * none yet, as a canned response's file).
 */
export function registerStaffUpload(
  app: FastifyInstance,
  db: Database,
  route: { method: string; path: string },
  conversationFor: (user: User, req: FastifyRequest) => Promise<string | null>,
) {
  app.route({
    method: route.method,
    url: route.path,
    handler: async (req, reply) => {
      requireCredential(req, 'staff');
      const { user } = await requireStaff(db, req);
      const conversationId = await conversationFor(user, req);
      const policy = (await getSettings(db)).agentUploads;
      const attachment = await receiveUpload(db, req, reply, { kind: 'agent', id: user.id, conversationId }, policy);
      reply.code(201);
      return UploadAttachmentResponseSchema.parse({ attachment });
    },
  });
}

/**
 * Uploads and downloads are not JSON, so they are registered here rather than with defineRoute;
 * they are still listed in the contract (api.uploadAttachment, …) for the OpenAPI document, the
 * client and the mocks.
 */
export function registerAttachmentRoutes(app: FastifyInstance, db: Database) {
  registerStaffUpload(app, db, api.uploadAttachment, async (user, req) => {
    const { id } = parsePathParams(ConversationParamsSchema, req.params as Record<string, string>);
    const conversation = await viewConversation(db, user, id);
    // Only the agent who holds an open conversation may add files to it, as with messages.
    agentMayWrite(user)({ state: conversation.state, agent_id: conversation.agent?.id ?? null });
    return conversation.id;
  });

  app.route({
    method: webchatApi.webchatUploadAttachment.method,
    url: webchatApi.webchatUploadAttachment.path,
    handler: async (req, reply) => {
      requireCredential(req, 'customer');
      const principal = await requireCustomer(db, req);
      const conversation = await getConversation(db, principal.conversationId);
      if (!conversation) throw notFound('This chat');
      if (conversation.state === 'ended') {
        throw new ApiError(409, 'conversation_ended', 'This chat has ended. Start a new one to send files.');
      }
      const policy = (await getSettings(db)).customerUploads;
      const attachment = await receiveUpload(
        db,
        req,
        reply,
        { kind: 'customer', id: principal.customerId, conversationId: conversation.id },
        policy,
      );
      reply.code(201);
      return UploadAttachmentResponseSchema.parse({ attachment });
    },
  });

  /**
   * A signed link needs nothing else; without one, the caller's own credential decides. An
   * unsent upload is visible only to its uploader; anything the caller may not see is 404.
   */
  const download = (access: 'staff' | 'customer') => async (req: FastifyRequest, reply: FastifyReply) => {
    const query = parseInput(AttachmentDownloadQuerySchema, req.query as AttachmentDownloadQuery, 'query');
    const signed = query.exp !== undefined || query.sig !== undefined;
    if (!signed) requireCredential(req, access);
    // As defineRoute: the caller before their input (a malformed id is 404 from here on).
    const principal = signed ? null : access === 'staff' ? await requireStaff(db, req) : await requireCustomer(db, req);
    const { id } = parsePathParams(FileParamsSchema, req.params as Record<string, string>);
    const row = await findAttachment(db, id);
    if (!principal) {
      if (!row || query.exp === undefined || query.sig === undefined) throw fileNotFound();
      const verdict = checkLink(row.url_key, row.id, { variant: query.variant, exp: query.exp, sig: query.sig });
      if (verdict === 'invalid') throw fileNotFound();
      if (verdict === 'expired') {
        throw new ApiError(403, 'link_expired', 'This file link has expired. Reload the conversation to get a new one.');
      }
      return sendAttachment(db, req, reply, row, query.variant, 'signed');
    }
    if (principal.kind === 'staff') {
      const { user } = principal;
      if (!row) throw fileNotFound();
      if (row.canned_response_id !== null) {
        // A canned response's file: for whoever may use the response.
        if (!(await mayReadCannedFile(db, user, row.id))) throw fileNotFound();
      } else {
        if (row.conversation_id !== null) {
          await viewConversation(db, user, row.conversation_id).catch(() => {
            throw fileNotFound();
          });
        }
        // Unsent (or, without a conversation, for a response not saved yet): its uploader's alone.
        if (!row.message_id && !(row.uploader_kind === 'agent' && row.uploader_id === user.id)) throw fileNotFound();
      }
    } else if (!row || !customerMaySee(row, principal)) {
      throw fileNotFound();
    }
    return sendAttachment(db, req, reply, row, query.variant, 'authenticated');
  };

  app.route({ method: api.downloadAttachment.method, url: api.downloadAttachment.path, handler: download('staff') });
  app.route({ method: webchatApi.webchatDownloadAttachment.method, url: webchatApi.webchatDownloadAttachment.path, handler: download('customer') });
}

function customerMaySee(row: AttachmentRow, principal: { conversationId: string; customerId: string }) {
  if (row.conversation_id !== principal.conversationId) return false;
  return row.message_id !== null || (row.uploader_kind === 'customer' && row.uploader_id === principal.customerId);
}

/** Removes stale uploads now and every hour while the app runs (any instance may do it; it is idempotent). */
export async function startAttachmentCleanup(app: FastifyInstance, db: Database): Promise<void> {
  await cleanupAttachments(db);
  const timer = setInterval(() => {
    cleanupAttachments(db).catch((err: unknown) => console.error('attachment cleanup:', err));
  }, CLEANUP_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
