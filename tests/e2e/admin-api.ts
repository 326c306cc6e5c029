import { request, type APIRequestContext } from '@playwright/test';
import type { AdminQueue, AdminUser, SaveQueueRequest } from '../../src/contract/admin';
import { DEMO_PASSWORD, DEMO_URL } from '../../playwright.config';

/**
 * Test setup through the real admin API, as adam with a bearer session of his own: queues a test
 * owns alone, so what it counts is not disturbed by other tests' conversations.
 */
export class AdminApi {
  private constructor(
    private readonly api: APIRequestContext,
    private readonly headers: Record<string, string>,
  ) {}

  static async as(username = 'adam') {
    const api = await request.newContext({ baseURL: DEMO_URL });
    const login = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
    if (!login.ok()) throw new Error(`Could not log in as ${username}: ${login.status()}`);
    return new AdminApi(api, { authorization: `Bearer ${(await login.json()).token}` });
  }

  private async call<T>(method: 'get' | 'put' | 'post', path: string, data?: unknown): Promise<T> {
    const res = await this.api[method](path, { headers: this.headers, data });
    if (!res.ok()) throw new Error(`${method.toUpperCase()} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  }

  users() {
    return this.call<{ users: AdminUser[] }>('get', '/api/admin/users').then((r) => r.users);
  }

  /** A new queue served by the named agents. */
  async createQueue(name: string, agents: string[], routingMode: SaveQueueRequest['routingMode'] = 'pick') {
    const users = await this.users();
    const agentIds = agents.map((username) => users.find((u) => u.username === username)!.id);
    const address = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@acme.example`;
    return this.call<{ queue: AdminQueue }>('post', '/api/admin/queues', { name, address, routingMode, agentIds }).then((r) => r.queue);
  }

  /** A new agent serving no queue, who logs in with `password`. */
  createAgent(username: string, displayName: string, password: string) {
    return this.call<{ user: AdminUser }>('post', '/api/admin/users', { username, password, displayName, role: 'agent', capacity: 3, queueIds: [] }).then((r) => r.user);
  }

  /** A new admin, who logs in with `password`. */
  createAdmin(username: string, displayName: string, password: string) {
    return this.call<{ user: AdminUser }>('post', '/api/admin/users', { username, password, displayName, role: 'admin', capacity: 3, queueIds: [] }).then((r) => r.user);
  }

  /** Takes every agent off a queue, so a test's queue does not linger in their picklists. */
  retireQueue(queue: AdminQueue) {
    return this.call('put', `/api/admin/queues/${queue.id}`, { name: queue.name, address: queue.address, routingMode: queue.routingMode, agentIds: [] });
  }

  dispose() {
    return this.api.dispose();
  }
}
