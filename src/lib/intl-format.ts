import { activeLanguage } from './i18n';

// Dates, times, numbers and file sizes in the active language (src/lib/i18n.ts), with Intl: apart
// from i18n.ts so that the pages that show none of them (the login, the web chat's form) do not load them.

/**
 * The locale dates and numbers are written in: the browser's own when it speaks the active
 * language (so "en-GB" keeps its day-month order), else the language itself.
 */
export function formatLocale(): string {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages;
  return browser.find((tag) => tag.toLowerCase().split('-')[0] === activeLanguage()) ?? activeLanguage();
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.ListFormat>();
function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.ListFormat>(key: string, make: (locale: string) => F): F {
  const locale = formatLocale();
  let f = formatters.get(`${locale}|${key}`) as F | undefined;
  if (!f) formatters.set(`${locale}|${key}`, (f = make(locale)));
  return f;
}

/** Dates and times in the active language and the reader's time zone. */
export const dateTimeFormat = (options: Intl.DateTimeFormatOptions) => cached(`d${JSON.stringify(options)}`, (l) => new Intl.DateTimeFormat(l, options));
/** Numbers in the active language ("1,000" / "1.000" / "1 000"). */
export const numberFormat = (options: Intl.NumberFormatOptions = {}) => cached(`n${JSON.stringify(options)}`, (l) => new Intl.NumberFormat(l, options));
/** "3 minutes ago", "yesterday" in the active language. */
export const relativeTimeFormat = () => cached('r', (l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }));
/** "a, b and c" in the active language. */
export const listFormat = (type: Intl.ListFormatType = 'conjunction') => cached(`l${type}`, (l) => new Intl.ListFormat(l, { style: 'long', type }));

export const formatNumber = (n: number) => numberFormat().format(n);

/** "512 B", "2.5 MB": a file's size with the active language's digits and unit. */
export function formatFileSize(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return numberFormat({ style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
}
