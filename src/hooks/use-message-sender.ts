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

/** First wait before a message the server could not take for now (503) is sent again; it doubles up to the maximum. */
export const UNAVAILABLE_RETRY_FIRST_MS = 2_000;
export const UNAVAILABLE_RETRY_MAX_MS = 30_000;

/**
 * Sends messages through the outbox: shown at once as sending, then confirmed or failed with
 * the server's reason. Retries reuse the client id, so the server never stores a message twice.
 */
export function useMessageSender({ outbox, conversationId, send, onSent, online }: Options) {
  const pending = useSyncExternalStore(outbox.subscribe, () => outbox.forConversation(conversationId));
  const inFlight = useRef(new Set<string>());
  /** Resends scheduled after a 503, and how many were made, per client id. */
  const resends = useRef(new Map<string, { timer: ReturnType<typeof setTimeout>; attempts: number }>());
  const latest = useRef({ send, onSent });
  latest.current = { send, onSent };

  const deliver = useCallback(
    async (entry: OutboxEntry) => {
      if (inFlight.current.has(entry.clientMessageId)) return;
      inFlight.current.add(entry.clientMessageId);
      const scheduled = resends.current.get(entry.clientMessageId);
      clearTimeout(scheduled?.timer);
      outbox.put({ ...entry, status: 'sending', error: undefined });
      try {
        const message = await latest.current.send(entry);
        latest.current.onSent(message);
        outbox.remove(entry.clientMessageId);
        resends.current.delete(entry.clientMessageId);
      } catch (err) {
        const retryable = !(err instanceof ApiRequestError) || err.retryable;
        outbox.put({ ...entry, status: 'failed', error: errorMessage(err), retryable });
        // The server answered "not now" (its database is away): the connection stays up, so no
        // reconnect will resend it; try again by itself, less and less often, until it is taken.
        if (err instanceof ApiRequestError && err.status === 503) {
          const attempts = (scheduled?.attempts ?? 0) + 1;
          const delay = Math.min(UNAVAILABLE_RETRY_MAX_MS, UNAVAILABLE_RETRY_FIRST_MS * 2 ** (attempts - 1));
          const timer = setTimeout(() => {
            const current = outbox.forConversation(entry.conversationId).find((e) => e.clientMessageId === entry.clientMessageId);
            if (current?.status === 'failed') void deliver(current);
          }, delay);
          resends.current.set(entry.clientMessageId, { timer, attempts });
        } else {
          resends.current.delete(entry.clientMessageId);
        }
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

  // Scheduled resends die with the page's sender; the outbox keeps the entries for the next one.
  useEffect(() => {
    const scheduled = resends.current;
    return () => {
      for (const { timer } of scheduled.values()) clearTimeout(timer);
      scheduled.clear();
    };
  }, []);

  return {
    pending,
    submit,
    retry: (entry: OutboxEntry) => void deliver(entry),
    discard: (entry: OutboxEntry) => {
      clearTimeout(resends.current.get(entry.clientMessageId)?.timer);
      resends.current.delete(entry.clientMessageId);
      outbox.remove(entry.clientMessageId);
    },
  };
}
