import { useSyncExternalStore } from 'react';
import { notifier } from '../lib/notifier';

/** The browser's notification permission and whether the page may make sound, kept live. */
export function useNotifierStatus() {
  const permission = useSyncExternalStore(notifier.subscribe, notifier.permission);
  const audio = useSyncExternalStore(notifier.subscribe, notifier.audioStatus);
  return { permission, audio };
}
