import type { Page } from '@playwright/test';
import { endAfterTest, expect, sendMessage, signedIdentityQuery, startCustomerChat, test, thread, uniqueCustomer } from './fixtures';
import { expectNoHorizontalScroll, expectNoSeriousAxeViolations, expectTapTargets, PHONE, pullDown, SMALL_PHONE, swipeLeft, TABLET } from './touch';

/** Screenshots to look at, one per screen (kept out of git in .tmp/). */
const shot = (page: Page, name: string) => page.screenshot({ path: `.tmp/shots/${name}.png` });

const bottomNav = (page: Page) => page.getByRole('navigation', { name: 'Pages' });
const drawer = (page: Page) => page.getByRole('complementary', { name: 'Conversation side panel' });

test.describe('on a phone', () => {
  test('an agent picks, replies, opens the actions and a row’s notes, and ends a chat by swiping', async ({ browser, agentPage }) => {
    const customer = uniqueCustomer('Pocket');
    const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Writing from the bus' });
    const anna = await agentPage('anna', PHONE);

    // The Picklist fills the screen, with the bottom navigation under it.
    await expect(anna.getByRole('heading', { level: 1, name: 'Picklist' })).toBeVisible();
    await expect(bottomNav(anna).getByRole('link', { name: /Conversations/ })).toBeVisible();
    await expect(bottomNav(anna).getByRole('link', { name: /Picklist/ })).toHaveAttribute('aria-current', 'page');
    await expect(bottomNav(anna).getByRole('link', { name: /History/ })).toBeVisible();
    await expect(bottomNav(anna).getByRole('button', { name: 'More' })).toBeVisible();
    const row = anna.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: customer.name });
    await expect(row).toContainText('Writing from the bus');
    await expectNoHorizontalScroll(anna, 'Picklist');
    await shot(anna, 'phone-picklist');
    await expectNoSeriousAxeViolations(anna, 'Picklist');
    await expectTapTargets(anna, 'Picklist');

    // Picking opens the conversation on the whole screen: the way back, the customer, the queue, the actions.
    await row.getByRole('button', { name: `Pick ${customer.name}` }).click();
    await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();
    await expect(anna.getByText(/^Support · /)).toBeVisible();
    await expect(anna.getByRole('button', { name: 'Back to the list' })).toBeVisible();
    await expect(bottomNav(anna)).toBeHidden();
    await expect(anna.getByRole('list', { name: 'Picklist' })).toBeHidden();
    await sendMessage(anna, 'Hello from my phone');
    await expect(thread(customerPage).getByText('Hello from my phone')).toBeVisible();
    await expect(thread(anna).getByText('Hello from my phone')).toBeInViewport();
    await expect(anna.getByRole('textbox', { name: 'Message' })).toBeInViewport();
    await expectNoHorizontalScroll(anna, 'Conversation');
    // Camera opens the phone's own camera app (a file input with `capture`), not the in-page camera.
    await anna.getByRole('button', { name: 'Attach', exact: true }).click();
    const chooser = anna.waitForEvent('filechooser');
    await anna.getByRole('menuitem', { name: 'Camera' }).click();
    expect(await (await chooser).element().getAttribute('capture')).toBe('environment');
    await expect(anna.getByRole('dialog', { name: 'Camera' })).toHaveCount(0);
    // The Attach menu fades out; scanned mid-fade its faded items would count as low contrast.
    await expect(anna.getByRole('menu')).toHaveCount(0);
    await shot(anna, 'phone-conversation');
    await expectNoSeriousAxeViolations(anna, 'Conversation');
    await expectTapTargets(anna, 'Conversation');

    // The three-dots menu has every action, End chat included (no room for its button here).
    await anna.getByRole('button', { name: 'Conversation actions' }).click();
    for (const action of ['Customer details', 'Conversation details', 'Conversation history', 'Internal notes', 'Transfer', 'End chat']) {
      await expect(anna.getByRole('menuitem', { name: action })).toBeVisible();
    }
    await shot(anna, 'phone-action-menu');
    await anna.getByRole('menuitem', { name: 'Customer details' }).click();
    // The side panel is a sheet over the whole screen.
    await expect(drawer(anna).getByRole('heading', { name: 'Customer details' })).toBeVisible();
    await expect(drawer(anna).getByRole('definition').filter({ hasText: customer.email })).toBeVisible();
    expect(await drawer(anna).boundingBox()).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
    await expectNoHorizontalScroll(anna, 'Customer details sheet');
    await shot(anna, 'phone-customer-sheet');
    await expectNoSeriousAxeViolations(anna, 'Customer details sheet');
    await drawer(anna).getByRole('button', { name: 'Close side panel' }).click();
    await expect(drawer(anna)).toBeHidden();

    // Back to the list the conversation went to: my Conversations.
    await anna.getByRole('button', { name: 'Back to the list' }).click();
    await expect(anna.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible();
    const held = anna.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: customer.name });
    await expect(held).toBeVisible();
    await shot(anna, 'phone-conversations');

    // A half swipe reveals More and End chat; More opens the row's action sheet.
    await swipeLeft(anna, held, 130);
    await expect(held.getByRole('button', { name: 'End chat' })).toBeVisible();
    await expect(held.getByRole('button', { name: 'More', exact: true })).toBeVisible();
    await shot(anna, 'phone-row-swiped');
    // The swipe opened nothing.
    await expect(anna.getByRole('button', { name: 'Back to the list' })).toBeHidden();
    await held.getByRole('button', { name: 'More', exact: true }).click();
    const sheet = anna.getByRole('dialog', { name: `Actions for ${customer.name}` });
    for (const action of ['Customer details', 'Conversation details', 'Conversation history', 'Internal notes', 'Transfer', 'End chat']) {
      await expect(sheet.getByRole('button', { name: action })).toBeVisible();
    }
    await shot(anna, 'phone-row-sheet');
    await expectNoSeriousAxeViolations(anna, 'Row action sheet');
    await expectTapTargets(anna, 'Row action sheet');
    await sheet.getByRole('button', { name: 'Internal notes' }).click();
    await expect(drawer(anna).getByRole('heading', { name: 'Internal notes' })).toBeVisible();
    await drawer(anna).getByRole('textbox', { name: 'New note' }).fill('Customer is travelling');
    await drawer(anna).getByRole('button', { name: 'Save' }).click();
    await expect(drawer(anna).getByRole('list', { name: 'Internal notes' }).getByText('Customer is travelling')).toBeVisible();
    await shot(anna, 'phone-notes-sheet');
    await drawer(anna).getByRole('button', { name: 'Close side panel' }).click();
    await anna.getByRole('button', { name: 'Back to the list' }).click();

    // Without swiping: the row's ⋮ button opens the same sheet.
    await held.getByRole('button', { name: `More actions for ${customer.name}` }).click();
    await expect(sheet.getByRole('button', { name: 'End chat' })).toBeVisible();
    await anna.keyboard.press('Escape');
    await expect(sheet).toBeHidden();

    // A full swipe asks to end the chat; Cancel keeps it, and the row comes back.
    await swipeLeft(anna, held, 300);
    const confirm = anna.getByRole('dialog', { name: 'End this chat?' });
    await expect(confirm).toBeVisible();
    await shot(anna, 'phone-end-confirm');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(held).toBeVisible();
    await swipeLeft(anna, held, 300);
    await confirm.getByRole('button', { name: 'End chat' }).click();
    await expect(held).toHaveCount(0);
    await expect(customerPage.getByRole('status').filter({ hasText: 'The chat has ended' })).toBeVisible();
  });

  test('pulling down at the top of a thread brings in the customer’s earlier conversations', async ({ browser, agentPage }) => {
    // James Smith (customer C-1002) has two earlier, ended conversations in the demo data.
    const identity = await signedIdentityQuery(browser, 'C-1002');
    // The signed identity names the customer James Smith, not the James typed in: ended by that name after the test.
    endAfterTest('James Smith');
    await startCustomerChat(browser, { queue: 'Support', name: 'James', email: 'james.smith@example.com', text: 'On my phone this time', identity });
    const ben = await agentPage('ben', PHONE);
    await ben.getByRole('button', { name: 'Pick James Smith' }).click();
    await expect(ben.getByRole('heading', { name: 'James Smith' })).toBeVisible();
    const log = thread(ben);
    await expect(log.getByText('On my phone this time')).toBeVisible();
    await expect(log.getByRole('region', { name: /Earlier conversation/ })).toHaveCount(0);

    // A short pull does nothing; a long one loads.
    await pullDown(ben, log, 60);
    await expect(log.getByRole('region', { name: /Earlier conversation/ })).toHaveCount(0);
    await pullDown(ben, log, 240);
    await expect(log.getByRole('region', { name: /Earlier conversation/ })).toHaveCount(1);
    await expect(log.getByText('This conversation')).toBeVisible();
    await shot(ben, 'phone-earlier-conversations');
  });

  test('More leads to Preferences, the supervisor and admin areas and Log out; no screen scrolls sideways', async ({ agentPage }) => {
    const adam = await agentPage('adam', SMALL_PHONE);
    // Admins start on their own pages; the bottom navigation leads to the panel's lists.
    await expect(adam).toHaveURL(/\/admin\/queues/);
    await bottomNav(adam).getByRole('link', { name: /Picklist/ }).click();
    await expect(adam.getByRole('heading', { level: 1, name: 'Picklist' })).toBeVisible();
    await expectNoHorizontalScroll(adam, 'Picklist at 360 px');
    await bottomNav(adam).getByRole('link', { name: /History/ }).click();
    await expect(adam.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
    await expect(adam.getByRole('list', { name: 'History' }).getByRole('listitem').first()).toBeVisible();
    await expectNoHorizontalScroll(adam, 'History at 360 px');
    // The search's label and the order field's text show whole, not cut short.
    for (const field of [adam.locator('label', { hasText: 'Search customers' }), adam.getByRole('combobox', { name: 'Sort by' })]) {
      expect(await field.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    await shot(adam, 'small-phone-history');

    const more = async (page: string) => {
      await bottomNav(adam).getByRole('button', { name: 'More' }).click();
      await adam.getByRole('menuitem', { name: page, exact: true }).click();
    };
    await more('Preferences');
    await expect(adam.getByRole('heading', { level: 1, name: 'Preferences' })).toBeVisible();
    await expectNoHorizontalScroll(adam, 'Preferences');
    await shot(adam, 'small-phone-preferences');
    await expectNoSeriousAxeViolations(adam, 'Preferences');

    await more('Supervisor');
    await expect(adam.getByRole('table', { name: 'Queues right now' })).toBeVisible();
    await expectNoHorizontalScroll(adam, 'Supervisor, Queues');
    await shot(adam, 'small-phone-supervisor-queues');
    await expectNoSeriousAxeViolations(adam, 'Supervisor, Queues');
    for (const tab of ['Agents', 'Conversations']) {
      await adam.getByRole('tab', { name: tab }).click();
      await expect(adam.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      await expect(adam.getByRole('table')).toBeVisible();
      await expectNoHorizontalScroll(adam, `Supervisor, ${tab}`);
      await shot(adam, `small-phone-supervisor-${tab.toLowerCase()}`);
    }

    await more('Admin');
    for (const [tab, path] of [['Queues', 'queues'], ['Users', 'users'], ['Audit trail', 'audit'], ['Settings', 'settings']] as const) {
      await adam.getByRole('navigation', { name: 'Admin pages' }).getByRole('link', { name: tab }).click();
      await expect(adam).toHaveURL(new RegExp(`/admin/${path}`));
      await expect(adam.getByRole('main').getByRole('heading').first()).toBeVisible();
      await expectNoHorizontalScroll(adam, `Admin, ${tab}`);
      await shot(adam, `small-phone-admin-${path}`);
    }
    await expectNoSeriousAxeViolations(adam, 'Admin, Settings');

    await bottomNav(adam).getByRole('button', { name: 'More' }).click();
    await adam.getByRole('menuitem', { name: 'Log out' }).click();
    await expect(adam.getByRole('button', { name: 'Log in' })).toBeVisible();
    await expectNoHorizontalScroll(adam, 'Login');
  });
});

test.describe('on a tablet', () => {
  test('list and chat side by side, the side panel over the chat, and a swipe ends a chat', async ({ browser, agentPage }) => {
    const customer = uniqueCustomer('Slate');
    const customerPage = await startCustomerChat(browser, { queue: 'Support', ...customer, text: 'Hello from a tablet' });
    const anna = await agentPage('anna', TABLET);
    const row = anna.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: customer.name });
    await expect(row).toBeVisible();
    await expect(anna.getByRole('button', { name: 'Log out' })).toBeInViewport();
    await expectNoHorizontalScroll(anna, 'Tablet picklist');
    await shot(anna, 'tablet-picklist');

    await row.getByRole('button', { name: `Pick ${customer.name}` }).click();
    await expect(anna.getByRole('heading', { name: customer.name })).toBeVisible();
    // Both panes at once.
    const list = anna.getByRole('list', { name: 'Conversations' });
    await expect(list.getByRole('listitem', { name: customer.name })).toBeInViewport();
    await sendMessage(anna, 'Typing on a tablet');
    await expect(thread(customerPage).getByText('Typing on a tablet')).toBeVisible();
    await expectNoHorizontalScroll(anna, 'Tablet conversation');
    await shot(anna, 'tablet-conversation');

    await anna.getByRole('button', { name: 'Conversation actions' }).click();
    await anna.getByRole('menuitem', { name: 'Internal notes' }).click();
    await expect(drawer(anna).getByRole('heading', { name: 'Internal notes' })).toBeVisible();
    // Over the chat, right of the list; the list stays as it is.
    const panel = (await drawer(anna).boundingBox())!;
    const chat = (await anna.getByRole('region', { name: `Chat with ${customer.name}` }).boundingBox())!;
    expect(panel.x + panel.width).toBeCloseTo(820, 0);
    expect(panel.x).toBeGreaterThan(chat.x);
    await expect(list.getByRole('listitem', { name: customer.name })).toBeInViewport();
    await expectNoHorizontalScroll(anna, 'Tablet side panel');
    await shot(anna, 'tablet-side-panel');
    await drawer(anna).getByRole('button', { name: 'Close side panel' }).click();

    const held = list.getByRole('listitem', { name: customer.name });
    await swipeLeft(anna, held, 260);
    await anna.getByRole('dialog', { name: 'End this chat?' }).getByRole('button', { name: 'End chat' }).click();
    await expect(held).toHaveCount(0);
    await expect(customerPage.getByRole('status').filter({ hasText: 'The chat has ended' })).toBeVisible();
  });

  test('the supervisor and admin pages fit a tablet', async ({ agentPage }) => {
    const adam = await agentPage('adam', TABLET);
    await expect(adam.getByRole('button', { name: 'Log out' })).toBeInViewport();
    for (const [path, name] of [
      ['/supervisor', 'supervisor-queues'],
      ['/supervisor?tab=agents', 'supervisor-agents'],
      ['/supervisor?tab=conversations', 'supervisor-conversations'],
      ['/admin/queues', 'admin-queues'],
      ['/admin/users', 'admin-users'],
      ['/admin/audit', 'admin-audit'],
      ['/admin/settings', 'admin-settings'],
      ['/preferences', 'preferences'],
    ] as const) {
      await adam.goto(path);
      await expect(adam.getByRole('main').getByRole('heading').first()).toBeVisible();
      await expectNoHorizontalScroll(adam, path);
      await shot(adam, `tablet-${name}`);
    }
  });
});
