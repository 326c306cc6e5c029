import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../contract/events';
import { heldBefore, offeredBefore } from './event-holder';
import { makeConversation, makeMessage } from './test-factories';

const at = '2024-05-01T10:00:00.000Z';
const anna = { id: 'anna', displayName: 'Anna' };
const ended = makeConversation({ state: 'ended', agent: anna, endedAt: at, endedBy: 'agent' });
const queued = makeConversation();

describe('heldBefore', () => {
  it('tells from the event alone whether I held the conversation before it changed', () => {
    const events: [ConversationEvent, boolean | undefined][] = [
      [{ seq: 1, at, type: 'conversation.created', conversation: queued }, false],
      [{ seq: 2, at, type: 'conversation.picked', conversation: makeConversation({ state: 'picked', agent: anna }) }, false],
      [{ seq: 3, at, type: 'conversation.ended', conversation: ended }, true],
      [{ seq: 4, at, type: 'conversation.returned', conversation: queued, agent: anna }, true],
      [{ seq: 5, at, type: 'message.created', message: makeMessage({ conversationId: 'c1' }), holderId: 'anna' }, true],
      [{ seq: 6, at, type: 'message.created', message: makeMessage({ conversationId: 'c1' }), holderId: 'ben' }, false],
      // Logged before events named the holder: nobody can tell.
      [{ seq: 7, at, type: 'message.created', message: makeMessage({ conversationId: 'c1' }) }, undefined],
    ];
    expect(events.map(([e]) => heldBefore(e, 'anna'))).toEqual(events.map(([, held]) => held));
  });

  it('takes a transfer’s previous holder from the event, not its sender (a supervisor reassigning)', () => {
    const base = { seq: 8, at, type: 'conversation.transferred' as const, conversation: queued };
    const transfer = { from: { id: 'sara', displayName: 'Sara' } } as Extract<ConversationEvent, { type: 'conversation.transferred' }>['transfer'];
    expect(heldBefore({ ...base, transfer, previousHolderId: 'anna' }, 'anna')).toBe(true);
    expect(heldBefore({ ...base, transfer, previousHolderId: null }, 'anna')).toBe(false);
    expect(heldBefore({ ...base, transfer }, 'anna')).toBeUndefined();
  });

  it('knows an offer that ended or was accepted was mine', () => {
    expect(offeredBefore({ seq: 9, at, type: 'conversation.offer-declined', conversation: queued, agent: anna, outcome: 'expired' }, 'anna')).toBe(true);
    expect(offeredBefore({ seq: 10, at, type: 'conversation.accepted', conversation: makeConversation({ state: 'picked', agent: anna }) }, 'anna')).toBe(true);
    expect(offeredBefore({ seq: 11, at, type: 'conversation.ended', conversation: ended }, 'anna')).toBe(false);
  });
});
