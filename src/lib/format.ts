import { dateTimeFormat } from './intl-format';
import { strings } from './strings';

/** A date and time in the active language and the reader's time zone ("12 Mar 2026, 14:05"). */
export const formatDateTime = (iso: string) => dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

const STAMP_DATES: Intl.DateTimeFormatOptions[] = [{}, { day: 'numeric', month: 'short' }, { day: 'numeric', month: 'short', year: 'numeric' }];
// Tests fix a locale of their own; the panel uses the active language's (src/lib/i18n.ts).
const stampFormats = (locale?: string) =>
  STAMP_DATES.map((date) => {
    const options: Intl.DateTimeFormatOptions = { ...date, hour: '2-digit', minute: '2-digit' };
    return locale ? new Intl.DateTimeFormat(locale, options) : dateTimeFormat(options);
  });

/**
 * When something happened, as short as it can be said without leaving the day unclear: the time
 * alone for today ("14:05"), "Yesterday, 14:05", the day and month this year ("12 Mar, 14:05"),
 * and the year too before that. In the reader's time zone and, unless `locale` says otherwise,
 * the active language. For message times, list rows and History: anything not from today shows its date.
 */
export function formatStamp(iso: string, now = new Date(), locale?: string): string {
  const at = new Date(iso);
  const [time, thisYear, otherYear] = stampFormats(locale);
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (at.toDateString() === now.toDateString()) return time!.format(at);
  if (at.toDateString() === yesterday.toDateString()) return strings.thread.yesterdayAt(time!.format(at));
  return (at.getFullYear() === now.getFullYear() ? thisYear! : otherYear!).format(at);
}

/** "45 s", "12 min", "3 h 5 min", "2 d" (in the active language's units, from the catalog) — for waiting times. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const { duration } = strings;
  if (s < 60) return duration.seconds(s);
  const min = Math.floor(s / 60);
  if (min < 60) return duration.minutes(min);
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? duration.hoursMinutes(h, min % 60) : duration.hours(h);
  return duration.days(Math.floor(h / 24));
}

/** A day line in a thread: "Today", "Yesterday", or the full date, in the reader's time zone. */
export function formatDay(iso: string, now = new Date()): string {
  const day = new Date(iso);
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (day.toDateString() === now.toDateString()) return strings.thread.today;
  if (day.toDateString() === yesterday.toDateString()) return strings.thread.yesterday;
  return dateTimeFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(day);
}
