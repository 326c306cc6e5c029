// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../../contract/conversations';
import { createQueryClient } from '../../../lib/query-client';
import { mockData } from '../../../mocks/data';
import { logInMock, setUpMockApi } from '../../../mocks/testing';
import { pickConversation } from '../api/pick-conversation';
import { EndChatDialog } from './end-chat-dialog';

setUpMockApi();
let held: Conversation;
beforeEach(async () => {
  await logInMock('anna');
  // Maria's chat waits in Support, which now needs a reason to end a chat.
  const maria = mockData.conversations.find((c) => c.state === 'queued' && mockData.customers.find((x) => x.id === c.customerId)?.name === 'Maria Garcia')!;
  held = await pickConversation(maria.id);
  mockData.wrapUp.requiredQueueIds.add(held.queue.id);
});
afterEach(cleanup);

function renderDialog(onEnded = vi.fn()) {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <EndChatDialog conversation={held} open onClose={() => undefined} onEnded={onEnded} />
    </QueryClientProvider>,
  );
  return onEnded;
}

describe('EndChatDialog', () => {
  it("offers the queue's reasons, refuses End without one where the queue needs it, and ends with one and a summary", async () => {
    const onEnded = renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'End this chat?' });
    const reason = await within(dialog).findByRole('combobox', { name: /Reason/ });
    await userEvent.click(within(dialog).getByRole('button', { name: 'End chat' }));
    expect(await within(dialog).findByText('Choose a reason to end this chat: this queue needs one.')).toBeTruthy();
    expect(document.activeElement).toBe(reason);
    expect(mockData.conversations.find((c) => c.id === held.id)?.state).toBe('picked');

    await userEvent.click(reason);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Follow-up needed', 'Not our topic', 'Resolved']);
    await userEvent.click(screen.getByRole('option', { name: 'Resolved' }));
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Summary (optional)' }), ' Reset her password. ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'End chat' }));
    await waitFor(() => expect(onEnded).toHaveBeenCalled());
    expect(mockData.wrapUp.ended.find((e) => e.conversationId === held.id)).toMatchObject({ summary: 'Reset her password.' });
  });

  it("shows the server's refusal of a reason retired meanwhile on the field, with the queue's reasons fetched afresh", async () => {
    const onEnded = renderDialog();
    const dialog = await screen.findByRole('dialog', { name: 'End this chat?' });
    await userEvent.click(await within(dialog).findByRole('combobox', { name: /Reason/ }));
    await userEvent.click(screen.getByRole('option', { name: 'Resolved' }));
    // An admin retires it while the dialog is open.
    mockData.wrapUp.codes.find((c) => c.name === 'Resolved')!.retiredAt = new Date().toISOString();
    await userEvent.click(within(dialog).getByRole('button', { name: 'End chat' }));
    expect(await within(dialog).findByText('This reason cannot be used in this queue any more. Choose another.')).toBeTruthy();
    expect(onEnded).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('combobox', { name: /Reason/ }));
    await waitFor(() => expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Follow-up needed', 'Not our topic']));
  });
});
