import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { User } from '../contract/auth';
import type { Conversation, Transfer } from '../contract/conversations';
import { applyStaffEvent, belongsIn } from './conversation-cache';
import { queryKeys } from './query-keys';

const support = { id: 'q-support', name: 'Support', address: 'support@acme.example' };
const sales = { id: 'q-sales', name: 'Sales', address: 'sales@acme.example' };
const agent = (id: string, queueIds: string[]): User => ({ id, username: id, displayName: id, role: 'agent', queueIds });
const anna = agent('anna', [support.id]);
const ben = agent('ben', [support.id, sales.id]);
const sam = agent('sam', [sales.id]);
const sara: User = { id: 'sara', username: 'sara', displayName: 'Sara', role: 'supervisor', queueIds: [] };
const at = '2024-05-01T10:00:00.000Z';

function conversation(patch: Partial<Conversation>): Conversation {
  return {
    id: 'c1',
    customer: { id: 'cu', name: 'Kim', email: null, phone: null },
    queue: support,
    channel: 'webchat',
    source: 'kim@example.com',
    destination: support.address,
    state: 'queued',
    arrivedAt: at,
    agent: null,
    pickedAt: null,
    endedAt: null,
    endedBy: null,
    reservedFor: null,
    lastTransfer: null,
    firstMessage: null,
    lastMessage: null,
    lastSeq: 1,
    ...patch,
  };
}

describe('belongsIn', () => {
  it('puts a waiting conversation in the picklists of its queue’s agents and of supervisors', () => {
    const waiting = conversation({ queue: sales });
    expect([anna, ben, sam, sara].map((u) => belongsIn('picklist', waiting, u))).toEqual([false, true, true, true]);
  });

  it('puts a reserved conversation only in its agent’s picklist, whatever their queues', () => {
    const reserved = conversation({ queue: support, reservedFor: { id: 'sam', displayName: 'Sam' } });
    expect([anna, ben, sam, sara].map((u) => belongsIn('picklist', reserved, u))).toEqual([false, false, true, true]);
  });
});

describe('applyStaffEvent: conversation.transferred', () => {
  const picked = conversation({ state: 'picked', agent: { id: 'anna', displayName: 'anna' } });
  const transfer: Transfer = {
    id: 't1',
    from: { id: 'anna', displayName: 'anna' },
    fromQueue: { id: support.id, name: 'Support' },
    toQueue: null,
    toAgent: { id: 'sam', displayName: 'Sam' },
    note: 'For you',
    at,
  };
  const moved = conversation({ reservedFor: { id: 'sam', displayName: 'Sam' }, lastTransfer: transfer });
  const event = { seq: 5, at, type: 'conversation.transferred' as const, conversation: moved, transfer };

  function cacheFor(mine: Conversation[], picklist: Conversation[]) {
    const client = new QueryClient();
    client.setQueryData(queryKeys.conversations.list('mine'), mine);
    client.setQueryData(queryKeys.conversations.list('picklist'), picklist);
    return client;
  }
  const ids = (client: QueryClient, view: 'mine' | 'picklist') =>
    client.getQueryData<Conversation[]>(queryKeys.conversations.list(view))!.map((c) => c.id);

  it('takes it out of the sender’s list', () => {
    const client = cacheFor([picked], []);
    applyStaffEvent(client, anna, event);
    expect(ids(client, 'mine')).toEqual([]);
    expect(ids(client, 'picklist')).toEqual([]);
    expect(client.getQueryData(queryKeys.conversations.detail('c1'))).toEqual(moved);
  });

  it('puts it in the receiver’s picklist only', () => {
    const forSam = cacheFor([], []);
    applyStaffEvent(forSam, sam, event);
    expect(ids(forSam, 'picklist')).toEqual(['c1']);
    const forBen = cacheFor([], []);
    applyStaffEvent(forBen, ben, event);
    expect(ids(forBen, 'picklist')).toEqual([]);
  });
});
