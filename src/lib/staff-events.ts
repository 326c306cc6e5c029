import type { QueryClient } from '@tanstack/react-query';
import type { User } from '../contract/auth';
import type { ConversationEvent, UserEvent, WorkspaceEvent } from '../contract/events';

/** Every event a staff socket delivers: conversation, workspace and user events (their types never overlap). */
export type StaffEvent = ConversationEvent | WorkspaceEvent | UserEvent;
export type StaffEventType = StaffEvent['type'];
export type StaffEventOf<T extends StaffEventType> = Extract<StaffEvent, { type: T }>;

/**
 * Every conversation event type: a handler for "any conversation change" registers for these.
 * Listed here rather than read off the contract's schema, which would bring zod into the panel's
 * first load; the compiler refuses a type that is not the contract's, and `AllListed` (checked in
 * staff-events.test.ts, with the schema's list) one it lacks.
 */
export const CONVERSATION_EVENT_TYPES = [
  'conversation.created',
  'conversation.picked',
  'conversation.ended',
  'conversation.idle-warned',
  // Never sent to staff (event-visibility.ts): listed so the list stays the contract's whole.
  'conversation.rescheduled',
  'conversation.transferred',
  'conversation.offered',
  'conversation.accepted',
  'conversation.offer-declined',
  'conversation.returned',
  'message.created',
  'note.created',
  'conversation.rated',
  'message.delivery',
] as const satisfies readonly ConversationEvent['type'][];
type Unlisted = Exclude<ConversationEvent['type'], (typeof CONVERSATION_EVENT_TYPES)[number]>;
/** `true` when every conversation event type of the contract is listed above. */
export type AllListed = [Unlisted] extends [never] ? true : { missing: Unlisted };

/** What a handler may touch: the cache, the user the panel is open for, and the routes' data. */
export interface StaffEventContext {
  queryClient: QueryClient;
  user: User;
  /** Runs the routes' beforeLoad and loaders again (the user's role or queues changed). */
  reloadRoutes(): void;
}

type Handler = (event: StaffEvent, context: StaffEventContext) => void;

/**
 * Which code changes the cache for which realtime event. Each feature registers handlers for the
 * event types it owns (features/<name>/realtime.ts); the panel's socket hands every event to
 * `dispatch`, which runs that type's handlers in the order they were registered.
 */
export class StaffEventRegistry {
  private readonly handlers = new Map<StaffEventType, Handler[]>();

  /** Registers `handler` for each of `types`; returns the function that removes it again. */
  on<T extends StaffEventType>(types: T | readonly T[], handler: (event: StaffEventOf<T>, context: StaffEventContext) => void): () => void {
    const list = typeof types === 'string' ? [types] : types;
    for (const type of list) this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler as Handler]);
    return () => {
      for (const type of list) this.handlers.set(type, (this.handlers.get(type) ?? []).filter((h) => h !== handler));
    };
  }

  dispatch(event: StaffEvent, context: StaffEventContext): void {
    for (const handler of this.handlers.get(event.type) ?? []) {
      try {
        handler(event, context);
      } catch (err) {
        // One feature's broken handler must not keep the event from the others.
        console.error(`Realtime handler for ${event.type} failed`, err);
      }
    }
  }

  /** The event types something listens to (tests, and the docs' list). */
  types(): StaffEventType[] {
    return [...this.handlers].filter(([, list]) => list.length > 0).map(([type]) => type);
  }
}
