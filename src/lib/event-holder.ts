import type { ConversationEvent } from '../contract/events';

/**
 * Whether a user held a conversation just before a realtime event changed it, told by the event
 * itself: a panel loads only some of the conversations its user holds, so its cache cannot tell.
 * Undefined when the event cannot either (a transfer logged before events named the holder).
 */
export function heldBefore(event: ConversationEvent, userId: string): boolean | undefined {
  switch (event.type) {
    // Waiting, offered or new until now: nobody held it.
    case 'conversation.created':
    case 'conversation.picked':
    case 'conversation.offered':
    case 'conversation.accepted':
    case 'conversation.offer-declined':
      return false;
    // Only its holder ends a conversation, and it keeps them as its agent.
    case 'conversation.ended':
    // A warning changes nobody's holding.
    case 'conversation.idle-warned':
      return event.conversation.agent?.id === userId;
    case 'conversation.returned':
      return event.agent.id === userId;
    case 'conversation.transferred':
      return event.previousHolderId === undefined ? undefined : event.previousHolderId === userId;
    // Messages and notes change nobody's holding: whoever held it then holds it now.
    case 'message.created':
      return heldWhenWritten(event, userId);
    case 'note.created':
    case 'conversation.rated':
      return undefined;
  }
}

/** Whether the user held the conversation a message was written in (undefined: the event does not say). */
export const heldWhenWritten = (event: Extract<ConversationEvent, { type: 'message.created' }>, userId: string): boolean | undefined =>
  event.holderId === undefined ? undefined : event.holderId === userId;

/** Whether the conversation was offered to the user just before the event. */
export function offeredBefore(event: ConversationEvent, userId: string): boolean {
  if (event.type === 'conversation.offer-declined') return event.agent.id === userId;
  if (event.type === 'conversation.accepted') return event.conversation.agent?.id === userId;
  return false;
}
