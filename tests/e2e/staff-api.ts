import { request, type APIRequestContext } from '@playwright/test';
import type { Conversation, ConversationPage } from '../../src/contract/conversations';
import type { ChosenPresence } from '../../src/contract/presence';
import type { NotificationPreferences } from '../../src/contract/preferences';
import type { RoutingSettings, Settings } from '../../src/contract/settings';
import { DEMO_PASSWORD, DEMO_URL } from '../../playwright.config';

/**
 * Test setup through the real API as one staff member (a bearer session of their own, apart from
 * any browser): presence, preferences and the conversations they hold.
 */
export class StaffApi {
  private constructor(
    private readonly api: APIRequestContext,
    private readonly headers: Record<string, string>,
  ) {}

  static async as(username: string) {
    const api = await request.newContext({ baseURL: DEMO_URL });
    const login = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
    if (!login.ok()) throw new Error(`Could not log in as ${username}: ${login.status()}`);
    return new StaffApi(api, { authorization: `Bearer ${(await login.json()).token}` });
  }

  private async call<T>(method: 'get' | 'put' | 'post', path: string, data?: unknown): Promise<T> {
    const res = await this.api[method](path, { headers: this.headers, data });
    if (!res.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  }

  setPresence(state: ChosenPresence) {
    return this.call('put', '/api/presence', { state });
  }

  setNotifications(notifications: Partial<NotificationPreferences>) {
    return this.call('put', '/api/preferences', { notifications });
  }

  /** The whole list, following its pages. */
  async list(view: 'picklist' | 'mine' | 'offers') {
    const rows: Conversation[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: ConversationPage = await this.call<ConversationPage>('get', `/api/conversations?view=${view}&limit=200${query}`);
      rows.push(...page.conversations);
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  }

  pick(conversationId: string) {
    return this.call('post', `/api/conversations/${conversationId}/pick`);
  }

  end(conversationId: string) {
    return this.call('post', `/api/conversations/${conversationId}/end`);
  }

  /**
   * Ends what earlier tests left with this agent (held, offered, or waiting in `queue`), so their
   * capacity is free and the next offer is the test's own.
   */
  async clearWork(queue?: string) {
    for (const c of await this.list('offers')) await this.call('post', `/api/conversations/${c.id}/accept`).catch(() => undefined);
    if (queue) {
      for (const c of await this.list('picklist')) {
        if (c.queue.name === queue) await this.call('post', `/api/conversations/${c.id}/pick`).catch(() => undefined);
      }
    }
    for (const c of await this.list('mine')) await this.call('post', `/api/conversations/${c.id}/end`).catch(() => undefined);
  }

  /**
   * Picks and ends every waiting chat in my queues that `which` selects. Best effort, like
   * endHeld: a chat may move meanwhile (another pick, or the lost-agent sweep returning what an
   * agent without a live socket picked), and cleaning up must not fail the test it follows.
   */
  async endWaiting(which: (c: Conversation) => boolean) {
    for (const c of (await this.list('picklist')).filter(which)) {
      await this.call('post', `/api/conversations/${c.id}/pick`)
        .then(() => this.call('post', `/api/conversations/${c.id}/end`))
        .catch(() => undefined);
    }
  }

  /** Ends every chat offered to me or held by me that `which` selects (an offer is accepted first). */
  async endHeld(which: (c: Conversation) => boolean) {
    for (const c of (await this.list('offers')).filter(which)) await this.call('post', `/api/conversations/${c.id}/accept`).catch(() => undefined);
    for (const c of (await this.list('mine')).filter(which)) await this.call('post', `/api/conversations/${c.id}/end`).catch(() => undefined);
  }

  /**
   * As an admin: changes the routing settings and returns a function that puts the previous ones
   * back, so specs sharing the server do not affect each other.
   */
  async withRoutingSettings(change: Partial<RoutingSettings>) {
    const { settings } = await this.call<{ settings: Settings }>('get', '/api/settings');
    const put = (routing: RoutingSettings) =>
      this.call('put', '/api/settings', { agentUploads: settings.agentUploads, customerUploads: settings.customerUploads, routing });
    await put({ ...settings.routing, ...change });
    return () => put(settings.routing);
  }

  dispose() {
    return this.api.dispose();
  }
}

/**
 * Ends the chats of these customers that are still open: waiting (picked and ended as Ben, who
 * serves every picking queue), offered or held by one of the demo agents. A spec so leaves no
 * rows behind: later specs look for their own new rows in the Picklist and in an agent's list,
 * which a long list would keep out of the rendered (virtualized) window or the first page. The
 * demo workspace's own chats stay; other specs use them.
 */
export async function endChatsOf(customerNames: readonly string[]) {
  const theirs = (c: Conversation) => customerNames.includes(c.customer.name);
  for (const username of ['ben', 'anna', 'adam']) {
    const staff = await StaffApi.as(username);
    try {
      if (username === 'ben') await staff.endWaiting(theirs);
      await staff.endHeld(theirs);
    } finally {
      await staff.dispose();
    }
  }
}
