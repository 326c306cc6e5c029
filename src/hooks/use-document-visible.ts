import { useSyncExternalStore } from 'react';

const subscribe = (onChange: () => void) => {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
};

/** Whether this tab is on screen (not minimised or behind another tab). */
export const useDocumentVisible = () => useSyncExternalStore(subscribe, () => document.visibilityState === 'visible');
