import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import { MESSAGE_PAGE_SIZE, WEBCHAT_START_REPLAY_WINDOW_SECONDS } from '../contract/limits';
import { type StartChatRequest, toCustomerConversation } from '../contract/webchat';
import { byName, ownConversation } from './access';
import { newConversationRecord, appendMessage, messagesOf, mockData, toConversation } from './data';
import { listMessages, sendMessage } from './message-handlers';
import { MockApiError } from './mock-errors';
import { route } from './route';
import { offerConversation } from './routing';
import { newToken, requireCustomer } from './sessions';
import { publish, scopeOf } from './event-log';
import { admission } from '../domain/queue-limits';
import { customerAvailability } from './queue-limits';

/** The customers' web chat, as src/server/webchat. */

// ---------------------------------------------------------------------------------------------
// Customer identity, as src/server/webchat/customer-identity.ts: a typed email joins nothing;
// a link signed with the admin's secret joins the customer with that site id.

async function hmacHex(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text)));
  return Array.from(signature, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function verifyCustomerSignature(customerId: string, signature: string): Promise<string> {
  const identity = mockData.webchatIdentity;
  if (!identity) {
    throw new MockApiError(
      403,
      'invalid_signature',
      'This chat link cannot be checked, because the web chat is not set up for signed-in customers. Open the chat from the website again, or contact us another way.',
    );
  }
  if (signature.toLowerCase() !== (await hmacHex(identity.secret, customerId))) {
    throw new MockApiError(403, 'invalid_signature', 'This chat link is not valid: it may be old or changed. Open the chat from the website again.');
  }
  return customerId;
}

function newUnverifiedCustomer(body: StartChatRequest) {
  const customer = { id: crypto.randomUUID(), name: body.name, email: body.email ?? null, phone: null, verified: false, externalId: null };
  mockData.customers.push(customer);
  return customer;
}

function verifiedCustomer(externalId: string, body: StartChatRequest) {
  let customer = mockData.customers.find((c) => c.externalId === externalId);
  if (!customer) {
    customer = { id: crypto.randomUUID(), name: body.name, email: body.email ?? null, phone: null, verified: true, externalId };
    mockData.customers.push(customer);
  }
  return customer;
}

export const webchatHandlers = {
  // Supervision and administration (issue 6) live in their own files, in the contract's order.
  webchatQueues: route('webchatQueues', () => ({
    queues: [...mockData.queues].sort(byName).map((q) => ({ id: q.id, name: q.name, ...customerAvailability(q.id) })),
  })),

  webchatStart: route('webchatStart', async (ctx) => {
    const { body } = ctx;
    const queue = mockData.queues.find((q) => q.id === body.queueId);
    if (!queue) {
      throw new MockApiError(400, 'invalid_request', 'This topic is not available. Choose another topic.', {
        fields: { queueId: 'This topic is not available. Choose another topic.' },
        fieldIssues: { queueId: { code: 'unknown_choice' } },
      });
    }
    if (body.email === undefined && mockData.settings.customerChat.emailRequired) {
      throw new MockApiError(400, 'invalid_request', 'Enter your email address.', { fields: { email: 'Enter your email address' }, fieldIssues: { email: { code: 'required' } } });
    }
    // As the server: a signed link is checked before the start is claimed.
    const externalId = body.customerId !== undefined ? await verifyCustomerSignature(body.customerId, body.signature ?? '') : null;
    const requestHash = JSON.stringify([body.queueId, body.name, body.email ?? null, body.text, body.clientMessageId, body.customerId ?? null, body.signature ?? null, body.leaveMessage ?? false]);
    const prior = mockData.webchatStarts.get(body.clientMessageId);
    if (prior) {
      // A retry of the same start gets the same conversation and token; nothing else does.
      if (prior.requestHash !== requestHash) {
        throw new MockApiError(409, 'duplicate_client_id', 'This message was already used to start another chat. Reload the page and start again.');
      }
      if (Date.now() - prior.at > WEBCHAT_START_REPLAY_WINDOW_SECONDS * 1000) {
        throw new MockApiError(409, 'duplicate_client_id', 'This chat was started a while ago and cannot be opened again from here. Start a new chat.');
      }
      const record = ownConversation(prior.conversationId);
      const message = messagesOf(record.id).find((m) => m.clientMessageId === body.clientMessageId)!;
      return { customerToken: prior.customerToken, conversation: toCustomerConversation(toConversation(record)), message: structuredClone(message) };
    }
    // Opening hours and the waiting limit, as the server: after a retry's answer, before anything is written.
    const heldUntil = admission(queue.name, customerAvailability(queue.id), body.leaveMessage === true);
    const customer = externalId === null ? newUnverifiedCustomer(body) : verifiedCustomer(externalId, body);
    const record = newConversationRecord({ id: crypto.randomUUID(), customer, queue, source: body.email ?? 'web chat', arrivedAt: new Date().toISOString() });
    mockData.conversations.push(record);
    const message = appendMessage(record.id, {
      clientMessageId: body.clientMessageId,
      authorKind: 'customer',
      authorId: customer.id,
      authorName: customer.name,
      text: body.text,
    });
    // A left message is announced to agents when it is released (queue-limits.ts).
    if (heldUntil === null) publish(scopeOf(record), { type: 'conversation.created', conversation: toConversation(record) });
    else mockData.heldUntil.set(record.id, heldUntil);
    publish(scopeOf(record), { type: 'message.created', message, holderId: null });
    const customerToken = newToken();
    mockData.customerTokens.set(customerToken, record.id);
    mockData.webchatStarts.set(body.clientMessageId, { requestHash, conversationId: record.id, customerToken, at: Date.now() });
    // An offering queue offers it to an agent at once (it waits in the picklist when nobody may take it).
    offerConversation(record, mockData.settings.routing);
    ctx.setStatus(201);
    return { customerToken, conversation: toCustomerConversation(toConversation(record)), message };
  }),

  webchatConversation: route('webchatConversation', (ctx) => {
    const { conversationId } = requireCustomer(ctx);
    return { conversation: toCustomerConversation(toConversation(ownConversation(conversationId))) };
  }),

  webchatMessages: route('webchatMessages', (ctx) => {
    const { conversationId } = requireCustomer(ctx);
    return listMessages({ kind: 'customer' }, conversationId, ctx.query.before, ctx.query.limit ?? MESSAGE_PAGE_SIZE);
  }),

  webchatSend: route('webchatSend', (ctx) => {
    const { conversationId, customerId } = requireCustomer(ctx);
    const record = ownConversation(conversationId);
    const result = sendMessage(
      record,
      {
        clientMessageId: ctx.body.clientMessageId,
        authorKind: 'customer',
        authorId: customerId,
        authorName: toConversation(record).customer.name,
        text: ctx.body.text,
        attachmentIds: ctx.body.attachmentIds,
      },
      (c) => {
        if (c.state === 'ended') {
          throw new MockApiError(409, 'conversation_ended', 'This chat has ended. Start a new one to write again.');
        }
      },
    );
    ctx.setStatus(result.created ? 201 : 200);
    return result;
  }),
} satisfies Partial<Record<RouteName, HttpHandler>>;
