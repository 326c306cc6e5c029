import { webchatApi } from '../../../contract/webchat-api';
import { callApi } from '../../../lib/api-client';
import type { OutboxEntry } from '../../../lib/outbox';

export const sendCustomerMessage = (token: string, entry: OutboxEntry) =>
  callApi(webchatApi.webchatSend, { token, body: { clientMessageId: entry.clientMessageId, text: entry.text, attachmentIds: (entry.attachments ?? []).map((a) => a.id) } }).then((r) => r.message);
