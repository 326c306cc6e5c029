import type { Message } from '../contract/messages';
import type { CustomerConversation } from '../contract/webchat';
import type { Transcript } from '../contract/customer-chat';

/**
 * A chat's transcript for its customer: plain text (never HTML, so nothing in a message can run
 * or style anything where it is opened), one block per message with its time (UTC, ISO 8601:
 * unambiguous wherever the file is read) and author. It is built from what the customer's own
 * message list shows: internal notes are not messages, so they can never appear. Server and mocks
 * share it.
 */
export function renderTranscript(conversation: CustomerConversation, messages: readonly Message[]): Transcript {
  const header = [
    `Chat transcript: ${conversation.queueName}`,
    `Started: ${utc(conversation.arrivedAt)}`,
    ...(conversation.endedAt ? [`Ended: ${utc(conversation.endedAt)}`] : []),
    '',
  ];
  const body = messages.map((m) => {
    const files = m.attachments.map((a) => `[file: ${a.fileName}]`);
    const lines = [m.text, ...files].filter((l) => l !== '').join('\n');
    return `[${utc(m.createdAt)}] ${m.authorName}${m.authorKind === 'system' ? ' (system)' : ''}:\n${indent(lines)}`;
  });
  return { fileName: `chat-${conversation.arrivedAt.slice(0, 10)}-${conversation.id.slice(0, 8)}.txt`, text: [...header, ...body].join('\n') + '\n' };
}

/** "2026-12-01 23:54:00 UTC". */
function utc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
