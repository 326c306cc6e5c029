// @vitest-environment jsdom
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { staffRoutes } from '../../contract/staff-routes';
import type { User } from '../../contract/auth';
import type { ConversationView } from '../../contract/conversations';
import type { ConversationSort } from '../../contract/preferences';
import { callApi } from '../../lib/api-client';
import { listTotal, loadedRows, toLoadedPage, type ListPages } from '../../lib/list-pages';
import { queryKeys } from '../../lib/query-keys';
import { customerWrites, newChat } from '../../mocks/dev-tools';
import { answeredRequests, framesFor, logInMock, setUpMockApi } from '../../mocks/testing';
import { pickConversation } from './api/pick-conversation';
import { applyStaffEvent } from './conversation-cache';

/*
 * applyStaffEvent where the cache cannot tell alone and asks the server, here the mock API: the
 * workspace changes through the handlers, and the panel gets the frames its socket would get.
 */

setUpMockApi();

/** What the panel loaded of a list: its first page of `limit` rows, more behind them. */
async function firstPage(view: ConversationView, limit: number, sort?: ConversationSort): Promise<ListPages> {
  const page = await callApi(staffRoutes.conversations, { query: { view, sort, limit } });
  return { pages: [toLoadedPage(page)], pageParams: [undefined] };
}

/** Applies every conversation event `act` sends `user`'s socket to `client`, as the staff socket would; returns their types. */
async function live(client: QueryClient, user: User, act: () => unknown): Promise<string[]> {
  const events = (await framesFor(user, act)).flatMap((frame) => (frame.kind === 'event' ? [frame.event] : []));
  for (const event of events) applyStaffEvent(client, user, event);
  return events.map((e) => e.type);
}

const waitingIds = async () => (await callApi(staffRoutes.conversations, { query: { view: 'picklist' } })).conversations.map((c) => c.id);

let client: QueryClient;
beforeEach(() => {
  client = new QueryClient();
});

describe('applyStaffEvent asks the mock API', () => {
  it('fetches a conversation I hold from beyond the loaded rows when its customer writes, and nobody else’s', async () => {
    // Ben holds a new Support chat; Anna holds Support's two others and has loaded one of them.
    const ben = await logInMock('ben');
    const { conversation: bens } = await newChat();
    await callApi(staffRoutes.pick, { params: { id: bens.id }, token: ben.token });
    const { user: anna } = await logInMock('anna');
    for (const id of await waitingIds()) await pickConversation(id);
    const key = queryKeys.conversations.pages('mine', 'last-customer-message');
    client.setQueryData(key, await firstPage('mine', 1, 'last-customer-message'));
    const [loaded] = loadedRows(client.getQueryData<ListPages>(key));
    const [beyond] = (await callApi(staffRoutes.conversations, { query: { view: 'mine' } })).conversations.filter((c) => c.id !== loaded!.id);
    const before = answeredRequests().length;

    // Both messages reach her panel: the Support queue is hers.
    expect(await live(client, anna, () => customerWrites(bens.id, 'Hello?'))).toEqual(['message.created']);
    expect(await live(client, anna, () => customerWrites(beyond!.id, 'Are you there?'))).toEqual(['message.created']);

    // Her customer's newest message puts the conversation first.
    await vi.waitFor(() => expect(loadedRows(client.getQueryData<ListPages>(key)).map((c) => c.id)).toEqual([beyond!.id, loaded!.id]));
    expect(answeredRequests().slice(before)).toEqual([`GET /api/conversations/${beyond!.id}`]);
  });

  it('counts the list again when a change leaves its total unknown', async () => {
    const ben = await logInMock('ben');
    const { user: anna } = await logInMock('anna');
    // Anna has loaded the first of Support's two waiting chats.
    const key = queryKeys.conversations.pages('picklist');
    client.setQueryData(key, await firstPage('picklist', 1));
    expect(listTotal(client.getQueryData<ListPages>(key))).toBe(2);
    const [, unloaded] = await waitingIds();
    const before = answeredRequests().length;

    // Ben picks the other, which Anna never loaded: was it in her Picklist? Only the server knows.
    expect(await live(client, anna, () => callApi(staffRoutes.pick, { params: { id: unloaded! }, token: ben.token }))).toContain('conversation.picked');

    await vi.waitFor(() => expect(listTotal(client.getQueryData<ListPages>(key))).toBe(1));
    expect(answeredRequests().slice(before)).toEqual([`POST /api/conversations/${unloaded}/pick`, 'GET /api/conversations?view=picklist&limit=1']);
  });
});
