import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useRealtimeFrames, type EventFrame } from '../lib/realtime-events';

/** Events close together (a pick ends an offer and changes a queue) cost one refetch, not one each. */
const COALESCE_MS = 300;

/**
 * Refetches `queryKey` shortly after realtime frames for which `matches` is true, so figures the
 * server computes (queue statistics, workloads) stay live without a polling interval.
 */
export function useLiveRefresh(queryKey: QueryKey, matches: (frame: EventFrame) => boolean): void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const key = useRef(queryKey);
  useEffect(() => {
    key.current = queryKey;
  });
  useRealtimeFrames((frame) => {
    if (timer.current !== undefined || !matches(frame)) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void queryClient.invalidateQueries({ queryKey: key.current });
    }, COALESCE_MS);
  });
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      timer.current = undefined;
    },
    [],
  );
}
