import type { RuleIssueCode } from '../contract/field-issue';
import { type HttpHandler, HttpResponse } from 'msw';
import type { RouteName } from '../contract/api';
import { type Attachment, checkFileName, checkFileSize, checkImagePixels } from '../contract/attachments';
import type { User } from '../contract/auth';
import type { CannedResponse } from '../contract/canned-responses';
import { mayChangeCanned, mayManageShared, mayUseCanned } from '../domain/canned-rules';
import { viewConversation } from './access';
import { recordAdminAction } from './admin-records';
import { receiveUpload } from './attachment-handlers';
import { mockData, mockLinks, type MockAttachment, type MockCannedResponse } from './data';
import { publishUser, publishWorkspace } from './event-log';
import { MockApiError, notFound } from './mock-errors';
import { fileRoute, route } from './route';
import { requireStaff } from './sessions';

/*
 * Canned responses, as src/server/canned-responses: the same rights (domain/canned-rules.ts), checks
 * in the same order, messages, audit entries and events. Files are the mocks' uploads, bound to a
 * response instead of a conversation; inserting one copies it into the chat.
 */

const ONLY_MANAGERS = 'Only supervisors and admins can change shared canned responses.';
const notFoundResponse = () => notFound('This canned response');
const fieldError = (status: number, code: 'invalid_request' | 'duplicate_shortcut', field: string, message: string, reason: RuleIssueCode) =>
  new MockApiError(status, code, message, { fields: { [field]: message }, fieldIssues: { [field]: { code: reason } } });

const queueNameOf = (id: string | null) => (id === null ? null : (mockData.queues.find((q) => q.id === id)?.name ?? null));
const filesOf = (r: MockCannedResponse) => r.attachmentIds.map((id) => mockData.attachments.get(id)!);

function toResponse(r: MockCannedResponse): CannedResponse {
  return structuredClone({
    id: r.id,
    scope: r.ownerId === null ? 'shared' : 'personal',
    queue: r.queueId === null ? null : { id: r.queueId, name: queueNameOf(r.queueId) ?? '' },
    shortcut: r.shortcut,
    text: r.text,
    attachments: filesOf(r).map((f) => f.attachment),
    useCount: r.useCount,
    updatedAt: r.updatedAt,
  });
}

function usable(user: User, id: string): MockCannedResponse {
  const found = mockData.cannedResponses.find((r) => r.id === id);
  if (!found || !mayUseCanned(user, found)) throw notFoundResponse();
  return found;
}

function changeable(user: User, id: string): MockCannedResponse {
  const found = usable(user, id);
  if (!mayChangeCanned(user, found)) throw new MockApiError(403, 'forbidden', ONLY_MANAGERS);
  return found;
}

function checkQueue(shared: boolean, queueId: string | null): string | null {
  if (queueId === null) return null;
  if (!shared) throw fieldError(400, 'invalid_request', 'queueId', 'Personal responses are yours alone: they cannot be limited to a queue.', 'not_allowed');
  const name = queueNameOf(queueId);
  if (name === null) throw fieldError(400, 'invalid_request', 'queueId', 'This queue does not exist. Choose one from the list.', 'unknown_choice');
  return name;
}

function checkShortcut(ownerId: string | null, shortcut: string, selfId: string | null) {
  const taken = mockData.cannedResponses.some((r) => r.ownerId === ownerId && r.shortcut === shortcut && r.id !== selfId);
  if (!taken) return;
  const message =
    ownerId === null
      ? `A shared response already uses /${shortcut}. Choose another shortcut.`
      : `You already have a response with the shortcut /${shortcut}. Choose another shortcut.`;
  throw fieldError(409, 'duplicate_shortcut', 'shortcut', message, 'taken');
}

