import type { QueueAvailability } from '../contract/opening-hours';
import { DEFAULT_PROMPTS } from '../contract/prompts';
import { describeOpeningHours, nextOpening } from '../domain/opening-hours';
import { renderPrompt } from '../domain/prompt-render';
import { availabilityOf, type QueueLimitSettings } from '../domain/queue-limits';
import { mockData, toConversation } from './data';
import { publish, scopeOf } from './event-log';

/*
 * Opening hours, left messages and the waiting limit, as src/server/queues: the rules are the
 * domain's; a left message waits in `mockData.heldUntil` and is released (announced, put in the
 * picklists) by the routing sweep that runs before each answer once its time has come.
 */

const NO_LIMITS: QueueLimitSettings = { openingHours: null, leaveMessage: false, maxWaiting: null };

export const limitsOf = (queueId: string): QueueLimitSettings => structuredClone(mockData.queueLimits.get(queueId) ?? NO_LIMITS);

/** Conversations that count against the maximum: waiting or being offered, left messages included. */
const waitingIn = (queueId: string) => mockData.conversations.filter((c) => c.queueId === queueId && (c.state === 'queued' || c.state === 'offered')).length;

export function queueAvailability(queueId: string, now = Date.now()): QueueAvailability {
  return availabilityOf(limitsOf(queueId), waitingIn(queueId), now);
}

/**
 * With the prompt a customer reads when closed or full, as the server's customerPrompt. The mocks
 * keep no admin-written prompts (yet): the defaults are rendered.
 */
export function customerAvailability(queueId: string, now = Date.now()): QueueAvailability {
  const availability = queueAvailability(queueId, now);
  const kind = !availability.open ? 'serviceClosed' : availability.full ? 'queueFull' : null;
  const name = mockData.queues.find((q) => q.id === queueId)?.name ?? '';
  const hours = describeOpeningHours(limitsOf(queueId).openingHours);
  const values = { 'queue.name': name, ...(hours ? { 'queue.openingHours': hours } : {}) };
  return { ...availability, prompt: kind ? renderPrompt(DEFAULT_PROMPTS[kind].text, values) || null : null };
}

export const isHeld = (conversationId: string) => mockData.heldUntil.has(conversationId);

/** Releases the left messages whose time has come (or of one queue, all due by `now`). */
export function releaseDueMessages(now = Date.now()) {
  for (const [id, until] of [...mockData.heldUntil]) {
    if (until > now) continue;
    mockData.heldUntil.delete(id);
    const record = mockData.conversations.find((c) => c.id === id);
    if (record?.state === 'queued') publish(scopeOf(record), { type: 'conversation.created', conversation: toConversation(record) });
  }
}

/** After a queue's hours change, its left messages wait for the new next opening (now, if open). */
export function rescheduleHeld(queueId: string, now = Date.now()) {
  const hours = limitsOf(queueId).openingHours;
  const next = nextOpening(hours, now);
  if (hours !== null && next === null) return;
  for (const [id, until] of mockData.heldUntil) {
    const record = mockData.conversations.find((c) => c.id === id);
    if (record?.queueId !== queueId) continue;
    const moved = next ?? now;
    mockData.heldUntil.set(id, moved);
    // Its customer learns the new time (the server's held-release.ts); released ones hear of it below.
    if (moved !== until && moved > now) publish(scopeOf(record), { type: 'conversation.rescheduled', conversation: toConversation(record) });
  }
  releaseDueMessages(now);
}
