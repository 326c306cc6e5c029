import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { Attachment } from '../contract/attachments';
import type { Message } from '../contract/messages';
import { ApiRequestError, errorMessage } from '../lib/api-client';
import { newClientMessageId } from '../lib/client-id';
import type { Outbox, OutboxEntry } from '../lib/outbox';

interface Options {
  outbox: Outbox;
  conversationId: string;
  /** Posts one message; must be idempotent by clientMessageId. */
  send(entry: OutboxEntry): Promise<Message>;
  /** Called with the server's copy once it is confirmed. */
  onSent(message: Message): void;
  /** True while the realtime connection is up; coming back online resends what failed for lack of it. */
  online: boolean;
}

/**
 * Sends messages through the outbox: shown at once as sending, then confirmed or failed with
 * the server's reason. Retries reuse the client id, so the server never stores a message twice.
 */
export function useMessageSender({ outbox, conversationId, send, onSent, online }: Options) {
  const pending = useSyncExternalStore(outbox.subscribe, () => outbox.forConversation(conversationId));
  const inFlight = useRef(new Set<string>());
  const latest = useRef({ send, onSent });
  latest.current = { send, onSent };

  const deliver = useCallback(
    async (entry: OutboxEntry) => {
      if (inFlight.current.has(entry.clientMessageId)) return;
      inFlight.current.add(entry.clientMessageId);
      outbox.put({ ...entry, status: 'sending', error: undefined });
      try {
        const message = await latest.current.send(entry);
        latest.current.onSent(message);
        outbox.remove(entry.clientMessageId);
      } catch (err) {
        const retryable = !(err instanceof ApiRequestError) || err.retryable;
        outbox.put({ ...entry, status: 'failed', error: errorMessage(err), retryable });
      } finally {
        inFlight.current.delete(entry.clientMessageId);
      }
    },
    [outbox],
  );

  const submit = useCallback(
    (text: string, attachments: Attachment[] = []) => {
      const entry: OutboxEntry = {
        clientMessageId: newClientMessageId(),
        conversationId,
        text,
        attachments,
        status: 'sending',
        createdAt: new Date().toISOString(),
      };
      void deliver(entry);
    },
    [conversationId, deliver],
  );

  // Entries still "sending" after a reload, and failures caused by a lost connection, are sent
  // again once the connection is back. The server deduplicates by client id.
  useEffect(() => {
    if (!online) return;
    for (const entry of outbox.forConversation(conversationId)) {
      if (entry.status === 'sending' || entry.retryable) void deliver(entry);
    }
  }, [online, conversationId, outbox, deliver]);

  return {
    pending,
    submit,
    retry: (entry: OutboxEntry) => void deliver(entry),
    discard: (entry: OutboxEntry) => outbox.remove(entry.clientMessageId),
  };
}