/** As the server's bindCannedAttachments: the response's files become exactly `ids`; nothing changes on a refusal. */
function bindFiles(response: MockCannedResponse, uploaderId: string, ids: string[]): { added: MockAttachment[]; removed: MockAttachment[] } {
  const wanted = ids.filter((id) => !response.attachmentIds.includes(id));
  const added = wanted.map((id) => mockData.attachments.get(id)).filter(
    (a): a is MockAttachment => !!a && a.conversationId === null && !a.cannedResponseId && a.messageId === null && a.uploaderKind === 'agent' && a.uploaderId === uploaderId,
  );
  if (added.length !== wanted.length) {
    throw new MockApiError(400, 'attachment_unavailable', 'One of the files is no longer available. Remove it and upload it again.', {
      fields: { attachmentIds: 'Unknown, already used elsewhere, or not your upload' },
    });
  }
  const removedIds = response.attachmentIds.filter((id) => !ids.includes(id));
  const removed = removedIds.map((id) => mockData.attachments.get(id)!);
  for (const id of removedIds) mockData.attachments.delete(id);
  for (const a of added) a.cannedResponseId = response.id;
  response.attachmentIds = [...ids];
  return { added, removed };
}

function announce(ownerId: string | null) {
  if (ownerId === null) publishWorkspace({ type: 'canned-responses.updated' });
  else publishUser(ownerId, { type: 'my-canned-responses.updated' });
}

const audience = (queue: string | null) => (queue === null ? 'everyone' : queue);
const fileNames = (files: MockAttachment[]) => files.map((a) => a.attachment.fileName).join(', ');

/** Personal first, then shared, each by shortcut (code-unit order, as PostgreSQL's for these characters). */
const listOrder = (a: MockCannedResponse, b: MockCannedResponse) =>
  Number(a.ownerId === null) - Number(b.ownerId === null) || (a.shortcut < b.shortcut ? -1 : a.shortcut > b.shortcut ? 1 : 0);

