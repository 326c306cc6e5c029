import type { FastifyInstance } from 'fastify';
import { webchatApi } from '../../contract/webchat-api';
import { customerChatApi } from '../../contract/customer-chat-api';
import { MESSAGE_PAGE_SIZE } from '../../contract/limits';
import { toCustomerConversation } from '../../contract/webchat';
import { getConversation } from '../conversations/conversation-store';
import type { Database } from '../db/database';
import { availabilityFields, customerPrompt, queueAvailabilities } from '../queues/queue-availability';
import { ApiError } from '../http/api-error';
import { notFound } from '../http/api-error';
import { defineRoute } from '../http/define-route';
import type { RoutingService } from '../routing/routing-service';
import { listMessages } from '../messages/message-store';
import { sendMessage } from '../messages/send-message';
import { startWebchat } from './webchat-start';
import { customerTranscript, endByCustomer, rateChat, surveyState } from './chat-ending';
import { getCustomerChatSettings } from '../settings/settings-store';

async function ownConversation(db: Database, conversationId: string) {
  const conversation = await getConversation(db, conversationId);
  if (!conversation) throw notFound('This chat');
  return conversation;
}

export function registerWebchatRoutes(app: FastifyInstance, db: Database, routing: RoutingService) {
  // With each queue's opening state now, so the page can say "closed" before the customer types.
  defineRoute(app, webchatApi.webchatQueues, async () => ({
    queues: await Promise.all((await queueAvailabilities(db)).map(async (q) => ({ id: q.id, name: q.name, ...availabilityFields(q), prompt: await customerPrompt(db, q) }))),
  }));

  defineRoute(app, webchatApi.webchatStart, async ({ body, reply }) => {
    const started = await startWebchat(db, body).catch((err: unknown) => withCustomerPrompt(db, body.queueId, err));
    // 201 for a new chat, 200 for the answer to a retry (as message sends do).
    reply.code(started.created ? 201 : 200);
    const answer = { customerToken: started.customerToken, message: started.message };
    // A message left while closed waits for the opening: nobody is offered it before.
    if (!started.created || started.routingMode !== 'offer' || started.held) return { ...answer, conversation: toCustomerConversation(started.conversation) };
    // An offering queue offers it to an agent at once (it waits in the picklist when nobody may take it).
    await routing.routeNow(started.conversation.id);
    return { ...answer, conversation: toCustomerConversation(await ownConversation(db, started.conversation.id)) };
  });

  defineRoute(app, webchatApi.webchatConversation, async ({ principal }) => {
    return { conversation: toCustomerConversation(await ownConversation(db, principal.conversationId)) };
  });

  defineRoute(app, webchatApi.webchatMessages, async ({ principal, query }) => {
    return listMessages(db, { kind: 'customer' }, principal.conversationId, query.before, query.limit ?? MESSAGE_PAGE_SIZE);
  });

  defineRoute(app, webchatApi.webchatSend, async ({ principal, body, reply }) => {
    const result = await sendMessage(db, principal.conversationId, { kind: 'customer', customerId: principal.customerId }, body);
    reply.code(result.created ? 201 : 200);
    return result;
  });

  // The chat's end (issue 16): README "Ending a chat, transcript and survey".
  defineRoute(app, customerChatApi.webchatFormSettings, async () => ({ emailRequired: (await getCustomerChatSettings(db)).emailRequired }));
  defineRoute(app, customerChatApi.webchatEnd, async ({ principal }) => ({ conversation: await endByCustomer(db, principal.conversationId) }));
  defineRoute(app, customerChatApi.webchatTranscript, async ({ principal }) => customerTranscript(db, principal.conversationId));
  defineRoute(app, customerChatApi.webchatSurvey, async ({ principal }) => surveyState(db, principal.conversationId));
  defineRoute(app, customerChatApi.webchatRate, async ({ principal, body, reply }) => {
    const rating = await rateChat(db, principal.conversationId, body);
    reply.code(201);
    return { rating };
  });
}

/** A start refused because the queue is closed or full carries the prompt the customer is to read. */
async function withCustomerPrompt(db: Database, queueId: string, err: unknown): Promise<never> {
  if (err instanceof ApiError && (err.code === 'service_closed' || err.code === 'queue_full') && err.extra.availability) {
    const [queue] = await queueAvailabilities(db, Date.now(), [queueId]);
    if (queue) err.extra.availability.prompt = await customerPrompt(db, { ...queue, open: err.code !== 'service_closed', full: err.code === 'queue_full' });
  }
  throw err;
}
