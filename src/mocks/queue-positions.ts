import type { RealtimeFrame } from '../contract/events';
import { estimateWaitMinutes } from '../domain/wait-estimate';
import { byPicklistOrder } from './access';
import { findConversation, mockData } from './data';

type QueuePositionFrame = Extract<RealtimeFrame, { kind: 'queue-position' }>;

/**
 * A waiting customer's place and estimated wait, as the server's prompts/queue-positions.ts: the
 * line is the queue's waiting and offered conversations in the Picklist's order, the estimate the
 * domain's rule over the queue's picks. Null when the conversation is not waiting.
 */
export function mockQueuePosition(conversationId: string, now = new Date()): QueuePositionFrame | null {
  const record = findConversation(conversationId);
  if (!record || (record.state !== 'queued' && record.state !== 'offered')) return null;
  const line = mockData.conversations
    .filter((c) => c.queueId === record.queueId && (c.state === 'queued' || c.state === 'offered'))
    .sort(byPicklistOrder);
  const position = line.findIndex((c) => c.id === conversationId) + 1;
  const picks = mockData.conversations.filter((c) => c.queueId === record.queueId && c.pickedAt !== null).map((c) => new Date(c.pickedAt!));
  return { kind: 'queue-position', conversationId, position, estimatedWaitMinutes: estimateWaitMinutes(position, picks, now) };
}
