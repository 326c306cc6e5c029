import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { ConversationEventSchema } from '../contract/events';
import type { AllListed, StaffEvent } from './staff-events';
import { CONVERSATION_EVENT_TYPES, StaffEventRegistry } from './staff-events';
import { makeAgent, makeConversation, makeMessage, TEST_TIME } from './test-factories';

const context = { queryClient: new QueryClient(), user: makeAgent('anna'), reloadRoutes: () => undefined };
const picked: StaffEvent = { type: 'conversation.picked', seq: 1, at: TEST_TIME, conversation: makeConversation({ state: 'picked' }) };
const message: StaffEvent = { type: 'message.created', seq: 2, at: TEST_TIME, message: makeMessage() };
const preferencesUpdated = { type: 'preferences.updated', seq: 3, at: TEST_TIME } as unknown as StaffEvent;

afterEach(() => vi.restoreAllMocks());

describe('StaffEventRegistry', () => {
  it('hands an event only to the handlers of its type, in the order they were registered', () => {
    const registry = new StaffEventRegistry();
    const heard: string[] = [];
    registry.on('conversation.picked', () => heard.push('first'));
    registry.on('message.created', () => heard.push('message'));
    registry.on(['conversation.picked', 'conversation.ended'], () => heard.push('second'));
    registry.dispatch(picked, context);
    expect(heard).toEqual(['first', 'second']);
  });

  it('passes the event and the context to the handler', () => {
    const registry = new StaffEventRegistry();
    const handler = vi.fn();
    registry.on('message.created', handler);
    registry.dispatch(message, context);
    expect(handler).toHaveBeenCalledWith(message, context);
  });

  it('lets a handler for every conversation event hear each type, and nothing else', () => {
    const registry = new StaffEventRegistry();
    const handler = vi.fn();
    registry.on(CONVERSATION_EVENT_TYPES, handler);
    expect([...CONVERSATION_EVENT_TYPES].sort()).toEqual(ConversationEventSchema.options.map((o) => o.shape.type.value).sort());
    expectTypeOf<AllListed>().toEqualTypeOf<true>();
    registry.dispatch(picked, context);
    registry.dispatch(message, context);
    registry.dispatch(preferencesUpdated, context);
    expect(handler).toHaveBeenCalledTimes(2);
  });

  it('keeps going after a handler throws, so one feature cannot starve the others', () => {
    const registry = new StaffEventRegistry();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    registry.on('conversation.picked', () => {
      throw new Error('broken');
    });
    registry.on('conversation.picked', after);
    registry.dispatch(picked, context);
    expect(after).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledOnce();
  });

  it('stops calling a handler once it is removed', () => {
    const registry = new StaffEventRegistry();
    const handler = vi.fn();
    const off = registry.on(['conversation.picked', 'message.created'], handler);
    off();
    registry.dispatch(picked, context);
    registry.dispatch(message, context);
    expect(handler).not.toHaveBeenCalled();
    expect(registry.types()).toEqual([]);
  });
});
