import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { ConversationEventSchema, UserEventSchema, WorkspaceEventSchema } from '../../contract/events';
import { DEFAULT_PREFERENCES } from '../../contract/preferences';
import { queryKeys } from '../../lib/query-keys';
import type { StaffEvent } from '../../lib/staff-events';
import { makeAgent, makeConversation, TEST_TIME } from '../../lib/test-factories';
import { createStaffEvents } from './staff-events';

const anna = makeAgent('anna', ['q-support']);
const typesOf = (schema: { options: readonly { shape: { type: { value: string } } }[] }) => schema.options.map((o) => o.shape.type.value);

function setup() {
  const queryClient = new QueryClient();
  const reloadRoutes = vi.fn();
  const events = createStaffEvents();
  const dispatch = (event: StaffEvent) => events.dispatch(event, { queryClient, user: anna, reloadRoutes });
  return { queryClient, reloadRoutes, events, dispatch };
}

/** Seeds a query and tells whether something invalidated it since. */
function watch(queryClient: QueryClient, queryKey: readonly unknown[]) {
  queryClient.setQueryData(queryKey, 'cached');
  return () => queryClient.getQueryState(queryKey)?.isInvalidated ?? false;
}

describe('createStaffEvents', () => {
  it('has a handler for every event type a staff socket delivers', () => {
    const staffTypes = [...typesOf(ConversationEventSchema), ...typesOf(WorkspaceEventSchema), ...typesOf(UserEventSchema)];
    expect(setup().events.types().sort()).toEqual([...new Set(staffTypes)].sort());
  });

  it('reloads who I am and then the routes when an admin changes me, and only me', async () => {
    const { queryClient, reloadRoutes, dispatch } = setup();
    const session = watch(queryClient, queryKeys.session());
    const targets = watch(queryClient, queryKeys.transferTargets());
    dispatch({ type: 'user.updated', seq: 1, at: TEST_TIME, user: { id: 'ben', displayName: 'Ben' } });
    expect(session()).toBe(false);
    expect(targets()).toBe(true);
    dispatch({ type: 'user.updated', seq: 2, at: TEST_TIME, user: { id: 'anna', displayName: 'Anna' } });
    expect(session()).toBe(true);
    await vi.waitFor(() => expect(reloadRoutes).toHaveBeenCalledOnce());
  });

  it('puts the conversation in my lists and refreshes my load when I pick it', () => {
    const { queryClient, dispatch } = setup();
    const load = watch(queryClient, queryKeys.presence());
    const conversation = makeConversation({ state: 'picked', agent: { id: 'anna', displayName: 'Anna' } });
    dispatch({ type: 'conversation.picked', seq: 1, at: TEST_TIME, conversation });
    expect(queryClient.getQueryData(queryKeys.conversations.detail('c1'))).toEqual(conversation);
    expect(load()).toBe(true);
  });

  it('takes in preferences changed on another device', () => {
    const { queryClient, dispatch } = setup();
    const preferences = { ...DEFAULT_PREFERENCES, conversationSort: 'customer-name' as const };
    dispatch({ type: 'preferences.updated', seq: 1, at: TEST_TIME, preferences });
    expect(queryClient.getQueryData(queryKeys.preferences())).toEqual(preferences);
  });

  it('fetches the canned responses again when shared ones or mine change, or my queues do', () => {
    const { queryClient, dispatch } = setup();
    let canned = watch(queryClient, queryKeys.cannedResponses());
    dispatch({ type: 'canned-responses.updated', seq: 1, at: TEST_TIME });
    expect(canned()).toBe(true);
    canned = watch(queryClient, queryKeys.cannedResponses());
    dispatch({ type: 'my-canned-responses.updated', seq: 2, at: TEST_TIME });
    expect(canned()).toBe(true);
    canned = watch(queryClient, queryKeys.cannedResponses());
    dispatch({ type: 'user.updated', seq: 3, at: TEST_TIME, user: { id: 'ben', displayName: 'Ben' } });
    expect(canned()).toBe(false);
    dispatch({ type: 'user.updated', seq: 4, at: TEST_TIME, user: { id: 'anna', displayName: 'Anna' } });
    expect(canned()).toBe(true);
  });
});
