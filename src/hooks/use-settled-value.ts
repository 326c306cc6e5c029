import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `delayMs`: a search box asks the server for what the
 * user paused on, not for every keystroke (the search route is rate-limited per session).
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
