import { expect, logIn, startCustomerChat, test, uniqueCustomer } from './fixtures';
import type { Page, WebSocketRoute } from '@playwright/test';
import { StaffApi } from './staff-api';

/**
 * Like a network outage for the server too: `cut()` closes both ends of the page's realtime
 * socket (the server sees the agent's connection end) and refuses reconnects until `restore()`.
 */
async function controlConnection(page: Page) {
  let blocked = false;
  const open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
  await page.routeWebSocket(/\/api\/realtime$/, (ws) => {
    if (blocked) return void ws.close({ code: 1006, reason: 'network down (test)' }).catch(() => {});
    const link = { page: ws, server: ws.connectToServer() };
    open.add(link);
    ws.onClose(() => open.delete(link));
  });
  return {
    async cut() {
      blocked = true;
      for (const link of open) {
        await link.server.close().catch(() => {});
        await link.page.close({ code: 1006, reason: 'network down (test)' }).catch(() => {});
      }
      open.clear();
    },
    restore() {
      blocked = false;
    },
  };
}

test('an agent sets their presence to Busy and back; a reload keeps it', async ({ agentPage }) => {
  const benApi = await StaffApi.as('ben');
  await benApi.setPresence('available');
  try {
    const ben = await agentPage('ben');
    const presence = ben.getByRole('button', { name: 'Presence: Available' });
    await expect(presence).toBeVisible();
    // The workload sits next to it: conversations held of the most allowed.
    await expect(ben.getByLabel(/^\d+ of 5 conversations$/)).toBeVisible();

    await presence.click();
    await expect(ben.getByRole('menuitemradio', { name: /^Available/ })).toHaveAttribute('aria-checked', 'true');
    await ben.getByRole('menuitemradio', { name: /^Busy/ }).click();
    await expect(ben.getByRole('menu')).toBeHidden();
    await expect(ben.getByRole('button', { name: 'Presence: Busy' })).toBeVisible();

    await ben.reload();
    await expect(ben.getByRole('status', { name: /Connection: Live/ })).toBeVisible();
    await expect(ben.getByRole('button', { name: 'Presence: Busy' })).toBeVisible();

    // By keyboard this time.
    await ben.getByRole('button', { name: 'Presence: Busy' }).focus();
    await ben.keyboard.press('Enter');
    await expect(ben.getByRole('menuitemradio', { name: /^Busy/ })).toBeFocused();
    await ben.keyboard.press('ArrowUp');
    await expect(ben.getByRole('menuitemradio', { name: /^Available/ })).toBeFocused();
    await ben.keyboard.press('Enter');
    await expect(ben.getByRole('button', { name: 'Presence: Available' })).toBeVisible();
  } finally {
    await benApi.setPresence('available');
    await benApi.dispose();
  }
});

test('an agent whose connection was lost is told why their conversation went back to the queue', async ({ browser }) => {
  test.setTimeout(120_000);
  const adminApi = await StaffApi.as('adam');
  const annaApi = await StaffApi.as('anna');
  const benApi = await StaffApi.as('ben');
  const restore = await adminApi.withRoutingSettings({ lostAgentGraceSeconds: 10 });
  await annaApi.clearWork();
  await annaApi.setPresence('available');
  const context = await browser.newContext();
  try {
    const anna = await context.newPage();
    const socket = await controlConnection(anna);
    await logIn(anna, 'anna');
    const kim = uniqueCustomer('Lost');
    const customer = await startCustomerChat(browser, { queue: 'Support', ...kim, text: 'Hello?' });
    await anna.getByRole('button', { name: `Pick ${kim.name}` }).click();
    await expect(anna.getByRole('heading', { name: kim.name })).toBeVisible();

    await socket.cut();
    // Past the grace period the server sends the conversation back: Ben sees it waiting again.
    await expect
      .poll(async () => (await benApi.list('picklist')).some((c) => c.customer.name === kim.name), { timeout: 60_000 })
      .toBe(true);
    socket.restore();

    await expect(anna.getByRole('status', { name: /Connection: Live/ })).toBeVisible({ timeout: 20_000 });
    await expect(
      anna.getByRole('alert').filter({ hasText: 'You were set to Offline because your connection was lost for more than 10 seconds' }),
    ).toBeVisible();
    // Connecting again makes her available; the conversation waits in the picklist.
    await expect(anna.getByRole('button', { name: 'Presence: Available' })).toBeVisible();
    await anna.getByRole('tab', { name: /Picklist/ }).click();
    await expect(anna.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: kim.name })).toBeVisible();
    await anna.getByRole('button', { name: 'Dismiss' }).click();
    await expect(anna.getByRole('alert')).toHaveCount(0);
    await customer.context().close();
  } finally {
    await context.close();
    await restore();
    await Promise.all([adminApi.dispose(), annaApi.dispose(), benApi.dispose()]);
  }
});
