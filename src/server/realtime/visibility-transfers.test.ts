import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Conversation, Transfer } from '../../contract/conversations';
import type { StoredEvent } from './event-log';
import { frameFor, staffCanSee, toCustomerEvent } from './visibility';

const conversationId = randomUUID();
const fromQueue = { id: randomUUID(), name: 'Support' };
const toQueue = { id: randomUUID(), name: 'Sales' };
const sender = { id: randomUUID(), displayName: 'Anna' };
const now = new Date().toISOString();

const transfer: Transfer = { id: randomUUID(), from: sender, fromQueue, toQueue, toAgent: null, note: 'SECRET note', at: now };
const conversation: Conversation = {
  id: conversationId,
  customer: { id: randomUUID(), name: 'Kim', email: null, phone: null, verified: false, externalId: null },
  queue: { ...toQueue, address: 'sales@acme.example' },
  channel: 'webchat',
  source: 'kim@example.com',
  destination: 'sales@acme.example',
  state: 'queued',
  arrivedAt: now,
  agent: null,
  pickedAt: null,
  endedAt: null,
  endedBy: null,
  endReason: null,
  idleWarning: null,
  heldUntil: null,
  reservedFor: null,
  offer: null,
  returnedAt: null,
  lastCustomerMessageAt: null,
  awaitingReplySince: null,
  lastTransfer: transfer,
  firstMessage: null,
  lastMessage: null,
  lastSeq: 3,
};
const transferred: StoredEvent = {
  scope: { conversationId, queueId: toQueue.id, agentId: null, previousAgentId: sender.id },
  event: { seq: 9, at: now, type: 'conversation.transferred', conversation, transfer },
};

const agent = (queueIds: string[], id = randomUUID()) => ({ id, role: 'agent', queueIds });

describe('Transfer event visibility', () => {
  it('reaches the previous holder, the target queue, the target agent and supervisors', () => {
    expect(staffCanSee(agent([], sender.id), transferred.scope)).toBe(true);
    expect(staffCanSee(agent([toQueue.id]), transferred.scope)).toBe(true);
    expect(staffCanSee({ id: randomUUID(), role: 'supervisor', queueIds: [] }, transferred.scope)).toBe(true);
    const target = randomUUID();
    expect(staffCanSee(agent([], target), { ...transferred.scope, agentId: target })).toBe(true);
  });

  it('skips agents of the old queue and everyone else', () => {
    expect(staffCanSee(agent([fromQueue.id]), transferred.scope)).toBe(false);
    expect(staffCanSee(agent([]), transferred.scope)).toBe(false);
    // Events without a previous holder keep the old rules.
    expect(staffCanSee(agent([], sender.id), { conversationId, queueId: toQueue.id, agentId: null })).toBe(false);
  });

  it('gives the customer the new state only, without the transfer or its note', () => {
    const event = toCustomerEvent(transferred, conversationId);
    expect(event).toEqual({
      seq: 9,
      at: now,
      type: 'conversation.updated',
      conversation: { id: conversationId, queueName: 'Sales', state: 'queued', customerName: 'Kim', agentName: null, arrivedAt: now, endedAt: null, heldUntil: null },
    });
    const frame = frameFor({ kind: 'customer', conversationId, customerId: conversation.customer.id }, transferred);
    expect(JSON.stringify(frame)).not.toMatch(/SECRET|transfer|Anna/);
    expect(toCustomerEvent(transferred, randomUUID())).toBeNull();
  });
});
