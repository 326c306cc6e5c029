import { describe, expect, it } from 'vitest';
import type { ConversationEvent } from '../contract/events';
import type { Message } from '../contract/messages';
import { DEFAULT_PREFERENCES, type NotificationPreferences } from '../contract/preferences';
import { alertingFor, STALE_EVENT_MS, type AlertContext } from './notification-rules';
import { makeAgent, makeConversation, makeMessage, supportQueue as support } from './test-factories';

const now = Date.parse('2024-05-01T10:00:00.000Z');
const at = new Date(now - 1000).toISOString();
const billing = { id: 'q-billing', name: 'Billing', address: 'billing@acme.example' };
const anna = makeAgent('anna', [support.id, billing.id]);
const annaRef = { id: 'anna', displayName: 'Anna' };
const ben = { id: 'ben', displayName: 'Ben' };

const on: NotificationPreferences = { newMessages: true, newConversations: true, desktop: true, sound: false };

function context(patch: Partial<AlertContext> = {}): AlertContext {
  return {
    user: anna,
    preferences: on,
    viewingId: undefined,
    pageVisible: true,
    holds: (id) => id === 'c1',
    conversation: (id) => (id === 'c1' ? makeConversation({ state: 'picked', agent: annaRef }) : undefined),
    routingMode: (queueId) => (queueId === billing.id ? 'offer' : 'pick'),
    now,
    ...patch,
  };
}

const messageEvent = (patch: Partial<Message> = {}): ConversationEvent => ({ type: 'message.created', seq: 10, at, message: makeMessage(patch) });

describe('alertingFor: new messages', () => {
  it('announces a customer message in a conversation I hold, with the customer and the text', () => {
    expect(alertingFor(messageEvent(), context())).toEqual({
      kind: 'message',
      conversationId: 'c1',
      title: 'New message from Kim',
      body: 'Hello?',
      tag: 'conversation-c1',
    });
  });

  it('stays quiet while I look at that conversation, but not when the tab is hidden', () => {
    expect(alertingFor(messageEvent(), context({ viewingId: 'c1' }))).toBeNull();
    expect(alertingFor(messageEvent(), context({ viewingId: 'c1', pageVisible: false }))?.kind).toBe('message');
    expect(alertingFor(messageEvent(), context({ viewingId: 'c2' }))?.kind).toBe('message');
  });

  it('ignores my own and system messages, conversations I do not hold, and the switch turned off', () => {
    expect(alertingFor(messageEvent({ authorKind: 'agent' }), context())).toBeNull();
    expect(alertingFor(messageEvent({ authorKind: 'system' }), context())).toBeNull();
    expect(alertingFor(messageEvent({ conversationId: 'c2' }), context())).toBeNull();
    expect(alertingFor(messageEvent(), context({ preferences: { ...on, newMessages: false } }))).toBeNull();
  });

  it('names an attachment when the message has no text', () => {
    const attachment = { id: 'a', fileName: 'x.png' } as unknown as Message['attachments'][number];
    expect(alertingFor(messageEvent({ text: '', attachments: [attachment] }), context())?.body).toBe('Sent an attachment');
  });

  it('skips events replayed long after they happened', () => {
    expect(alertingFor(messageEvent(), context({ now: Date.parse(at) + STALE_EVENT_MS + 1 }))).toBeNull();
  });

  it('never alerts supervisors and admins', () => {
    expect(alertingFor(messageEvent(), context({ user: { ...anna, role: 'supervisor' } }))).toBeNull();
  });
});

describe('alertingFor: offers and waiting conversations', () => {
  const offer = (agent = annaRef, expiresAt = new Date(now + 20_000).toISOString()): ConversationEvent => ({
    type: 'conversation.offered',
    seq: 11,
    at,
    conversation: makeConversation({ queue: billing, state: 'offered', offer: { agent, expiresAt }, firstMessage: makeMessage({ text: 'My invoice' }) }),
  });

  it('announces an offer made to me, not one made to a colleague or already over', () => {
    expect(alertingFor(offer(), context())).toMatchObject({ kind: 'offer', title: 'Conversation offered to you: Kim', body: 'Billing · My invoice' });
    expect(alertingFor(offer(ben), context())).toBeNull();
    expect(alertingFor(offer(annaRef, new Date(now - 1).toISOString()), context())).toBeNull();
  });

  it('announces a new conversation waiting in my picklist, unless its queue offers it instead', () => {
    const created = (queue: typeof support): ConversationEvent => ({ type: 'conversation.created', seq: 12, at, conversation: makeConversation({ queue }) });
    expect(alertingFor(created(support), context())).toMatchObject({ kind: 'waiting', title: 'New conversation waiting: Kim' });
    expect(alertingFor(created(billing), context())).toBeNull();
    const elsewhere = { id: 'q-sales', name: 'Sales', address: 'sales@acme.example' };
    expect(alertingFor(created(elsewhere), context())).toBeNull();
  });

  it('announces a conversation returned to the queue by a colleague’s lost connection, not my own', () => {
    const returned = (agent: typeof ben): ConversationEvent => ({ type: 'conversation.returned', seq: 13, at, agent, conversation: makeConversation() });
    expect(alertingFor(returned(ben), context())?.title).toBe('Conversation back in the queue: Kim');
    expect(alertingFor(returned(annaRef), context())).toBeNull();
  });

  it('follows the "new offers and conversations" switch', () => {
    expect(alertingFor(offer(), context({ preferences: { ...DEFAULT_PREFERENCES.notifications, newConversations: false } }))).toBeNull();
  });
});
