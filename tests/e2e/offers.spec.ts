import { expect, logIn, startCustomerChat, test, uniqueCustomer } from './fixtures';
import { controlRealtimeSocket } from './realtime-socket';
import { StaffApi } from './staff-api';

/*
 * Billing offers each new conversation to the available agent with free capacity who has waited
 * longest; Anna and Ben serve it. Each test sets who is available, so routing is deterministic.
 */
let annaApi: StaffApi;
let benApi: StaffApi;

test.beforeEach(async () => {
  annaApi = await StaffApi.as('anna');
  benApi = await StaffApi.as('ben');
  await benApi.setPresence('away');
  await annaApi.setPresence('available');
  await annaApi.clearWork('Billing');
  await benApi.clearWork('Billing');
});

test.afterEach(async () => {
  await annaApi.setPresence('available');
  await benApi.setPresence('available');
  await annaApi.dispose();
  await benApi.dispose();
});

test('an offered conversation is accepted and opens', async ({ browser, agentPage }) => {
  const anna = await agentPage('anna');
  const kim = uniqueCustomer('Offer');
  const customer = await startCustomerChat(browser, { queue: 'Billing', ...kim, text: 'Question about my invoice' });

  const offer = anna.getByRole('region', { name: `Offer: ${kim.name}` });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('Billing');
  await expect(offer).toContainText('Question about my invoice');
  await expect(offer.getByRole('progressbar', { name: 'Time left to answer' })).toBeVisible();
  await expect(offer).toContainText(/\d+ seconds? left/);
  // Offered to one agent only: it is nobody's to pick meanwhile.
  await expect(anna.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: kim.name })).toHaveCount(0);

  await offer.getByRole('button', { name: 'Accept' }).click();
  await expect(anna.getByRole('heading', { name: kim.name })).toBeVisible();
  await expect(offer).toHaveCount(0);
  await expect(anna.getByRole('textbox', { name: 'Message' })).toBeEditable();
  await expect(customer.getByText('You are chatting with Anna Lindqvist')).toBeVisible();
  await customer.context().close();
});

test('a rejected offer goes to the next agent', async ({ browser, agentPage }) => {
  const anna = await agentPage('anna');
  const ben = await agentPage('ben');
  await expect(ben.getByRole('button', { name: 'Presence: Away' })).toBeVisible();

  const kim = uniqueCustomer('Reject');
  const customer = await startCustomerChat(browser, { queue: 'Billing', ...kim, text: 'Can someone help?' });
  const annaOffer = anna.getByRole('region', { name: `Offer: ${kim.name}` });
  await expect(annaOffer).toBeVisible();

  // Ben comes back while Anna has the offer: he is next in line.
  await ben.getByRole('button', { name: 'Presence: Away' }).click();
  await ben.getByRole('menuitemradio', { name: /^Available/ }).click();
  await expect(ben.getByRole('button', { name: 'Presence: Available' })).toBeVisible();
  await expect(ben.getByRole('region', { name: `Offer: ${kim.name}` })).toHaveCount(0);

  await annaOffer.getByRole('button', { name: 'Reject' }).click();
  await expect(annaOffer).toHaveCount(0);
  const benOffer = ben.getByRole('region', { name: `Offer: ${kim.name}` });
  await expect(benOffer).toBeVisible();
  await benOffer.getByRole('button', { name: 'Accept' }).click();
  await expect(ben.getByRole('heading', { name: kim.name })).toBeVisible();
  await expect(anna.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: kim.name })).toHaveCount(0);
  await customer.context().close();
});

test('an offer left to time out returns to the picklist, and the agent is told why they are away', async ({ browser, agentPage }) => {
  const adminApi = await StaffApi.as('adam');
  const restore = await adminApi.withRoutingSettings({ offerTimeoutSeconds: 5, maxMissedOffers: 1 });
  try {
    const anna = await agentPage('anna');
    const kim = uniqueCustomer('Timeout');
    const customer = await startCustomerChat(browser, { queue: 'Billing', ...kim, text: 'Anyone?' });
    const offer = anna.getByRole('region', { name: `Offer: ${kim.name}` });
    await expect(offer).toBeVisible();

    // Nobody answers: the offer ends, and with Ben away nobody else can take it.
    await expect(offer).toHaveCount(0, { timeout: 20_000 });
    await expect(anna.getByRole('list', { name: 'Picklist' }).getByRole('listitem', { name: kim.name })).toBeVisible();

    const notice = anna.getByRole('alert').filter({ hasText: 'You were set to Away because an offer expired without an answer' });
    await expect(notice).toBeVisible();
    await expect(anna.getByRole('button', { name: 'Presence: Away' })).toBeVisible();
    await notice.getByRole('button', { name: 'Set to Available' }).click();
    await expect(anna.getByRole('button', { name: 'Presence: Available' })).toBeVisible();
    await expect(notice).toHaveCount(0);

    // Picking from the picklist still works for conversations of offer queues.
    await anna.getByRole('button', { name: `Pick ${kim.name}` }).click();
    await expect(anna.getByRole('heading', { name: kim.name })).toBeVisible();
    await customer.context().close();
  } finally {
    await restore();
    await adminApi.dispose();
  }
});

test('accepting an offer whose time is up is refused, and the agent is told where they clicked', async ({ browser }) => {
  const adminApi = await StaffApi.as('adam');
  const restore = await adminApi.withRoutingSettings({ offerTimeoutSeconds: 5 });
  const context = await browser.newContext();
  try {
    const anna = await context.newPage();
    const socket = await controlRealtimeSocket(anna);
    await logIn(anna, 'anna');
    const kim = uniqueCustomer('Late');
    const customer = await startCustomerChat(browser, { queue: 'Billing', ...kim, text: 'Still there?' });
    const offer = anna.getByRole('region', { name: `Offer: ${kim.name}` });
    await expect(offer).toBeVisible();

    // Without live events the card cannot learn that the offer ended; the server still refuses.
    await socket.cut();
    await expect(offer).toContainText('Time is up');
    await offer.getByRole('button', { name: 'Accept' }).click();
    await expect(anna.getByRole('alert').filter({ hasText: kim.name })).toContainText(/offer (has expired|has ended)/);
    await expect(offer).toHaveCount(0);
    await customer.context().close();
  } finally {
    await context.close();
    await restore();
    await adminApi.dispose();
  }
});
