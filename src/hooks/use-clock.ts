import { useSyncExternalStore } from 'react';

/*
 * One shared one-second clock. Many small labels (waiting times on list rows) subscribe to it, so
 * a tick re-renders those labels only — not the list around them — and a thousand rows cost one
 * timer, not a thousand.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time in ms, updated every second for as long as the caller is mounted. */
export const useClock = () => useSyncExternalStore(subscribe, () => now);
