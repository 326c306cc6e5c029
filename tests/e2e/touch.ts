import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, type BrowserContextOptions, type Locator, type Page } from '@playwright/test';

/** A phone: 390 × 844 CSS pixels, touch, a mobile browser's user agent. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
};

/** The narrowest phone the panel is made for. */
export const SMALL_PHONE: BrowserContextOptions = { ...PHONE, viewport: { width: 360, height: 740 } };

/** A tablet held upright: 820 × 1180, touch. */
export const TABLET: BrowserContextOptions = {
  viewport: { width: 820, height: 1180 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
  userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel Tablet) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
};

/**
 * A finger moving from (x, y) by (dx, dy) in `steps` moves, through the browser's own touch input
 * (CDP), so the page gets the touch and pointer events a real finger gives, and the browser scrolls
 * or not as it would.
 */
export async function drag(page: Page, from: { x: number; y: number }, by: { dx: number; dy: number }, steps = 12) {
  const cdp = await page.context().newCDPSession(page);
  const point = (i: number) => [{ x: from.x + (by.dx * i) / steps, y: from.y + (by.dy * i) / steps }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(0) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(i) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Swipes a row left by `distance` pixels, starting near its right edge. */
export async function swipeLeft(page: Page, row: Locator, distance: number) {
  const box = await row.boundingBox();
  if (!box) throw new Error('The row is not on screen');
  await drag(page, { x: box.x + box.width - 60, y: box.y + box.height / 2 }, { dx: -distance, dy: 0 });
}

/** Pulls down from near the top of `region` by `distance` pixels. */
export async function pullDown(page: Page, region: Locator, distance: number) {
  const box = await region.boundingBox();
  if (!box) throw new Error('The region is not on screen');
  await drag(page, { x: box.x + box.width / 2, y: box.y + 40 }, { dx: 0, dy: distance }, 16);
}

/** The page cannot be scrolled sideways: nothing is wider than the screen. */
export async function expectNoHorizontalScroll(page: Page, screen: string) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll, `${screen}: the page is ${widths.scroll} px wide on a ${widths.inner} px screen`).toBeLessThanOrEqual(widths.inner);
}

// Run as the DevTools run it, past the panel's Content Security Policy (no inline scripts).
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.x A/AA rules on the page as it is: no serious or critical violation. */
export async function expectNoSeriousAxeViolations(page: Page, screen: string) {
  // On the settled screen: a menu fading out or a sheet fading in has colours no user reads, and
  // axe would count them as low contrast. Endless animations (spinners) never settle: not waited for.
  await expect
    .poll(() =>
      page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity).length),
    )
    .toBe(0);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  });
  expect(violations, screen).toEqual([]);
}

/**
 * Every control a finger may tap on the screen as it is (buttons, links, tabs, menu items, not
 * words linked inside a sentence or a table cell) is at least 44 × 44 CSS pixels.
 */
export async function expectTapTargets(page: Page, screen: string) {
  const small = await page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>('button, [role="button"], a[href], [role="tab"], [role="menuitem"]');
    return Array.from(controls)
      .filter((el) => el.checkVisibility() && !el.closest('[aria-hidden="true"], p, td, th'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.bottom > 0 && box.top < innerHeight && (box.width < 44 || box.height < 44))
      .map(({ el, box }) => `${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)} (${Math.round(box.width)} × ${Math.round(box.height)})`);
  });
  expect(small, `${screen}: controls smaller than 44 × 44`).toEqual([]);
}
