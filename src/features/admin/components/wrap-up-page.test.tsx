// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { mockData } from '../../../mocks/data';
import { logInMock, setUpMockApi } from '../../../mocks/testing';
import { adminWrapUpQueryOptions } from '../api/wrap-up';
import { WrapUpPage } from './wrap-up-page';

/** Renders the page as its route does: after the loader has put the reasons in the cache. */
async function renderPage() {
  const queryClient = createQueryClient();
  await queryClient.ensureQueryData(adminWrapUpQueryOptions());
  render(
    <QueryClientProvider client={queryClient}>
      <Suspense fallback={null}>
        <WrapUpPage />
      </Suspense>
    </QueryClientProvider>,
  );
}

setUpMockApi();
beforeEach(async () => {
  await logInMock('adam');
});
afterEach(cleanup);

describe('WrapUpPage', () => {
  it('adds a reason for chosen queues, after saying a queue must be chosen', async () => {
    await renderPage();
    await userEvent.click(await screen.findByRole('button', { name: 'New reason' }));
    const dialog = await screen.findByRole('dialog', { name: 'New end reason' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'Refund issued');
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Chosen queues' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(await within(dialog).findByText('Choose at least one queue, or all queues')).toBeTruthy();

    await userEvent.click(await within(dialog).findByRole('checkbox', { name: 'Billing' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByText('End reason Refund issued added')).toBeTruthy();
    const row = (await screen.findByRole('rowheader', { name: 'Refund issued' })).closest('tr')!;
    expect(within(row).getByText('Billing')).toBeTruthy();
    expect(mockData.wrapUp.codes.find((c) => c.name === 'Refund issued')).toMatchObject({ allQueues: false, queueIds: [mockData.queues.find((q) => q.name === 'Billing')!.id] });
  });

  it('retires a reason after asking, and warns of a required queue that offers no reason', async () => {
    // Only one reason in use, and Sales requires one.
    for (const code of mockData.wrapUp.codes.filter((c) => c.name !== 'Resolved')) code.retiredAt = new Date().toISOString();
    await renderPage();
    await userEvent.click(await screen.findByRole('switch', { name: 'Reason required in Sales' }));
    expect(await screen.findByText('Chats in Sales now need an end reason')).toBeTruthy();
    expect(screen.queryByText(/No reason in use is offered in Sales/)).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Retire Resolved' }));
    const confirm = await screen.findByRole('dialog', { name: 'Retire Resolved?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Retire' }));
    expect(await screen.findByText('End reason Resolved retired')).toBeTruthy();
    expect(await screen.findByText('No reason in use is offered in Sales: its agents cannot end a chat until you add one.')).toBeTruthy();
    expect(within(screen.getByRole('rowheader', { name: 'Resolved' }).closest('tr')!).getByRole('button', { name: 'Put Resolved back in use' })).toBeTruthy();
  });
});
