/**
 * jsdom lays nothing out: every element measures 0 × 0, so a windowed list (the conversation
 * lists and TanStack Virtual in the thread read their scroller's clientHeight and watch it with a
 * ResizeObserver) renders no rows. For component and route tests: every element measures as a panel of `width` × `height`,
 * and the observers jsdom lacks exist (they never fire: the size never changes).
 */
export function fakeLayout({ width = 1200, height = 800 } = {}): void {
  for (const [name, value] of [
    ['clientWidth', width],
    ['clientHeight', height],
    ['offsetWidth', width],
    ['offsetHeight', height],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
  }
  HTMLElement.prototype.getBoundingClientRect = () => DOMRect.fromRect({ width, height });
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  globalThis.IntersectionObserver ??= class {
    readonly root = null;
    readonly rootMargin = '';
    readonly thresholds = [];
    observe() {}
    unobserve() {}
    disconnect() {}
    takeRecords() {
      return [];
    }
  } as unknown as typeof IntersectionObserver;
}
