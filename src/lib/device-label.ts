/*
 * A name for a browser in the user's lists of devices ("Chrome on Android"), from its User-Agent:
 * good enough to tell one's phone from one's laptop, never used to decide anything. Order matters:
 * Edge and Opera say "Chrome" too, Chrome says "Safari", Android says "Linux", iPadOS may say
 * "Macintosh".
 */
const BROWSERS: [RegExp, string][] = [
  [/Edg(e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPod/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

const first = (list: [RegExp, string][], ua: string) => list.find(([pattern]) => pattern.test(ua))?.[1];

/** "Chrome on Android"; "Browser" (on its system, if known) when the browser is not recognised. */
export function deviceLabel(userAgent: string): string {
  const browser = first(BROWSERS, userAgent) ?? 'Browser';
  const system = first(SYSTEMS, userAgent);
  return system ? `${browser} on ${system}` : browser;
}
