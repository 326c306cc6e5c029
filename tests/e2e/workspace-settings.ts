import { request } from '@playwright/test';
import type { Settings, UpdateSettingsRequest } from '../../src/contract/settings';
import { DEMO_PASSWORD, DEMO_URL } from '../../playwright.config';

/**
 * Test setup through the real API, as the admin: replaces the workspace settings and returns a
 * function that puts the previous ones back, so specs sharing the server do not affect each other.
 */
export async function withWorkspaceSettings(change: (current: UpdateSettingsRequest) => UpdateSettingsRequest) {
  const api = await request.newContext({ baseURL: DEMO_URL });
  const login = await api.post('/api/auth/login', { data: { username: 'adam', password: DEMO_PASSWORD } });
  const headers = { authorization: `Bearer ${(await login.json()).token}` };
  const { settings } = (await (await api.get('/api/settings', { headers })).json()) as { settings: Settings };
  const previous = { agentUploads: settings.agentUploads, customerUploads: settings.customerUploads };
  const put = async (body: UpdateSettingsRequest) => {
    const res = await api.put('/api/settings', { headers, data: body });
    if (!res.ok()) throw new Error(`Could not save settings: ${res.status()} ${await res.text()}`);
  };
  await put(change(previous));
  return async () => {
    await put(previous);
    await api.dispose();
  };
}
