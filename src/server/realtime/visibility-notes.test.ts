import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from './event-log';
import { frameFor, toCustomerEvent } from './visibility';

const conversationId = randomUUID();
const queueId = randomUUID();
const agentId = randomUUID();

const noteEvent: StoredEvent = {
  scope: { conversationId, queueId, agentId },
  event: {
    seq: 7,
    at: new Date().toISOString(),
    type: 'note.created',
    note: { id: randomUUID(), conversationId, clientNoteId: randomUUID(), authorId: agentId, authorName: 'Anna', text: 'Internal', mentions: [], createdAt: new Date().toISOString() },
  },
};

describe('Note event visibility', () => {
  it('never gives a note event to the customer of its conversation', () => {
    expect(toCustomerEvent(noteEvent, conversationId)).toBeNull();
    expect(frameFor({ kind: 'customer', conversationId, customerId: randomUUID() }, noteEvent)).toBeNull();
  });

  it('gives it to staff by the usual rules', () => {
    const staff = (role: 'agent' | 'supervisor', queueIds: string[], id = randomUUID()) =>
      ({ kind: 'staff', sessionHash: 'x', user: { id, username: 'u', displayName: 'U', role, queueIds } }) as const;
    expect(frameFor(staff('agent', [queueId]), noteEvent)).toEqual({ kind: 'event', event: noteEvent.event });
    expect(frameFor(staff('agent', [], agentId), noteEvent)).toEqual({ kind: 'event', event: noteEvent.event });
    expect(frameFor(staff('supervisor', []), noteEvent)).toEqual({ kind: 'event', event: noteEvent.event });
    expect(frameFor(staff('agent', [randomUUID()]), noteEvent)).toBeNull();
  });
});
