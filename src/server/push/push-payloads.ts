import type { PushPayload } from '../../contract/push-payload';
import { pushTexts, type PushTexts } from './push-texts';

/*
 * What a notification says, in the words of the panel's own desktop notifications
 * (strings.notifications in src/lib/strings.ts) and the recipient's language (push-texts.ts). Payloads stay small (push services take about 4 KB) and carry no
 * history: the customer's name, and for a message at most a short preview of the newest one. The
 * dispatcher builds them only after checking, at send time, that the user still holds (or is
 * offered) the conversation, so nothing reaches someone who lost access.
 */

/** Characters of a message shown in its notification. */
export const PREVIEW_MAX_LENGTH = 100;

const conversationUrl = (id: string) => `/agent/conversations/${id}`;

/** The start of a message on one line, or what it carried when it has no text. */
export function messagePreview(text: string | null, files: number, words: PushTexts = pushTexts('en')): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  if (flat === '') return files > 0 ? words.attachments(files) : words.newMessageBody;
  // Whole characters: an emoji is never cut in half.
  const chars = [...flat];
  return chars.length <= PREVIEW_MAX_LENGTH ? flat : `${chars.slice(0, PREVIEW_MAX_LENGTH - 1).join('')}…`;
}

/** A customer wrote (`count` messages since the last notification) in a conversation I hold. */
export function messagePayload(m: { conversationId: string; customerName: string; preview: string; count: number }, words = pushTexts('en')): PushPayload {
  return {
    kind: 'message',
    title: m.count > 1 ? words.newMessages(m.count, m.customerName) : words.newMessage(m.customerName),
    body: m.preview,
    url: conversationUrl(m.conversationId),
    tag: `conversation-${m.conversationId}`,
    conversationId: m.conversationId,
  };
}

/** A conversation is offered to me; `preview` of its first message, when it has one. */
export function offerPayload(o: { conversationId: string; customerName: string; queueName: string; preview: string | null }, words = pushTexts('en')): PushPayload {
  return {
    kind: 'offer',
    title: words.offer(o.customerName),
    body: o.preview ? `${o.queueName} · ${o.preview}` : o.queueName,
    url: conversationUrl(o.conversationId),
    tag: `conversation-${o.conversationId}`,
    conversationId: o.conversationId,
  };
}

/** My connections are gone past the grace period; my chats are kept for a while (keep-chats.ts). */
export function keptPayload(k: { waiting: number; held: number; keepMinutes: number }, words = pushTexts('en')): PushPayload {
  return {
    kind: 'kept',
    title: words.keptTitle(k.waiting),
    body: words.keptBody(k.held, k.keepMinutes),
    url: '/agent',
    tag: 'kept-conversations',
    conversationId: null,
  };
}

/** A colleague @mentioned me in a note; opens the conversation at its notes. */
export function mentionPayload(m: { conversationId: string; authorName: string; customerName: string; preview: string }, words = pushTexts('en')): PushPayload {
  return {
    kind: 'mention',
    title: words.mention(m.authorName),
    body: `${m.customerName} · ${m.preview}`,
    url: `${conversationUrl(m.conversationId)}?panel=notes`,
    tag: `mention-${m.conversationId}`,
    conversationId: m.conversationId,
  };
}
