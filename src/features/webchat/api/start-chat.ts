import { useAction, type ActionRetries } from '../../../hooks/use-request';
import { backoff, retrying } from '../../../lib/retry';
import type { StartChatRequest } from '../../../contract/webchat';
import { callWebchat } from './call';

/** Attempts after the first when the answer is lost (no connection, or the server failed). */
export const START_RETRIES = 4;

/**
 * A start whose answer was lost is sent again, with the same body and so the same first-message
 * client id: the server answers a retry with the conversation it may already have made, never a
 * second one. Refusals (4xx) are final and shown to the customer.
 */
export const startChat = (body: StartChatRequest, { onRetry }: ActionRetries) =>
  retrying(() => callWebchat('webchatStart', { body }), { retries: START_RETRIES, delay: (failures) => backoff(failures, { first: 500, max: 5000 }), onRetry });

export const useStartChat = () => useAction(startChat);
