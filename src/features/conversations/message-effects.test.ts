import { describe, expect, it } from 'vitest';
import { makeConversation, makeMessage } from '../../lib/test-factories';
import { withMessage } from '../../domain/message-effects';

describe('withMessage', () => {
  const c = makeConversation({ id: 'c1', lastSeq: 2 });
  const customer = makeMessage({ id: 'm3', conversationId: 'c1', seq: 3, authorKind: 'customer', text: 'Where is my parcel?' });
  const joined = makeMessage({ id: 'm4', conversationId: 'c1', seq: 4, authorKind: 'system', text: 'Anna Lindqvist joined the conversation.' });
  const reply = makeMessage({ id: 'm5', conversationId: 'c1', seq: 5, authorKind: 'agent', text: 'On its way.' });

  it('previews the latest words, never a system line', () => {
    const afterCustomer = withMessage(c, customer);
    const afterJoin = withMessage(afterCustomer, joined);
    expect(afterJoin.lastMessage?.text).toBe('Where is my parcel?');
    expect(afterJoin.lastSeq).toBe(4);
    expect(withMessage(afterJoin, reply).lastMessage?.text).toBe('On its way.');
  });

  it('ignores an older message and another conversation’s', () => {
    const later = withMessage(c, reply);
    expect(withMessage(later, customer)).toBe(later);
    expect(withMessage(c, { ...customer, conversationId: 'c2' })).toBe(c);
  });
});
