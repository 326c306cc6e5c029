import type { AuditEntry } from '../contract/supervision';
import type { EndConversationRequest, WrapUpOptions } from '../contract/wrap-up';
import { UUID_PATTERN as UUID } from '../domain/ids';
import { findUser, mockData } from './data';
import { MockApiError } from './mock-errors';

/*
 * Wrap-up as src/server/wrap-up/wrap-up-store.ts: the codes a queue offers, the check and record
 * of the reason a chat ends with, and its line in the audit trail. The admins' routes and the
 * supervisors' counts are in wrap-up-handlers.ts.
 */

export const wrapUpRecords = () => mockData.wrapUp;

/** Lower case first, as the server's `ORDER BY lower(name)`. */
export const byLowerName = (a: { name: string; id: string }, b: { name: string; id: string }) => {
  const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** The codes in use that the queue offers, by name. */
const offeredCodes = (queueId: string) =>
  wrapUpRecords()
    .codes.filter((c) => c.retiredAt === null && (c.allQueues || c.queueIds.includes(queueId)))
    .sort(byLowerName);

export function wrapUpOptions(queueId: string): WrapUpOptions {
  return { required: wrapUpRecords().requiredQueueIds.has(queueId), codes: offeredCodes(queueId).map(({ id, name }) => ({ id, name })) };
}

/** Throws what the server answers for a reason the queue does not offer, or none where it needs one. */
export function checkEndWrapUp(queueId: string, body: EndConversationRequest): { codeId: string | null; summary: string | null } {
  const summary = body.summary ? body.summary : null;
  const chosen = body.wrapUpCodeId?.trim().toLowerCase();
  if (chosen) {
    const offered = UUID.test(chosen) ? offeredCodes(queueId).find((c) => c.id === chosen) : undefined;
    if (!offered) {
      const message = 'This reason cannot be used in this queue any more. Choose another.';
      throw new MockApiError(422, 'wrap_up_code_unavailable', message, { fields: { wrapUpCodeId: message } });
    }
    return { codeId: offered.id, summary };
  }
  if (wrapUpRecords().requiredQueueIds.has(queueId)) {
    const name = mockData.queues.find((q) => q.id === queueId)?.name ?? 'this queue';
    const message = `Choose a reason: chats in ${name} need one to end.`;
    throw new MockApiError(422, 'wrap_up_required', message, { fields: { wrapUpCodeId: message } });
  }
  return { codeId: null, summary };
}

export function recordEndWrapUp(r: { codeId: string | null; summary: string | null; conversationId: string; agentId: string; queueId: string; at: string }) {
  if (r.codeId || r.summary) wrapUpRecords().ended.push({ ...r });
}

/** "Reason: Refund issued. Summary: sent the form", as the server's wrapUpSummary. */
const summaryOf = (codeName: string | null, summary: string | null) =>
  [codeName && `Reason: ${codeName}`, summary && `Summary: ${summary}`].filter(Boolean).join('. ');

/** The audit trail's line for how the chat ended, in its agent's words. */
export function wrapUpAuditEntry(conversationId: string): AuditEntry | null {
  const w = wrapUpRecords().ended.find((e) => e.conversationId === conversationId);
  if (!w) return null;
  const code = wrapUpRecords().codes.find((c) => c.id === w.codeId);
  return {
    id: `wrap-up-${conversationId}`,
    at: w.at,
    kind: 'wrapped_up',
    actor: { kind: 'staff', id: w.agentId, name: findUser(w.agentId)?.displayName ?? 'Unknown agent' },
    summary: summaryOf(code?.name ?? null, w.summary),
  };
}
