// @vitest-environment jsdom
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, buildPath } from '../../../contract/api';
import { DEFAULT_ATTACHMENT_POLICY, UploadAttachmentResponseSchema, type Attachment } from '../../../contract/attachments';
import type { User } from '../../../contract/auth';
import { CannedResponseResponseSchema, type CreateCannedResponseRequest } from '../../../contract/canned-responses';
import { ConversationResponseSchema, type Conversation } from '../../../contract/conversations';
import { Composer } from '../../../components/composer';
import { useAttachmentUploads } from '../../../hooks/use-attachment-uploads';
import { createQueryClient } from '../../../lib/query-client';
import { mockData } from '../../../mocks/data';
import { answeredRequests, logInMock, setUpMockApi } from '../../../mocks/testing';
import { useCannedInserts } from './canned-inserts';

/*
 * The composer with canned responses against the mock API: Sara shares responses, Anna inserts
 * them into a chat she holds by `/shortcut` with the keyboard or from the picker.
 */

setUpMockApi();
afterEach(cleanup);

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 40 }, (_, i) => i)]);

async function as<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function share(token: string, body: Partial<CreateCannedResponseRequest>, file?: string) {
  let attachments: Attachment[] = [];
  if (file) {
    // Built by hand: jsdom's FormData does not reach the fetch of Node intact.
    const boundary = 'canned-test-boundary';
    const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file}"\r\nContent-Type: image/png\r\n\r\n`);
    const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
    const response = await fetch(api.uploadCannedAttachment.path, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body: new Uint8Array([...head, ...PNG, ...tail]),
    });
    const json: unknown = await response.json();
    if (!response.ok) throw new Error(`upload: ${response.status} ${JSON.stringify(json)}`);
    attachments = [UploadAttachmentResponseSchema.parse(json).attachment];
  }
  const answer = await as(token, 'POST', api.createCannedResponse.path, { scope: 'shared', text: 'x', ...body, attachmentIds: attachments.map((a) => a.id) });
  return CannedResponseResponseSchema.parse(answer).response;
}

/** Sara shares two responses (one with a file, one for Sales only); Anna logs in and holds a Support chat. */
async function setUp() {
  const sara = await logInMock('sara');
  const salesId = mockData.queues.find((q) => q.name === 'Sales')!.id;
  const hours = await share(sara.token, { shortcut: 'hours', text: 'Hi {{customer.firstName}}, we are open 9–5. {{order.id}}' }, 'hours.png');
  await share(sara.token, { shortcut: 'hello', text: 'Hello from {{queue.name}}!' });
  await share(sara.token, { shortcut: 'sales-only', text: 'Sales talk', queueId: salesId });
  const anna = await logInMock('anna');
  const waiting = mockData.conversations.find((c) => c.state === 'queued' && mockData.queues.find((q) => q.id === c.queueId)?.name === 'Support')!;
  const conversation = ConversationResponseSchema.parse(await as(anna.token, 'POST', buildPath(api.pick.path, { id: waiting.id }))).conversation;
  return { user: anna.user, conversation, hours };
}

function ChatComposer({ conversation, user, onSend }: { conversation: Conversation; user: User; onSend(text: string, attachments: Attachment[]): void }) {
  const uploads = useAttachmentUploads({ policy: DEFAULT_ATTACHMENT_POLICY, who: 'agents', upload: () => Promise.reject(new Error('not in this test')) });
  const inserts = useCannedInserts({ conversation, user, uploads, writing: true });
  return <Composer onSend={onSend} uploads={uploads} inserts={inserts} />;
}

async function renderComposer(conversation: Conversation, user: User) {
  const onSend = vi.fn();
  // In a router of its own: the picker links to the Canned responses page.
  const root = createRootRoute({ component: () => <ChatComposer conversation={conversation} user={user} onSend={onSend} /> });
  const router = createRouter({ routeTree: root, history: createMemoryHistory({ initialEntries: ['/'] }) });
  render(
    <QueryClientProvider client={createQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { onSend, box: await screen.findByRole('textbox', { name: 'Message' }) };
}

describe('canned responses in the composer', () => {
  it('suggests responses for /shortcut, inserts the chosen one with the keyboard, fills its placeholders and copies its file', async () => {
    const { user, conversation, hours } = await setUp();
    const { onSend, box } = await renderComposer(conversation, user);
    const person = userEvent.setup();
    await person.type(box, 'Sure. /h');
    const menu = await screen.findByRole('menu', { name: 'Canned responses' });
    // Shortcuts that start with it first, then the rest that contain it; only what a Support chat may use.
    const items = () => within(menu).getAllByRole('menuitem').map((item) => item.textContent);
    expect(items().slice(0, 2)).toEqual([expect.stringMatching(/^\/hello/), expect.stringMatching(/^\/hours.*1 file/)]);
    expect(items().some((item) => item?.startsWith('/sales-only'))).toBe(false);
    await person.type(box, 'o');
    await waitFor(() => expect(items()[0]).toMatch(/^\/hours.*1 file/));
    await person.keyboard('{Enter}');
    expect(screen.queryByRole('menu')).toBeNull();
    const customerFirstName = conversation.customer.name.split(' ')[0]!;
    expect(box).toHaveProperty('value', `Sure. Hi ${customerFirstName}, we are open 9–5. {{order.id}}`);
    expect(screen.queryByRole('menu')).toBeNull();

    const tray = screen.getByRole('list', { name: 'Attachments to send' });
    await waitFor(() => expect(within(tray).queryByRole('progressbar')).toBeNull());
    expect(within(tray).getByRole('listitem', { name: 'hours.png' })).toBeTruthy();
    // The unknown placeholder is pointed out until it is replaced.
    expect(screen.getByText('Not filled in: {{order.id}}. Replace it before sending.')).toBeTruthy();
    expect(answeredRequests()).toEqual(
      expect.arrayContaining([`POST /api/canned-responses/${hours.id}/uses`, `POST /api/conversations/${conversation.id}/canned-attachments`]),
    );
    await waitFor(() => expect(mockData.cannedResponses.find((r) => r.id === hours.id)?.useCount).toBe(1));

    await person.clear(box);
    await person.type(box, 'Order 4411{Enter}');
    expect(onSend).toHaveBeenCalledWith('Order 4411', [expect.objectContaining({ fileName: 'hours.png' })]);
  });

  it('closes the suggestions on Escape and keeps what was typed; a slash inside a word suggests nothing', async () => {
    const { user, conversation } = await setUp();
    const { box } = await renderComposer(conversation, user);
    const person = userEvent.setup();
    await person.type(box, '/hel');
    await screen.findByRole('menu', { name: 'Canned responses' });
    await person.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(box).toHaveProperty('value', '/hel');
    await person.clear(box);
    await person.type(box, 'and/h');
    // Give the list its chance to show up: it must not.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('inserts from the picker at the caret', async () => {
    const { user, conversation } = await setUp();
    const { box } = await renderComposer(conversation, user);
    const person = userEvent.setup();
    await person.type(box, 'Hi! ');
    await person.click(screen.getByRole('button', { name: 'Canned responses' }));
    const picker = await screen.findByRole('dialog', { name: 'Insert a canned response' });
    await person.type(within(picker).getByRole('searchbox', { name: 'Search' }), 'hello');
    await person.click(within(picker).getByRole('button', { name: /\/hello/ }));
    await waitFor(() => expect(box).toHaveProperty('value', 'Hi! Hello from Support!'));
  });
});
