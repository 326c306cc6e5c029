import { callWebchat } from './call';
import type { OutboxEntry } from '../../../lib/outbox';

export const sendCustomerMessage = (token: string, entry: OutboxEntry) =>
  callWebchat('webchatSend', { token, body: { clientMessageId: entry.clientMessageId, text: entry.text, attachmentIds: (entry.attachments ?? []).map((a) => a.id) } }).then((r) => r.message);
