import type { HttpHandler } from 'msw';
import type { User } from '../contract/auth';
import type { AdminWrapUp, AdminWrapUpCode, CreateWrapUpCodeRequest, WrapUpCount } from '../contract/wrap-up';
import { UUID_PATTERN as UUID } from '../domain/ids';
import { recordAdminAction } from './admin-records';
import { binary } from './access';
import { mockData } from './data';
import { fieldError, MockApiError, notFound } from './mock-errors';
import { route } from './route';
import { requireStaff } from './sessions';
import { byLowerName, wrapUpOptions, wrapUpRecords } from './wrap-up-records';

/*
 * Wrap-up's routes, as src/server/wrap-up: the reasons a queue offers, the supervisors' counts,
 * and the admins' codes and required queues (audited like the server's).
 */


function requireAdminCaller(ctx: Parameters<typeof requireStaff>[0]): User {
  const { user } = requireStaff(ctx);
  if (user.role !== 'admin') throw new MockApiError(403, 'forbidden', 'Only admins can manage queues and users.');
  return user;
}

const queueName = (id: string) => mockData.queues.find((q) => q.id === id)?.name ?? '';
const byQueueName = (a: string, b: string) => queueName(a).localeCompare(queueName(b)) || binary(a, b);

function toAdminCode(id: string): AdminWrapUpCode {
  const c = wrapUpRecords().codes.find((x) => x.id === id)!;
  return { id: c.id, name: c.name, allQueues: c.allQueues, queueIds: c.allQueues ? [] : [...c.queueIds].sort(byQueueName), retired: c.retiredAt !== null };
}

function adminWrapUp(): AdminWrapUp {
  const codes = [...wrapUpRecords().codes].sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null) || byLowerName(a, b));
  return { codes: codes.map((c) => toAdminCode(c.id)), requiredQueueIds: [...wrapUpRecords().requiredQueueIds].sort(byQueueName) };
}

/** Name free among codes in use (ignoring case), queues that exist; the chosen queues' ids. */
function validateCode(input: CreateWrapUpCodeRequest, inUse: boolean, selfId: string | null): string[] {
  const name = input.name.toLowerCase();
  if (inUse && wrapUpRecords().codes.some((c) => c.id !== selfId && c.retiredAt === null && c.name.toLowerCase() === name)) {
    throw fieldError('name', `A reason named ${input.name} is already in use. Choose another name.`, 'taken');
  }
  const queueIds = input.allQueues ? [] : [...new Set(input.queueIds.map((id) => id.toLowerCase()))];
  if (queueIds.some((id) => !UUID.test(id) || !mockData.queues.some((q) => q.id === id))) throw fieldError('queueIds', 'One of the chosen queues does not exist.', 'unknown_choice');
  return queueIds;
}

const where = (code: AdminWrapUpCode) => (code.allQueues ? 'all queues' : code.queueIds.map(queueName).sort((a, b) => a.localeCompare(b)).join(', '));

function counts(since: number): WrapUpCount[] {
  const tally = new Map<string, WrapUpCount>();
  for (const e of wrapUpRecords().ended) {
    if (!e.codeId || Date.parse(e.at) < since) continue;
    const code = wrapUpRecords().codes.find((c) => c.id === e.codeId)!;
    const key = `${e.queueId}:${e.codeId}`;
    const row = tally.get(key) ?? { queue: { id: e.queueId, name: queueName(e.queueId) }, code: { id: code.id, name: code.name, retired: code.retiredAt !== null }, count: 0 };
    row.count++;
    tally.set(key, row);
  }
  return [...tally.values()].sort(
    (a, b) => a.queue.name.localeCompare(b.queue.name) || binary(a.queue.id, b.queue.id) || b.count - a.count || byLowerName(a.code, b.code),
  );
}

type WrapUpRoute = 'wrapUpOptions' | 'wrapUpCounts' | 'adminWrapUp' | 'createWrapUpCode' | 'updateWrapUpCode' | 'setWrapUpRequired';

export const wrapUpHandlers: { [R in WrapUpRoute]: HttpHandler } = {
  wrapUpOptions: route('wrapUpOptions', (ctx) => {
    requireStaff(ctx);
    if (!mockData.queues.some((q) => q.id === ctx.params.id)) throw notFound('This queue');
    return wrapUpOptions(ctx.params.id);
  }),

  wrapUpCounts: route('wrapUpCounts', (ctx) => {
    const { user } = requireStaff(ctx);
    if (user.role === 'agent') throw new MockApiError(403, 'forbidden', 'Only supervisors and admins can do this.');
    return { counts: counts(Date.parse(ctx.query.since)) };
  }),

  adminWrapUp: route('adminWrapUp', (ctx) => {
    requireAdminCaller(ctx);
    return adminWrapUp();
  }),

  createWrapUpCode: route('createWrapUpCode', (ctx) => {
    const admin = requireAdminCaller(ctx);
    const queueIds = validateCode(ctx.body, true, null);
    const id = crypto.randomUUID();
    wrapUpRecords().codes.push({ id, name: ctx.body.name, allQueues: ctx.body.allQueues, queueIds, retiredAt: null });
    const code = toAdminCode(id);
    recordAdminAction(admin, 'wrap_up_code.created', { kind: 'wrap_up_code', id, name: code.name }, `Added end reason ${code.name} (${where(code)})`);
    ctx.setStatus(201);
    return { code };
  }),

  updateWrapUpCode: route('updateWrapUpCode', (ctx) => {
    const admin = requireAdminCaller(ctx);
    const record = wrapUpRecords().codes.find((c) => c.id === ctx.params.id);
    if (!record) throw notFound('This wrap-up code');
    const before = toAdminCode(record.id);
    const queueIds = validateCode(ctx.body, !ctx.body.retired, record.id);
    Object.assign(record, {
      name: ctx.body.name,
      allQueues: ctx.body.allQueues,
      queueIds,
      // A code retired again keeps the moment it was first retired.
      retiredAt: ctx.body.retired ? (record.retiredAt ?? new Date().toISOString()) : null,
    });
    const code = toAdminCode(record.id);
    const changes: string[] = [];
    if (before.name !== code.name) changes.push(`renamed from ${before.name}`);
    if (where(before) !== where(code)) changes.push(`queues ${where(before)} → ${where(code)}`);
    if (!before.retired && code.retired) changes.push('retired');
    if (before.retired && !code.retired) changes.push('back in use');
    if (changes.length) {
      const action = code.retired && !before.retired ? 'wrap_up_code.retired' : 'wrap_up_code.updated';
      recordAdminAction(admin, action, { kind: 'wrap_up_code', id: code.id, name: code.name }, `Changed end reason ${code.name}: ${changes.join('; ')}`);
    }
    return { code };
  }),

  setWrapUpRequired: route('setWrapUpRequired', (ctx) => {
    const admin = requireAdminCaller(ctx);
    const queue = mockData.queues.find((q) => q.id === ctx.params.id);
    if (!queue) throw notFound('This queue');
    const required = wrapUpRecords().requiredQueueIds;
    if (required.has(queue.id) !== ctx.body.required) {
      if (ctx.body.required) required.add(queue.id);
      else required.delete(queue.id);
      recordAdminAction(
        admin,
        ctx.body.required ? 'queue.wrap_up_required' : 'queue.wrap_up_optional',
        { kind: 'queue', id: queue.id, name: queue.name },
        ctx.body.required ? `Chats in ${queue.name} need an end reason` : `Chats in ${queue.name} may end without a reason`,
      );
    }
    return adminWrapUp();
  }),
};
