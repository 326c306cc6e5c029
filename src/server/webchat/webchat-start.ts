import { createHash } from 'node:crypto';
import type { Conversation } from '../../contract/conversations';
import { WEBCHAT_START_REPLAY_WINDOW_SECONDS } from '../../contract/limits';
import type { Message } from '../../contract/messages';
import type { RoutingMode } from '../../contract/queues';
import type { StartChatRequest } from '../../contract/webchat';
import { hashToken, newToken } from '../auth/tokens';
import { getConversation } from '../conversations/conversation-store';
import { sql } from 'kysely';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import { ApiError } from '../http/api-error';
import { findByClientId, insertMessage } from '../messages/message-store';
import { appendEvent } from '../realtime/event-log';
import { postStartPrompts } from '../prompts/start-prompts';
import { admitStart } from '../queues/queue-availability';
import { verifyCustomerSignature } from './customer-identity';
import { getCustomerChatSettings } from '../settings/settings-store';

/**
 * Starting a web chat, once per first message.
 *
 * The page generates the first message's `clientMessageId` once and sends it with every retry
 * of the start. The first request to arrive claims that id in `webchat_starts` (its primary key)
 * before anything else is written; a concurrent identical request waits on the claim at the
 * insert and, once the first commits, finds it and answers with the same conversation. A retry
 * after a lost answer does the same. The answer must carry a customer token that works, and
 * only its hash lives on the conversation, so the claim keeps the token itself — but only for
 * WEBCHAT_START_REPLAY_WINDOW_SECONDS, after which it is erased and a replay is refused.
 *
 * Whoever can replay gets a working token, so the replay is bound to what only the original
 * requester knows: the client id (random, and shown to nobody but its author — see messageFor,
 * which hides it from staff views and events) and the exact same request body (a hash of it is
 * kept with the claim; another body with the same id is refused with 409 duplicate_client_id),
 * within the short window.
 */
export interface StartedChat {
  /** False when this answered a retry of a start the server already had. */
  created: boolean;
  customerToken: string;
  conversation: Conversation;
  message: Message;
  routingMode: RoutingMode;
  /** A message left while the queue was closed: it waits until the opening. */
  held: boolean;
}