export const cannedHandlers = {
  cannedResponses: route('cannedResponses', (ctx) => {
    const { user } = requireStaff(ctx);
    return { responses: mockData.cannedResponses.filter((r) => mayUseCanned(user, r)).sort(listOrder).map(toResponse) };
  }),

  createCannedResponse: route('createCannedResponse', (ctx) => {
    const { user } = requireStaff(ctx);
    const body = ctx.body;
    const shared = body.scope === 'shared';
    if (shared && !mayManageShared(user)) throw new MockApiError(403, 'forbidden', ONLY_MANAGERS);
    const ownerId = shared ? null : user.id;
    const queue = checkQueue(shared, body.queueId);
    checkShortcut(ownerId, body.shortcut, null);
    const response: MockCannedResponse = {
      id: crypto.randomUUID(),
      ownerId,
      queueId: body.queueId,
      shortcut: body.shortcut,
      text: body.text,
      useCount: 0,
      updatedAt: new Date().toISOString(),
      attachmentIds: [],
    };
    const { added } = bindFiles(response, user.id, body.attachmentIds);
    mockData.cannedResponses.push(response);
    if (shared) {
      recordAdminAction(
        user,
        'canned-response.created',
        { kind: 'canned-response', id: response.id, name: `/${body.shortcut}` },
        `Created shared canned response /${body.shortcut} for ${audience(queue)}` + (added.length > 0 ? `, with ${fileNames(added)}` : ''),
      );
    }
    announce(ownerId);
    ctx.setStatus(201);
    return { response: toResponse(response) };
  }),

  updateCannedResponse: route('updateCannedResponse', (ctx) => {
    const { user } = requireStaff(ctx);
    const body = ctx.body;
    const response = changeable(user, ctx.params.id);
    const { ownerId } = response;
    const queue = checkQueue(ownerId === null, body.queueId);
    checkShortcut(ownerId, body.shortcut, response.id);
    const before = { ...response, attachmentIds: [...response.attachmentIds] };
    const { added, removed } = bindFiles(response, user.id, body.attachmentIds);
    const changes: string[] = [];
    if (before.shortcut !== body.shortcut) changes.push(`shortcut /${before.shortcut} → /${body.shortcut}`);
    if (before.text !== body.text) changes.push('text changed');
    if (before.queueId !== body.queueId) changes.push(`for ${audience(queueNameOf(before.queueId))} → ${audience(queue)}`);
    if (added.length > 0) changes.push(`added ${fileNames(added)}`);
    if (removed.length > 0) changes.push(`removed ${fileNames(removed)}`);
    const reordered = before.attachmentIds.join() !== body.attachmentIds.join();
    if (changes.length === 0 && !reordered) return { response: toResponse(response) };

    Object.assign(response, { queueId: body.queueId, shortcut: body.shortcut, text: body.text, updatedAt: new Date().toISOString() });
    if (ownerId === null) {
      recordAdminAction(
        user,
        'canned-response.updated',
        { kind: 'canned-response', id: response.id, name: `/${body.shortcut}` },
        `Changed shared canned response /${body.shortcut}: ${changes.length > 0 ? changes.join('; ') : 'files reordered'}`,
      );
    }
    announce(ownerId);
    return { response: toResponse(response) };
  }),

  deleteCannedResponse: route('deleteCannedResponse', (ctx) => {
    const { user } = requireStaff(ctx);
    const response = changeable(user, ctx.params.id);
    for (const id of response.attachmentIds) mockData.attachments.delete(id);
    mockData.cannedResponses = mockData.cannedResponses.filter((r) => r !== response);
    if (response.ownerId === null) {
      recordAdminAction(
        user,
        'canned-response.deleted',
        { kind: 'canned-response', id: response.id, name: `/${response.shortcut}` },
        `Deleted shared canned response /${response.shortcut} (for ${audience(queueNameOf(response.queueId))})`,
      );
    }
    announce(response.ownerId);
    return { ok: true as const };
  }),

  useCannedResponse: route('useCannedResponse', (ctx) => {
    const { user } = requireStaff(ctx);
    const response = usable(user, ctx.params.id);
    response.useCount += 1;
    return { useCount: response.useCount };
  }),

  copyCannedAttachment: route('copyCannedAttachment', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id);
    if (record.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This conversation has ended.');
    if (record.state !== 'picked' || record.agentId !== user.id) throw new MockApiError(409, 'not_holder', 'Pick this conversation before writing in it.');
    const source = mockData.attachments.get(ctx.body.attachmentId);
    const owner = source?.cannedResponseId ? mockData.cannedResponses.find((r) => r.id === source.cannedResponseId) : undefined;
    if (!source || !owner || !mayUseCanned(user, owner)) throw notFound('This file');

    const policy = mockData.settings.agentUploads;
    const { fileName, sizeBytes, width, height } = source.attachment;
    const upload = { fileName, allowedTypes: policy.allowedTypes, maxFileSizeBytes: policy.maxFileSizeBytes };
    const named = checkFileName(fileName, policy, 'agents');
    if ('code' in named) throw new MockApiError(400, named.code, named.message, { upload });
    const sized = checkFileSize(fileName, sizeBytes, policy);
    if (sized) throw new MockApiError(sized.code === 'file_too_large' ? 413 : 400, sized.code, sized.message, { upload });
    if (width !== undefined && height !== undefined) {
      const tooLarge = checkImagePixels(fileName, { width, height }, policy);
      if (tooLarge) throw new MockApiError(422, tooLarge.code, tooLarge.message, { upload });
    }

    const id = crypto.randomUUID();
    const attachment: Attachment = { ...structuredClone(source.attachment), id, ...mockLinks(id) };
    mockData.attachments.set(id, { attachment, bytes: source.bytes, conversationId: record.id, uploaderKind: 'agent', uploaderId: user.id, messageId: null });
    ctx.setStatus(201);
    return { attachment: structuredClone(attachment) };
  }),

  uploadCannedAttachment: fileRoute('uploadCannedAttachment', async (ctx) => {
    const { user } = requireStaff(ctx);
    const attachment = await receiveUpload(ctx.request, { kind: 'agent', id: user.id, conversationId: null }, mockData.settings.agentUploads);
    return HttpResponse.json({ attachment }, { status: 201 });
  }),
} satisfies Partial<Record<RouteName, HttpHandler>>;
