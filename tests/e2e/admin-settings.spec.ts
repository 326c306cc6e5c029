import type { Page } from '@playwright/test';
import { DEFAULT_ROUTING_SETTINGS, SettingsResponseSchema } from '../../src/contract/settings';
import { DEMO_PASSWORD, DEMO_URL } from '../../playwright.config';
import { expect, test } from './fixtures';

const section = (page: Page, name: "Agents' uploads" | "Customers' uploads") => page.getByRole('group', { name, exact: true });
const saveButton = (page: Page) => page.getByRole('button', { name: 'Save changes' });
const savedNotice = (page: Page) => page.getByRole('status').filter({ hasText: 'Settings saved' });

test('an admin turns PNG off for agents in the System Configurator, and it stays off', async ({ agentPage }) => {
  const page = await agentPage('adam');
  // Tests share one server: whatever happens here, the policy is put back as it was.
  const original = SettingsResponseSchema.parse(await (await page.request.get('/api/settings')).json()).settings;
  try {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Admin pages' }).getByRole('link', { name: 'Settings' }).click();
    await expect(page).toHaveURL(/\/admin\/settings$/);
    await expect(page.getByRole('heading', { name: 'System Configurator' })).toBeVisible();

    const agentsPng = section(page, "Agents' uploads").getByRole('checkbox', { name: 'PNG (.png)' });
    const customersPng = section(page, "Customers' uploads").getByRole('checkbox', { name: 'PNG (.png)' });
    await expect(agentsPng).toBeChecked();
    await expect(customersPng).toBeChecked();
    await expect(section(page, "Agents' uploads").getByRole('group', { name: 'Documents' }).getByRole('checkbox', { name: 'PDF (.pdf)' })).toBeVisible();
    await expect(saveButton(page)).toBeDisabled();

    // Reset discards edits.
    await agentsPng.uncheck();
    await expect(saveButton(page)).toBeEnabled();
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(agentsPng).toBeChecked();
    await expect(saveButton(page)).toBeDisabled();

    // A size over the ceiling is refused next to its field, before anything is sent.
    const agentsSize = section(page, "Agents' uploads").getByRole('spinbutton', { name: 'Maximum file size (MB)' });
    await agentsSize.fill('60');
    await saveButton(page).click();
    await expect(section(page, "Agents' uploads").getByText('The size limit can be at most 50 MB')).toBeVisible();
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(section(page, "Agents' uploads").getByText('The size limit can be at most 50 MB')).toHaveCount(0);

    await agentsPng.uncheck();
    await saveButton(page).click();
    await expect(savedNotice(page)).toBeVisible();
    await expect(saveButton(page)).toBeDisabled();

    await page.reload();
    await expect(agentsPng).not.toBeChecked();
    // The customers' policy is separate.
    await expect(customersPng).toBeChecked();
    await expect(page.getByText(/Last saved by Adam/)).toBeVisible();

    await agentsPng.check();
    await saveButton(page).click();
    await expect(savedNotice(page)).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Conversations' }).click();
    await expect(page).toHaveURL(/\/agent/);
  } finally {
    // With the page's cookie: as the page itself would send it, from its own origin.
    const restored = await page.request.put('/api/settings', {
      headers: { origin: DEMO_URL },
      data: { agentUploads: original.agentUploads, customerUploads: original.customerUploads },
    });
    expect(restored.status()).toBe(200);
  }
});

test('an admin changes the offer timeout and reply time limit, and an out-of-range value is refused on the field', async ({ agentPage }) => {
  const page = await agentPage('adam');
  const original = SettingsResponseSchema.parse(await (await page.request.get('/api/settings')).json()).settings;
  try {
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('navigation', { name: 'Admin pages' }).getByRole('link', { name: 'Settings' }).click();
    const routing = page.getByRole('group', { name: 'Routing and response times' });
    const offerTimeout = routing.getByRole('spinbutton', { name: 'Offer timeout (seconds)' });
    const replyLimit = routing.getByRole('spinbutton', { name: 'Reply time limit (seconds)' });
    await expect(offerTimeout).toHaveValue(String(original.routing.offerTimeoutSeconds));
    await expect(replyLimit).toHaveValue(String(original.routing.replyTimeLimitSeconds));
    await expect(routing.getByRole('spinbutton', { name: 'Missed offers before Away' })).toHaveValue(String(original.routing.maxMissedOffers));
    await expect(routing.getByRole('spinbutton', { name: 'Lost-connection grace (seconds)' })).toHaveValue(
      String(original.routing.lostAgentGraceSeconds),
    );
    await expect(routing.getByText(/how long an agent has to accept an offered conversation before it goes to the next agent/i)).toBeVisible();

    await offerTimeout.fill('45');
    await replyLimit.fill('300');
    await saveButton(page).click();
    await expect(savedNotice(page)).toBeVisible();
    await expect(saveButton(page)).toBeDisabled();

    await page.reload();
    await expect(offerTimeout).toHaveValue('45');
    await expect(replyLimit).toHaveValue('300');

    // Refused next to the field, before anything is sent, and the field gets the focus.
    await offerTimeout.fill('2');
    await saveButton(page).click();
    await expect(routing.getByText('At least 5 seconds')).toBeVisible();
    await expect(offerTimeout).toBeFocused();
    await expect(page.getByText('Some settings need fixing: see the marked fields.')).toBeVisible();
    await page.getByRole('button', { name: 'Reset' }).click();
    await expect(offerTimeout).toHaveValue('45');
    await expect(routing.getByText('At least 5 seconds')).toHaveCount(0);
    await expect(saveButton(page)).toBeDisabled();
  } finally {
    // Other specs count on the default offer timeout and reply time limit.
    const restored = await page.request.put('/api/settings', {
      headers: { origin: DEMO_URL },
      data: { agentUploads: original.agentUploads, customerUploads: original.customerUploads, routing: DEFAULT_ROUTING_SETTINGS },
    });
    expect(restored.status()).toBe(200);
  }
});

for (const username of ['anna', 'sara']) {
  test(`${username} sees a 403 page instead of the settings`, async ({ agentPage }) => {
    const page = await agentPage(username);
    await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0);
    await page.goto('/admin/settings');
    await expect(page.getByRole('heading', { name: '403 — only admins can manage the workspace' })).toBeVisible();
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await page.getByRole('link', { name: 'Back to the panel' }).click();
    await expect(page).toHaveURL(/\/agent/);
  });
}

test('a visitor who is not logged in logs in first and comes back to the settings', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/admin/settings');
  await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
  await page.getByLabel('Username').fill('adam');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'System Configurator' })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/settings$/);
  await context.close();
});
