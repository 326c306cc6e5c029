import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { expect, logIn, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';

/**
 * axe on every screen, in the light and the dark scheme: no serious or critical violations. The
 * staff follow the system's scheme unless they chose one (the default), so the browser's emulated
 * scheme picks it, as it does for the customers' web chat.
 */
const SCHEMES = ['light', 'dark'] as const;

async function expectAccessible(page: Page, screen: string) {
  // The scheme is set on the html element before anything is checked.
  await expect(page.locator('html')).toHaveClass(/\b(light|dark)\b/);
  // Colours are checked once they have settled: a button just enabled fades into its colours for a
  // moment (seen: "Generate secret" as its settings arrived), and axe would measure the blend.
  // Spinners and other endless animations are left running.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
  expect.soft(bad, `axe on ${screen}`).toEqual([]);
}

async function staffPage(browser: Browser, scheme: (typeof SCHEMES)[number], username: string) {
  const context = await browser.newContext({ colorScheme: scheme });
  const page = await context.newPage();
  await logIn(page, username);
  return page;
}

for (const scheme of SCHEMES) {
  test.describe(`${scheme} scheme`, () => {
    test(`login, web chat and the agent's screens pass axe (${scheme})`, async ({ browser }) => {
      test.setTimeout(300_000);
      const customer = uniqueCustomer(`Axe ${scheme}`);
      const loginContext = await browser.newContext({ colorScheme: scheme });
      const login = await loginContext.newPage();
      await login.goto('/login');
      await expect(login.getByLabel('Username')).toBeVisible();
      await expectAccessible(login, 'login');
      await loginContext.close();

      // The web chat's start form, then its conversation.
      const webchatContext = await browser.newContext({ colorScheme: scheme });
      const webchat = await webchatContext.newPage();
      await webchat.goto('/webchat?queue=Support');
      await expect(webchat.getByLabel('Your name')).toBeVisible();
      await expectAccessible(webchat, 'web chat start');
      await webchatContext.close();
      const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Checking contrast' });
      await customerPage.emulateMedia({ colorScheme: scheme });
      await expectAccessible(customerPage, 'web chat conversation');

      const anna = await staffPage(browser, scheme, 'anna');
      await expect(anna.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: customer.name })).toBeVisible();
      await expectAccessible(anna, 'Picklist');
      await anna.getByRole('button', { name: `Pick ${customer.name}` }).click();
      await expect(anna.getByRole('textbox', { name: 'Message' })).toBeFocused();
      await anna.getByRole('textbox', { name: 'Message' }).fill('Hello from the panel');
      await anna.keyboard.press('Enter');
      await expect(thread(customerPage).getByText('Hello from the panel')).toBeVisible();
      await expectAccessible(anna, 'agent panel with a chat open');
      await expectAccessible(customerPage, 'web chat with an answer');

      // Each side panel section.
      for (const section of ['Customer details', 'Conversation details', 'Conversation history', 'Notes']) {
        await anna.getByRole('button', { name: 'Conversation actions' }).click();
        await anna.getByRole('menuitem', { name: section }).click();
        await expect(anna.getByRole('menu')).toHaveCount(0);
        await expect(anna.getByRole('tabpanel')).toBeVisible();
        await expectAccessible(anna, `side panel: ${section}`);
      }

      // The emoji picker, open.
      await anna.getByRole('button', { name: 'Insert emoji' }).click();
      await expect(anna.getByRole('dialog', { name: 'Emoji picker' })).toBeVisible();
      await expectAccessible(anna, 'emoji picker');
      await anna.keyboard.press('Escape');

      // The ? overlay.
      await anna.locator('body').click({ position: { x: 5, y: 300 } });
      await anna.keyboard.press('Shift+Slash');
      await expect(anna.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectAccessible(anna, 'shortcut overlay');
      await anna.keyboard.press('Escape');

      // My Conversations, the History and a transcript.
      await anna.getByRole('tab', { name: /Conversations/ }).click();
      await expect(anna.getByRole('list', { name: 'Conversations' })).toBeVisible();
      await expectAccessible(anna, 'my Conversations');
      await anna.getByRole('tab', { name: /History/ }).click();
      await expect(anna.getByRole('tabpanel').or(anna.getByRole('navigation', { name: 'Conversation lists' }))).not.toHaveCount(0);
      await expectAccessible(anna, 'History');

      await anna.goto('/preferences');
      await expect(anna.getByRole('radio', { name: 'Dark' })).toBeVisible();
      await expectAccessible(anna, 'preferences');
      await anna.goto('/canned-responses');
      await expect(anna.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expectAccessible(anna, 'canned responses');
    });

    test(`transcript, supervisor and admin pages pass axe (${scheme})`, async ({ browser }) => {
      test.setTimeout(300_000);
      const ben = await staffPage(browser, scheme, 'ben');
      await ben.getByRole('listitem', { name: 'Maria Garcia' }).getByRole('button', { name: 'More actions for Maria Garcia' }).click();
      await ben.getByRole('menuitem', { name: 'Conversation history' }).click();
      await expect(ben.getByRole('list', { name: 'Conversation history' }).getByRole('button').first()).toBeVisible();
      await expectAccessible(ben, 'side panel history');
      await ben.getByRole('list', { name: 'Conversation history' }).getByRole('button').first().click();
      await expect(ben.getByRole('dialog').getByRole('log', { name: 'Messages' }).getByRole('article').first()).toBeVisible();
      await expectAccessible(ben, 'transcript');

      const sara = await staffPage(browser, scheme, 'sara');
      await sara.goto('/supervisor');
      await expect(sara.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expectAccessible(sara, 'supervisor');

      const adam = await staffPage(browser, scheme, 'adam');
      for (const path of ['/admin/queues', '/admin/users', '/admin/channels', '/admin/wrap-up', '/admin/settings', '/admin/audit']) {
        // A page's own redirect can cut a navigation short: as a user would, go there again.
        await expect(async () => void (await adam.goto(path))).toPass();
        await expect(adam.getByRole('heading', { level: 2 }).first()).toBeVisible();
        await expectAccessible(adam, path);
      }
      // On a phone the tables are wider than the screen and scroll sideways: keyboards must reach them too.
      await adam.setViewportSize({ width: 390, height: 844 });
      for (const path of ['/admin/users', '/admin/queues']) {
        await expect(async () => void (await adam.goto(path))).toPass();
        await expect(adam.getByRole('table').first()).toBeVisible();
        await expectAccessible(adam, `${path} on a phone`);
      }
      await sara.setViewportSize({ width: 390, height: 844 });
      await sara.reload();
      await expect(sara.getByRole('table', { name: 'Queues right now' })).toBeVisible();
      await expectAccessible(sara, 'supervisor on a phone');
    });
  });
}

