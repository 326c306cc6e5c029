import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

interface Options {
  count: number;
  /** Every row is this tall (px): where a row sits is then plain arithmetic. */
  rowHeight: number;
  /** Rows rendered beyond each edge of the view, so a fast scroll does not show gaps. */
  overscan: number;
  /** The scrolling element; the rows start at its top. */
  scroller: RefObject<HTMLElement | null>;
}

/**
 * Windowing for a list whose rows all have one height: which rows are in (or near) the scroller's
 * view, and scrolling a row into view. The conversation lists need no more than this; TanStack
 * Virtual (which the thread keeps, for rows of unknown heights) would add about 10 KB gzip to the
 * agent panel's first load for it.
 */
export function useRowWindow({ count, rowHeight, overscan, scroller }: Options) {
  const [view, setView] = useState({ top: 0, height: 0 });

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    update();
    el.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [scroller]);

  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  const indexes: number[] = [];
  for (let i = first; i <= last; i++) indexes.push(i);

  /** Scrolls the least that shows the whole row (nothing when it is already in view). */
  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scroller.current;
      if (!el) return;
      const top = index * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    },
    [scroller, rowHeight],
  );

  return { indexes, totalHeight: count * rowHeight, rowTop: (index: number) => index * rowHeight, scrollToIndex };
}
