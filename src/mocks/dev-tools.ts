import { webchatApi } from '../contract/webchat-api';
import type { StartChatResponse } from '../contract/webchat';
import { findConversation, mockData, toConversation } from './data';
import { onMockEvent } from './event-log';
import { sendMessage } from './message-handlers';
import { MockApiError } from './mock-errors';

/*
 * Helpers of `npm run dev:mock` (never in builds of the real app): a pretend customer who answers
 * each agent message a moment later, so live updates can be seen without a second person, and
 * `mockDev` in the browser console to make customers write or start chats. Tests against the
 * mocks let customers write with `customerWrites` too.
 */

/** localStorage key: "off" stops the pretend customer's replies. */
export const CUSTOMER_REPLIES_KEY = 'communication-panel:mock-customer-replies';
const REPLY_DELAY_MS = 2000;
const REPLIES = ['Thanks, that helps.', 'Could you check once more, please?', 'OK — one more question: when will it arrive?', 'Great, thank you!'];

/** The customer of an open conversation writes `text`, as if from the web chat. */
export function customerWrites(conversationId: string, text: string) {
  const record = findConversation(conversationId);
  if (!record) throw new Error(`No conversation ${conversationId}.`);
  return sendMessage(
    record,
    { clientMessageId: crypto.randomUUID(), authorKind: 'customer', authorId: record.customerId, authorName: toConversation(record).customer.name, text, attachmentIds: [] },
    (c) => {
      if (c.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This chat has ended.');
    },
  ).message;
}

/** A new customer starts a chat in the first queue, through the web chat's own route. */
export async function newChat(text = 'Hello, is anyone there?'): Promise<StartChatResponse> {
  const queue = mockData.queues[0];
  if (!queue) throw new Error('The mock workspace has no queues.');
  const n = mockData.customers.length + 1;
  const response = await fetch(webchatApi.webchatStart.path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ queueId: queue.id, name: `Test Customer ${n}`, email: `customer${n}@example.com`, text, clientMessageId: crypto.randomUUID() }),
  });
  return (await response.json()) as StartChatResponse;
}

/**
 * Starts the pretend customer and puts `mockDev` on window. `reset` is the browser code's (it
 * knows where the state is kept).
 */
export function installDevTools(reset: () => void) {
  let replies = 0;
  onMockEvent(({ event }) => {
    if (event.type !== 'message.created' || event.message.authorKind !== 'agent') return;
    if (localStorage.getItem(CUSTOMER_REPLIES_KEY) === 'off') return;
    const { conversationId } = event.message;
    setTimeout(() => {
      if (findConversation(conversationId)?.state !== 'picked') return;
      customerWrites(conversationId, REPLIES[replies++ % REPLIES.length]!);
    }, REPLY_DELAY_MS);
  });
  const tools = {
    customerWrites,
    newChat,
    reset,
    customerReplies(on: boolean) {
      localStorage.setItem(CUSTOMER_REPLIES_KEY, on ? 'on' : 'off');
    },
  };
  (window as unknown as { mockDev: typeof tools }).mockDev = tools;
  console.info(
    '[mocks] dev:mock tools: mockDev.newChat(text?), mockDev.customerWrites(conversationId, text), mockDev.customerReplies(false), mockDev.reset(). The pretend customer answers agent messages after 2 s.',
  );
}
