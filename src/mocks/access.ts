import type { User } from '../contract/auth';
import { canView as mayView } from '../domain/conversation-rules';
import { UUID_PATTERN as UUID } from '../domain/ids';
import { type ConversationRecord, findConversation, transfersOf } from './data';
import { MockApiError, notFound } from './mock-errors';

/** Who may see and change a conversation, as src/server/conversations/conversation-service.ts. */

/** Code-unit order, like PostgreSQL's for ISO times and lower-case uuids (localeCompare may skip the dashes). */
export const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
const byArrival = (a: ConversationRecord, b: ConversationRecord) =>
  binary(a.arrivedAt, b.arrivedAt) || binary(a.id, b.id);

/** The domain's visibility rule; only the transfers know who gave a conversation away. */
export const canView = (user: User, c: ConversationRecord) => mayView(user, c, transfersOf(c.id).some((t) => t.fromAgentId === user.id));

/** The picklist's order: conversations back from a lost agent first, then the oldest. */
export const byPicklistOrder = (a: ConversationRecord, b: ConversationRecord) =>
  Number(a.returnedAt === null) - Number(b.returnedAt === null) || byArrival(a, b);

/** The conversation if the user may see it; otherwise 404, so its existence is not revealed. */
export function viewConversation(user: User, id: string): ConversationRecord {
  const record = UUID.test(id) ? findConversation(id) : null;
  if (!record || !canView(user, record)) throw notFound('This conversation');
  return record;
}

export function requireAdmin(user: User) {
  if (user.role !== 'admin') throw new MockApiError(403, 'forbidden', 'Only admin users can do this.');
}

export function requireAgent(user: User) {
  if (user.role !== 'agent') throw new MockApiError(403, 'forbidden', 'Only agents can handle conversations.');
}

export const systemMessage = (text: string) =>
  ({ clientMessageId: null, authorKind: 'system', authorId: null, authorName: 'System', text }) as const;

export function ownConversation(conversationId: string): ConversationRecord {
  const record = findConversation(conversationId);
  if (!record) throw notFound('This chat');
  return record;
}