/** What the replay must match: every field of the request, after the contract's trimming. */
function requestHash(body: StartChatRequest): string {
  const fields = [body.queueId, body.name, body.email ?? null, body.text, body.clientMessageId, body.customerId ?? null, body.signature ?? null, body.leaveMessage ?? false];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

const alreadyUsed = (message: string) => new ApiError(409, 'duplicate_client_id', message);

export async function startWebchat(db: Database, body: StartChatRequest): Promise<StartedChat> {
  // Compared as text: the field is any text the page sent, not necessarily a UUID.
  const queue = await typed(db)
    .selectFrom('queues')
    .select(['id', 'address', 'routing_mode'])
    .where((eb) => eb(eb.cast('id', 'text'), '=', body.queueId))
    .executeTakeFirst();
  if (!queue) throw new ApiError(400, 'invalid_request', 'This topic is not available. Choose another topic.', { fields: { queueId: 'This topic is not available. Choose another topic.' }, fieldIssues: { queueId: { code: 'unknown_choice' } } });
  if (body.email === undefined && (await getCustomerChatSettings(db)).emailRequired) {
    throw new ApiError(400, 'invalid_request', 'Enter your email address.', { fields: { email: 'Enter your email address' }, fieldIssues: { email: { code: 'required' } } });
  }
  // Checked before anything is claimed: a forged link must not block the real start's id.
  const externalId = body.customerId !== undefined ? await verifyCustomerSignature(db, body.customerId, body.signature ?? '') : null;
  const hash = requestHash(body);
  const customerToken = newToken();

  const started = await db.transaction(async (tx): Promise<Omit<StartedChat, 'routingMode'>> => {
    const claimed = await typed(tx)
      .insertInto('webchat_starts')
      .values({ client_message_id: body.clientMessageId, request_hash: hash, customer_token: customerToken })
      .onConflict((oc) => oc.column('client_message_id').doNothing())
      .returning('client_message_id')
      .executeTakeFirst();
    if (!claimed) return replay(tx, body.clientMessageId, hash);
    // Opening hours and the waiting limit, after the claim: a retry of an accepted start is
    // answered above even if the queue closed or filled since. A refusal rolls the claim back.
    const { heldUntil } = await admitStart(tx, queue.id, { leaveMessage: body.leaveMessage === true });

    const customer = externalId === null ? await newUnverifiedCustomer(tx, body) : await verifiedCustomer(tx, externalId, body);
    const { id } = await typed(tx)
      .insertInto('conversations')
      .values({
        customer_id: customer.id,
        queue_id: queue.id,
        channel: 'webchat',
        // Without an email the chat has no address to name: "from web chat" in the audit trail.
        source: body.email ?? 'web chat',
        destination: queue.address,
        state: 'queued',
        customer_token_hash: hashToken(customerToken),
        held_until: heldUntil,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await typed(tx).updateTable('webchat_starts').set({ conversation_id: id }).where('client_message_id', '=', body.clientMessageId).execute();
    const message = await insertMessage(tx, {
      conversationId: id,
      clientMessageId: body.clientMessageId,
      authorKind: 'customer',
      authorId: customer.id,
      authorName: customer.name,
      text: body.text,
    });
    const conversation = (await getConversation(tx, id))!;
    const scope = { conversationId: id, queueId: queue.id, agentId: null };
    // A held one is announced to agents when it is released (queues/held-release.ts).
    if (!heldUntil) await appendEvent(tx, scope, { type: 'conversation.created', conversation });
    await appendEvent(tx, scope, { type: 'message.created', message, holderId: null });
    await postStartPrompts(tx, id);
    return { created: true, customerToken, conversation, message, held: heldUntil !== null };
  });
  await forgetOldTokens(db);
  // A CHECK constraint (migration 6) holds routing_mode to the contract's modes.
  return { ...started, routingMode: queue.routing_mode as RoutingMode };
}

/** The answer to a retry: the first start's conversation and token, if this is really its retry. */
async function replay(tx: Sql, clientMessageId: string, hash: string): Promise<Omit<StartedChat, 'routingMode'>> {
  const prior = await typed(tx)
    .selectFrom('webchat_starts')
    .select([
      'request_hash', 'conversation_id', 'customer_token',
      sql<boolean>`created_at > now() - make_interval(secs => ${WEBCHAT_START_REPLAY_WINDOW_SECONDS})`.as('fresh'),
    ])
    .where('client_message_id', '=', clientMessageId)
    .executeTakeFirst();
  if (!prior || prior.request_hash !== hash) {
    throw alreadyUsed('This message was already used to start another chat. Reload the page and start again.');
  }
  if (!prior.fresh || !prior.customer_token || !prior.conversation_id) {
    throw alreadyUsed('This chat was started a while ago and cannot be opened again from here. Start a new chat.');
  }
  const conversation = (await getConversation(tx, prior.conversation_id))!;
  const message = (await findByClientId(tx, conversation.id, clientMessageId))!;
  return { created: false, customerToken: prior.customer_token, conversation, message, held: false };
}

/**
 * A visitor who typed a name and email: a record of their own, unverified. The email is not
 * looked up — anyone can type anyone's — so it never attaches them to a known customer.
 */
async function newUnverifiedCustomer(tx: Sql, body: StartChatRequest) {
  return typed(tx).insertInto('customers').values({ name: body.name, email: body.email ?? null, verified: false }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

/**
 * The embedding site's customer, found by the site's id (never by email); created on their first
 * verified start with the name and email of the form. Their stored name is kept afterwards, so
 * agents keep knowing them by it.
 */
async function verifiedCustomer(tx: Sql, externalId: string, body: StartChatRequest) {
  // A no-op update, so that RETURNING gives the existing row too.
  return typed(tx)
    .insertInto('customers')
    .values({ name: body.name, email: body.email ?? null, verified: true, external_id: externalId })
    .onConflict((oc) => oc.column('external_id').doUpdateSet((eb) => ({ external_id: eb.ref('customers.external_id') })))
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

/**
 * Erases kept tokens past the replay window. Rows locked by a start in progress are skipped, so
 * concurrent starts never wait on (or deadlock over) each other's cleanup.
 */
async function forgetOldTokens(db: Database): Promise<void> {
  await typed(db)
    .updateTable('webchat_starts')
    .set({ customer_token: null })
    .where('client_message_id', 'in', (eb) =>
      eb
        .selectFrom('webchat_starts')
        .select('client_message_id')
        .where('customer_token', 'is not', null)
        .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${WEBCHAT_START_REPLAY_WINDOW_SECONDS})`)
        .limit(100)
        .forUpdate()
        .skipLocked(),
    )
    .execute();
}
