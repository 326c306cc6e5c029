import { useMutation } from '@tanstack/react-query';
import { callWebchat } from './call';
import type { StartChatRequest } from '../../../contract/webchat';
import { ApiRequestError } from '../../../lib/http';

export const startChat = (body: StartChatRequest) => callWebchat('webchatStart', { body });

/** Attempts after the first when the answer is lost (no connection, or the server failed). */
export const START_RETRIES = 4;

/**
 * A start whose answer was lost is sent again, with the same body and so the same first-message
 * client id: the server answers a retry with the conversation it may already have made, never a
 * second one. Refusals (4xx) are final and shown to the customer.
 */
export const useStartChat = () =>
  useMutation({
    mutationFn: startChat,
    retry: (failures, err) => err instanceof ApiRequestError && err.retryable && failures <= START_RETRIES,
    retryDelay: (failures) => Math.min(500 * 2 ** failures, 5000),
  });
