import type { ConversationEvent, UserEvent, WorkspaceEvent } from '../contract/events';
import type { EventScope, LoggedEvent, NewEvent, NewUserEvent, NewWorkspaceEvent } from '../domain/event-visibility';
import { mockData, type ConversationRecord } from './data';

/*
 * The mocks' realtime log, as src/server/realtime/event-log.ts: every change the handlers make is
 * appended here with the next seq, in the contract's event shapes, and handed to whoever listens
 * (the mocked socket, realtime-socket.ts; the dev tools). The newest entries are kept so that a
 * socket that reconnects gets what it missed; an older position gets a reset, as on the server.
 */

/** How many entries a reconnecting socket can catch up on. */
export const MOCK_EVENTS_KEPT = 200;

type Listener = (entry: LoggedEvent) => void;
const listeners = new Set<Listener>();

/** Calls `listener` with every entry appended from now on; returns the way to stop. */
export function onMockEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function append(entry: LoggedEvent) {
  mockData.events.push(entry);
  if (mockData.events.length > MOCK_EVENTS_KEPT) mockData.events.splice(0, mockData.events.length - MOCK_EVENTS_KEPT);
  for (const listener of listeners) listener(entry);
}

function stamp() {
  mockData.eventSeq += 1;
  return { seq: mockData.eventSeq, at: new Date().toISOString() };
}

/**
 * Who a conversation's event concerns, as the server's scopes: its queue and whoever holds it, is
 * reserved it or is offered it; `previousAgentId` for the agent it just left.
 */
export function scopeOf(record: ConversationRecord, previousAgentId?: string | null): EventScope {
  return {
    conversationId: record.id,
    queueId: record.queueId,
    agentId: record.agentId ?? record.reservedForId ?? record.offeredToId,
    ...(previousAgentId !== undefined ? { previousAgentId } : {}),
  };
}

export function publish(scope: EventScope, event: NewEvent): void {
  append({ scope, event: { ...structuredClone(event), ...stamp() } as ConversationEvent });
}

export function publishWorkspace(event: NewWorkspaceEvent): void {
  append({ scope: null, event: { ...structuredClone(event), ...stamp() } as WorkspaceEvent });
}

export function publishUser(userId: string, event: NewUserEvent): void {
  append({ scope: { userId }, event: { ...structuredClone(event), ...stamp() } as UserEvent });
}

/** The entries after `seq`, or null when some of them are no longer kept (the socket must resync). */
export function eventsAfter(seq: number): LoggedEvent[] | null {
  const oldest = mockData.events[0]?.event.seq;
  if (seq < mockData.eventSeq && (oldest === undefined || oldest > seq + 1)) return null;
  return mockData.events.filter((e) => e.event.seq > seq);
}
