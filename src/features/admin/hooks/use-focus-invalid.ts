import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * After a refused save, moves focus to the form's first field marked invalid, so keyboard and
 * screen-reader users land on what needs fixing. Only on request: fields cleared while typing do
 * not pull focus around.
 */
export function useFocusInvalid<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests > 0) ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [requests]);
  const focusInvalid = useCallback(() => setRequests((n) => n + 1), []);
  return { ref, focusInvalid };
}
