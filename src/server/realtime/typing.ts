import type { RealtimeFrame } from '../../contract/events';
import type { Principal } from '../auth/principal';
import { isUuid } from '../../domain/ids';
import type { Database } from '../db/database';
import { typed } from '../db/kysely';
import type { EventScope } from './event-log';
import { staffCanSee } from './visibility';

export const TYPING_CHANNEL = 'cp_typing';

/** A typing signal on its way to every instance: who, where, and the scope deciding who may see it. */
export interface TypingSignal {
  frame: Extract<RealtimeFrame, { kind: 'typing' }>;
  scope: EventScope;
}

/**
 * Checks that the sender may type in the conversation now — the customer in their own open chat,
 * the agent only in a chat they hold (never while writing an internal note, which does not send
 * this) — and builds the signal; null when they may not.
 */
export async function typingSignal(db: Database, principal: Principal, conversationId: string | undefined, isTyping: boolean): Promise<TypingSignal | null> {
  const id = principal.kind === 'customer' ? principal.conversationId : conversationId;
  // The id comes from a WebSocket frame, not a contract route: checked here.
  if (!id || !isUuid(id)) return null;
  const row = await typed(db)
    .selectFrom('conversations as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select(['c.id', 'c.queue_id', 'c.agent_id', 'c.state', 'cu.name as customer_name'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row || row.state === 'ended') return null;
  const scope = { conversationId: row.id, queueId: row.queue_id, agentId: row.agent_id };
  if (principal.kind === 'customer') {
    return { frame: { kind: 'typing', conversationId: row.id, from: 'customer', name: row.customer_name, isTyping }, scope };
  }
  if (row.state !== 'picked' || row.agent_id !== principal.user.id) return null;
  return { frame: { kind: 'typing', conversationId: row.id, from: 'agent', name: principal.user.displayName, isTyping }, scope };
}

/** The customer sees the agent typing; staff who may see the conversation see the customer typing. */
export function typingReaches(principal: Principal, signal: TypingSignal): boolean {
  if (signal.frame.from === 'agent') return principal.kind === 'customer' && principal.conversationId === signal.scope.conversationId;
  return principal.kind === 'staff' && staffCanSee(principal.user, signal.scope);
}
