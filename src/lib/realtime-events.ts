import { useEffect, useRef } from 'react';
import type { RealtimeFrame } from '../contract/events';

/** The frames that carry an event: conversation, customer, workspace and user events. */
export type EventFrame = Extract<RealtimeFrame, { kind: 'event' | 'customer-event' | 'workspace-event' | 'user-event' }>;

type Listener = (frame: EventFrame) => void;

/*
 * The panel keeps one realtime socket (opened by AgentLayout). Pages that only need to know that
 * something happened — the supervisors' dashboards, the admins' tables — listen here instead of
 * opening sockets of their own.
 */
const listeners = new Set<Listener>();

/** Hands one frame, in the order the socket delivered it, to every listener. */
export function publishRealtimeFrame(frame: EventFrame): void {
  for (const listener of [...listeners]) {
    try {
      listener(frame);
    } catch (err) {
      // One broken listener must not keep the frame from the others (or from the cache).
      console.error('Realtime listener failed', err);
    }
  }
}

/** Subscribes outside React; returns the unsubscribe function. */
export function subscribeRealtimeFrames(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Calls `handler` with each realtime frame for as long as the component is mounted. */
export function useRealtimeFrames(handler: Listener): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => subscribeRealtimeFrames((frame) => latest.current(frame)), []);
}
