// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { beforeAll, expect, it } from 'vitest';
import { fakeLayout } from '../lib/test-layout';
import { useRowWindow } from './use-row-window';

// Every element measures 400 px tall (jsdom lays nothing out), and nothing resizes.
beforeAll(() => fakeLayout({ height: 400 }));

/** A scroller scrolled to `top`. */
function scroller(top = 0) {
  const el = document.createElement('div');
  el.scrollTop = top;
  return el;
}

const windowOf = (el: HTMLElement, count: number) =>
  renderHook(() => useRowWindow({ count, rowHeight: 100, overscan: 2, scroller: { current: el } }));

it('renders the rows in view and the overscan after them, and the whole height', () => {
  const { result } = windowOf(scroller(), 5_000);
  // Rows 0–4 touch a 400 px view at the top; two more below.
  expect(result.current.indexes).toEqual([0, 1, 2, 3, 4, 5, 6]);
  expect(result.current.totalHeight).toBe(500_000);
  expect(result.current.rowTop(42)).toBe(4_200);
});

it('follows the scroll, with overscan on both sides', () => {
  const el = scroller();
  const { result } = windowOf(el, 5_000);
  act(() => {
    el.scrollTop = 250_050;
    el.dispatchEvent(new Event('scroll'));
  });
  expect(result.current.indexes[0]).toBe(2_498);
  expect(result.current.indexes.at(-1)).toBe(2_507);
});

it('never goes past the last row', () => {
  const { result } = windowOf(scroller(), 3);
  expect(result.current.indexes).toEqual([0, 1, 2]);
  expect(windowOf(scroller(), 0).result.current.indexes).toEqual([]);
});

it('scrolls the least that shows a row, and not at all when it is in view', () => {
  const el = scroller(1_000);
  const { result } = windowOf(el, 100);
  result.current.scrollToIndex(11);
  expect(el.scrollTop).toBe(1_000);
  result.current.scrollToIndex(20);
  // Row 20 ends at 2,100: its bottom edge at the view's bottom.
  expect(el.scrollTop).toBe(1_700);
  result.current.scrollToIndex(3);
  expect(el.scrollTop).toBe(300);
});
