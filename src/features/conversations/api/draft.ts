import { queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { staffRoutes } from '../../../contract/staff-routes';
import { callApi } from '../../../lib/api-client';
import { queryKeys } from '../../../lib/query-keys';

export const draftQueryOptions = (id: string) =>
  queryOptions({
    queryKey: queryKeys.conversations.draft(id),
    queryFn: ({ signal }) => callApi(staffRoutes.draft, { params: { id }, signal }).then((r) => r.draft),
    // Another device may have changed it: read it fresh whenever a conversation opens.
    staleTime: 0,
    gcTime: 0,
  });

export const useDraft = (id: string) => useQuery(draftQueryOptions(id));

export const saveDraft = (id: string, text: string) => callApi(staffRoutes.saveDraft, { params: { id }, body: { text } });

const SAVE_DELAY_MS = 600;

/**
 * Saves what the user types as the conversation's draft, a moment after they pause, and at once
 * when they leave the conversation. A failed save is retried with the next keystroke.
 */
export function useDraftSaver(id: string) {
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const flush = () => {
      clearTimeout(timer.current);
      if (pending.current === null) return;
      const text = pending.current;
      pending.current = null;
      void saveDraft(id, text).catch(() => {
        pending.current ??= text;
      });
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [id]);

  return (text: string) => {
    pending.current = text;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const value = pending.current;
      pending.current = null;
      if (value !== null) void saveDraft(id, value).catch(() => (pending.current ??= value));
    }, SAVE_DELAY_MS);
  };
}
