// @vitest-environment jsdom
import { ThemeProvider } from '@mui/material';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRouter, RouterProvider } from '@tanstack/react-router';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createQueryClient } from '../lib/query-client';
import { notFoundStrings } from '../lib/not-found-strings';
import { forbiddenStrings } from '../lib/forbidden-strings';
import { panelStrings, staffFrameStrings } from '../lib/staff-page-strings';
import { adminStrings } from '../lib/admin-strings';
import { supervisorStrings } from '../lib/supervisor-strings';
import { fakeLayout } from '../lib/test-layout';
import { theme } from '../lib/theme';
import { MOCK_PASSWORD } from '../mocks/data';
import { setUpMockApi } from '../mocks/testing';
import { routeTree } from '../routeTree.gen';

/*
 * The real app — the generated route tree, a real QueryClient and the real API client — at a
 * memory URL, answered by the MSW handlers (src/mocks) as `npm run dev:mock` is. The tests say what
 * a user does and sees, so they hold however the routes load their data.
 */

setUpMockApi();
// The virtualised lists render the rows that fit in a panel of this size.
beforeAll(() => fakeLayout());
afterEach(cleanup);

function renderAt(path: string) {
  const queryClient = createQueryClient();
  const router = createRouter({ routeTree, context: { queryClient }, history: createMemoryHistory({ initialEntries: [path] }) });
  render(
    <ThemeProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ThemeProvider>,
  );
  return router;
}

async function logIn(username: string, path = '/login') {
  const router = renderAt(path);
  await userEvent.type(await screen.findByLabelText(/username/i, {}, { timeout: 10_000 }), username);
  await userEvent.type(screen.getByLabelText(/password/i), MOCK_PASSWORD);
  await userEvent.click(screen.getByRole('button', { name: /log in/i }));
  return router;
}

/** The names of the customers a sidebar list shows, in its order. */
const customersIn = (list: HTMLElement) => within(list).queryAllByRole('listitem').map((row) => row.getAttribute('aria-label'));

describe('the app against the mocks', () => {
  it('logs an agent in to the panel, with the Picklist and their Conversations', async () => {
    const router = await logIn('anna');
    expect(await screen.findByRole('tab', { name: /picklist/i }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /conversations/i })).toBeTruthy();
    expect(screen.getByText('Anna Lindqvist')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/agent');
  });

  it('moves a conversation an agent picks from the Picklist to their Conversations', async () => {
    await logIn('anna');
    // Anna serves Support and Billing: Support's two waiting customers, the oldest first.
    const picklist = await screen.findByRole('list', { name: panelStrings.picklist }, { timeout: 10_000 });
    await within(picklist).findByRole('listitem', { name: 'Maria Garcia' });
    expect(customersIn(picklist)).toEqual(['Maria Garcia', 'Lukas Becker']);

    await userEvent.click(within(picklist).getByRole('button', { name: `${panelStrings.pick} Maria Garcia` }));

    // Her chat opens, ready to write, with her Conversations beside it.
    expect(await screen.findByRole('region', { name: 'Chat with Maria Garcia' }, { timeout: 10_000 })).toBeTruthy();
    expect(await screen.findByRole('textbox', { name: /message/i })).toBeTruthy();
    const mine = await screen.findByRole('list', { name: panelStrings.conversations });
    await within(mine).findByRole('listitem', { name: 'Maria Garcia' });
    expect(customersIn(mine)).toEqual(['Maria Garcia']);

    // The Picklist no longer offers her.
    await userEvent.click(screen.getByRole('tab', { name: /picklist/i }));
    const after = await screen.findByRole('list', { name: panelStrings.picklist });
    await within(after).findByRole('listitem', { name: 'Lukas Becker' });
    expect(customersIn(after)).toEqual(['Lukas Becker']);
  });

  it('lands a supervisor on the supervisor page and an admin on the admin pages, not on the Picklist', async () => {
    const sara = await logIn('sara');
    expect(await screen.findByRole('heading', { name: supervisorStrings.title }, { timeout: 10_000 })).toBeTruthy();
    expect(sara.state.location.pathname).toBe('/supervisor');
    cleanup();
    const adam = await logIn('adam');
    expect(await screen.findByRole('heading', { name: adminStrings.queues.title }, { timeout: 10_000 })).toBeTruthy();
    expect(adam.state.location.pathname).toBe('/admin/queues');
  });

  it('says an unknown address has no page, inside the frame, with the way to the start page', async () => {
    await logIn('anna', '/login?redirect=/no/such/page');
    expect(await screen.findByRole('heading', { name: notFoundStrings.title }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText(notFoundStrings.body('/no/such/page'))).toBeTruthy();
    expect(screen.getByRole('navigation', { name: staffFrameStrings.navLabel })).toBeTruthy();
    await userEvent.click(screen.getByRole('link', { name: notFoundStrings.back['/agent'] }));
    expect(await screen.findByRole('tab', { name: /picklist/i }, { timeout: 10_000 })).toBeTruthy();
  });

  it('lists the users to an admin', async () => {
    await logIn('adam', '/login?redirect=/admin/users');
    expect(await screen.findByText('Anna Lindqvist', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('Ben Okafor')).toBeTruthy();
    expect(screen.getByText('Sara Moreau')).toBeTruthy();
  });

  it('tells an agent that the admin pages are not theirs', async () => {
    await logIn('anna', '/login?redirect=/admin');
    expect(await screen.findByRole('heading', { name: forbiddenStrings.admin.title }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText('Ben Okafor')).toBeNull();
  });

  it('keeps an agent’s own canned responses on their page, beside the shared ones she may only read', async () => {
    await logIn('anna');
    await userEvent.click(await screen.findByRole('link', { name: staffFrameStrings.cannedResponses }, { timeout: 10_000 }));
    expect(await screen.findByRole('heading', { name: 'Canned responses' }, { timeout: 10_000 })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'New response' }));
    const dialog = await screen.findByRole('dialog', { name: 'New canned response' });
    // Agents make personal responses only.
    expect(within(dialog).queryAllByRole('radio')).toEqual([]);
    // Pasted rather than typed key by key: jsdom renders the dialog again for every key.
    await userEvent.click(within(dialog).getByRole('textbox', { name: /shortcut/i }));
    await userEvent.paste('Thanks');
    await userEvent.click(within(dialog).getByRole('textbox', { name: /^text/i }));
    await userEvent.paste('Thank you for waiting!');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    const mine = await screen.findByRole('table', { name: 'My responses' });
    expect(within(mine).getByRole('row', { name: /\/thanks Thank you for waiting!/ })).toBeTruthy();
    expect(screen.getByText('/thanks was created.')).toBeTruthy();
    // The demo's shared ones for her queues, without a way to change them.
    const shared = screen.getByRole('table', { name: 'Shared responses' });
    expect(within(shared).getByRole('row', { name: /\/refund/ })).toBeTruthy();
    expect(within(shared).queryAllByRole('button')).toEqual([]);
  });
});
