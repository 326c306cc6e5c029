import type { RuleIssueCode } from '../../contract/field-issue';
import { checkFileName, checkFileSize, checkImagePixels, type Attachment } from '../../contract/attachments';
import type { User } from '../../contract/auth';
import type { z } from 'zod';
import type { CannedResponse, CreateCannedResponseRequestSchema, UpdateCannedResponseRequestSchema } from '../../contract/canned-responses';
import { mayChangeCanned, mayManageShared, mayUseCanned } from '../../domain/canned-rules';
import { recordAdminAction } from '../admin/admin-audit-store';
import { attachmentFromRow, bindCannedAttachments, copyAttachment, findAttachment, type AttachmentRow } from '../attachments/attachment-store';
import { agentMayWrite, viewConversation } from '../conversations/conversation-service';
import type { Database, Sql } from '../db/database';
import { ApiError, forbidden, notFound } from '../http/api-error';
import { appendUserEvent, appendWorkspaceEvent } from '../realtime/event-log';
import { getSettings } from '../settings/settings-store';
import {
  countCannedUse,
  deleteCannedRow,
  findCanned,
  findCannedOfAttachment,
  insertCanned,
  queueName,
  shortcutTaken,
  updateCannedRow,
  type CannedRecord,
} from './canned-store';

type CreateBody = z.output<typeof CreateCannedResponseRequestSchema>;
type UpdateBody = z.output<typeof UpdateCannedResponseRequestSchema>;

const ONLY_MANAGERS = 'Only supervisors and admins can change shared canned responses.';
const notFoundResponse = () => notFound('This canned response');

const fieldError = (status: number, code: 'invalid_request' | 'duplicate_shortcut', field: string, message: string, reason: RuleIssueCode) =>
  new ApiError(status, code, message, { fields: { [field]: message }, fieldIssues: { [field]: { code: reason } } });

/** The response if `user` may use it; 404 otherwise, so others' personal responses stay unknown. */
async function usable(db: Sql, user: User, id: string): Promise<CannedRecord> {
  const found = await findCanned(db, id);
  if (!found || !mayUseCanned(user, found.facts)) throw notFoundResponse();
  return found;
}

/** The response if `user` may change it: 404 when they may not see it, 403 when they only may use it. */
async function changeable(db: Sql, user: User, id: string): Promise<CannedRecord> {
  const found = await usable(db, user, id);
  if (!mayChangeCanned(user, found.facts)) throw forbidden(ONLY_MANAGERS);
  return found;
}

/** The queue's name, checking the queue may limit a response of this scope. */
async function checkQueue(db: Sql, shared: boolean, queueId: string | null): Promise<string | null> {
  if (queueId === null) return null;
  if (!shared) throw fieldError(400, 'invalid_request', 'queueId', 'Personal responses are yours alone: they cannot be limited to a queue.', 'not_allowed');
  const name = await queueName(db, queueId);
  if (name === null) throw fieldError(400, 'invalid_request', 'queueId', 'This queue does not exist. Choose one from the list.', 'unknown_choice');
  return name;
}

async function checkShortcut(db: Sql, ownerId: string | null, shortcut: string, selfId: string | null): Promise<void> {
  if (!(await shortcutTaken(db, ownerId, shortcut, selfId))) return;
  const message =
    ownerId === null
      ? `A shared response already uses /${shortcut}. Choose another shortcut.`
      : `You already have a response with the shortcut /${shortcut}. Choose another shortcut.`;
  throw fieldError(409, 'duplicate_shortcut', 'shortcut', message, 'taken');
}

/** Two saves of the same shortcut at once: the unique index refuses the second, answered as the check would. */
async function refusingDuplicates<T>(ownerId: string | null, shortcut: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      const message = ownerId === null ? `A shared response already uses /${shortcut}.` : `You already have a response with the shortcut /${shortcut}.`;
      throw fieldError(409, 'duplicate_shortcut', 'shortcut', `${message} Choose another shortcut.`, 'taken');
    }
    throw err;
  }
}

/** Tells the panels that may show the response: everyone for shared ones, the owner's devices for personal ones. */
async function announce(tx: Sql, ownerId: string | null): Promise<void> {
  if (ownerId === null) await appendWorkspaceEvent(tx, { type: 'canned-responses.updated' });
  else await appendUserEvent(tx, ownerId, { type: 'my-canned-responses.updated' });
}

const actor = (user: User) => ({ id: user.id, displayName: user.displayName });
const audience = (queue: string | null) => (queue === null ? 'everyone' : queue);
const fileNames = (rows: AttachmentRow[]) => rows.map((a) => a.file_name).join(', ');

export async function createCanned(db: Database, user: User, body: CreateBody): Promise<CannedResponse> {
  const shared = body.scope === 'shared';
  if (shared && !mayManageShared(user)) throw forbidden(ONLY_MANAGERS);
  const ownerId = shared ? null : user.id;
  const queue = await checkQueue(db, shared, body.queueId);
  await checkShortcut(db, ownerId, body.shortcut, null);
  return refusingDuplicates(ownerId, body.shortcut, () =>
    db.transaction(async (tx) => {
      const id = await insertCanned(tx, { ownerId, queueId: body.queueId, shortcut: body.shortcut, text: body.text });
      const { added } = await bindCannedAttachments(tx, id, user.id, body.attachmentIds);
      if (shared) {
        await recordAdminAction(tx, {
          actor: actor(user),
          action: 'canned-response.created',
          target: { kind: 'canned-response', id, name: `/${body.shortcut}` },
          summary: `Created shared canned response /${body.shortcut} for ${audience(queue)}` + (added.length > 0 ? `, with ${fileNames(added)}` : ''),
        });
      }
      await announce(tx, ownerId);
      return (await findCanned(tx, id))!.response;
    }),
  );
}

