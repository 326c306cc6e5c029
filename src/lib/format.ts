import { strings } from './strings';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

export const formatDateTime = (iso: string) => dateTimeFormat.format(new Date(iso));

// The reader's formats are made once; tests fix a locale of their own.
const stampFormats = (locale?: string) =>
  [{}, { day: 'numeric', month: 'short' }, { day: 'numeric', month: 'short', year: 'numeric' }].map(
    (date) => new Intl.DateTimeFormat(locale, { ...date, hour: '2-digit', minute: '2-digit' } as Intl.DateTimeFormatOptions),
  );
const readerStampFormats = stampFormats();

/**
 * When something happened, as short as it can be said without leaving the day unclear: the time
 * alone for today ("14:05"), "Yesterday, 14:05", the day and month this year ("12 Mar, 14:05"),
 * and the year too before that. In the reader's time zone and, unless `locale` says otherwise,
 * their language. For message times, list rows and History: anything not from today shows its date.
 */
export function formatStamp(iso: string, now = new Date(), locale?: string): string {
  const at = new Date(iso);
  const [time, thisYear, otherYear] = locale ? stampFormats(locale) : readerStampFormats;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (at.toDateString() === now.toDateString()) return time!.format(at);
  if (at.toDateString() === yesterday.toDateString()) return `${strings.thread.yesterday}, ${time!.format(at)}`;
  return (at.getFullYear() === now.getFullYear() ? thisYear! : otherYear!).format(at);
}

/** "45 s", "12 min", "3 h 5 min", "2 d" — for waiting times. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  return `${Math.floor(h / 24)} d`;
}

/** A day line in a thread: "Today", "Yesterday", or the full date, in the reader's time zone. */
export function formatDay(iso: string, now = new Date()): string {
  const day = new Date(iso);
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (day.toDateString() === now.toDateString()) return strings.thread.today;
  if (day.toDateString() === yesterday.toDateString()) return strings.thread.yesterday;
  return dayFormat.format(day);
}
