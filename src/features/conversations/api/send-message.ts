import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import type { OutboxEntry } from '../../../lib/outbox';

/** Idempotent: a retry with the same clientMessageId returns the first copy. */
export const sendMessage = (entry: OutboxEntry) =>
  callApi(staffRoutes.sendMessage, {
    params: { id: entry.conversationId },
    body: { clientMessageId: entry.clientMessageId, text: entry.text, attachmentIds: (entry.attachments ?? []).map((a) => a.id) },
  }).then((r) => r.message);