/** Replaces a response's shortcut, text, queue and files; saving it unchanged records and announces nothing. */
export async function updateCanned(db: Database, user: User, id: string, body: UpdateBody): Promise<CannedResponse> {
  const before = await changeable(db, user, id);
  const { ownerId } = before.facts;
  const queue = await checkQueue(db, ownerId === null, body.queueId);
  await checkShortcut(db, ownerId, body.shortcut, id);
  return refusingDuplicates(ownerId, body.shortcut, () =>
    db.transaction(async (tx) => {
      const { added, removed } = await bindCannedAttachments(tx, id, user.id, body.attachmentIds);
      const old = before.response;
      const changes: string[] = [];
      if (old.shortcut !== body.shortcut) changes.push(`shortcut /${old.shortcut} → /${body.shortcut}`);
      if (old.text !== body.text) changes.push('text changed');
      if ((old.queue?.id ?? null) !== body.queueId) changes.push(`for ${audience(old.queue?.name ?? null)} → ${audience(queue)}`);
      if (added.length > 0) changes.push(`added ${fileNames(added)}`);
      if (removed.length > 0) changes.push(`removed ${fileNames(removed)}`);
      const reordered = old.attachments.map((a) => a.id).join() !== body.attachmentIds.join();
      if (changes.length === 0 && !reordered) return old;

      await updateCannedRow(tx, id, { queueId: body.queueId, shortcut: body.shortcut, text: body.text });
      if (ownerId === null) {
        await recordAdminAction(tx, {
          actor: actor(user),
          action: 'canned-response.updated',
          target: { kind: 'canned-response', id, name: `/${body.shortcut}` },
          summary: `Changed shared canned response /${body.shortcut}: ${changes.length > 0 ? changes.join('; ') : 'files reordered'}`,
        });
      }
      await announce(tx, ownerId);
      return (await findCanned(tx, id))!.response;
    }),
  );
}

/** Deletes a response and its files. */
export async function deleteCanned(db: Database, user: User, id: string): Promise<void> {
  const found = await changeable(db, user, id);
  await db.transaction(async (tx) => {
    await deleteCannedRow(tx, id);
    if (found.facts.ownerId === null) {
      await recordAdminAction(tx, {
        actor: actor(user),
        action: 'canned-response.deleted',
        target: { kind: 'canned-response', id, name: `/${found.response.shortcut}` },
        summary: `Deleted shared canned response /${found.response.shortcut} (for ${audience(found.response.queue?.name ?? null)})`,
      });
    }
    await announce(tx, found.facts.ownerId);
  });
}

/**
 * Counts one insertion of a response the user may use. Counted at insertion rather than at send:
 * the send path stays as it is (one statement, idempotent retries), and every client counts alike.
 */
export async function useCanned(db: Sql, user: User, id: string): Promise<number> {
  await usable(db, user, id);
  const count = await countCannedUse(db, id);
  if (count === null) throw notFoundResponse();
  return count;
}

/**
 * Copies one file of a response the user may use into a conversation they hold, as their own
 * unsent upload, after checking it against the agents' upload policy as it is now (it may have
 * changed since the file was uploaded): refused like an upload otherwise.
 */
export async function copyCannedAttachment(db: Database, user: User, conversationId: string, attachmentId: string): Promise<Attachment> {
  const conversation = await viewConversation(db, user, conversationId);
  agentMayWrite(user)({ state: conversation.state, agent_id: conversation.agent?.id ?? null });
  const owner = await findCannedOfAttachment(db, attachmentId);
  const source = owner && mayUseCanned(user, owner.facts) ? await findAttachment(db, attachmentId) : null;
  if (!source) throw notFound('This file');

  const policy = (await getSettings(db)).agentUploads;
  const upload = { fileName: source.file_name, allowedTypes: policy.allowedTypes, maxFileSizeBytes: policy.maxFileSizeBytes };
  const named = checkFileName(source.file_name, policy, 'agents');
  if ('code' in named) throw new ApiError(400, named.code, named.message, { upload });
  const sized = checkFileSize(source.file_name, Number(source.size_bytes), policy);
  if (sized) throw new ApiError(sized.code === 'file_too_large' ? 413 : 400, sized.code, sized.message, { upload });
  if (source.width !== null && source.height !== null) {
    const tooLarge = checkImagePixels(source.file_name, { width: source.width, height: source.height }, policy);
    if (tooLarge) throw new ApiError(422, tooLarge.code, tooLarge.message, { upload });
  }
  return attachmentFromRow(await copyAttachment(db, attachmentId, { conversationId: conversation.id, uploaderId: user.id }));
}

/** Whether `user` may download a response's file with their own credential (no signed link). */
export async function mayReadCannedFile(db: Sql, user: User, attachmentId: string): Promise<boolean> {
  const owner = await findCannedOfAttachment(db, attachmentId);
  return owner !== null && mayUseCanned(user, owner.facts);
}
