import type { OpeningHours, OpeningInterval } from '../contract/opening-hours';

/*
 * Opening-hours rules: is a queue open at an instant, and when does it open next. Hours are
 * wall-clock times in the queue's IANA time zone, read with Intl (no date library), so daylight-
 * saving changes follow the runtime's time-zone data: on a spring-forward day the skipped hour
 * does not exist (an interval starting inside it opens at the switch), on a fall-back day the
 * repeated hour is open (or closed) both times.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Looking further than this for the next opening is pointless: hours this rare are set wrongly. */
const SEARCH_DAYS = 400;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  /** Minutes since local midnight. */
  minutes: number;
  /** The wall clock as if it were UTC, in ms: differences give the zone's offset. */
  naive: number;
}

function wallClock(timeZone: string, at: number): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year, month, day, hour, minute, second } = parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  const naive = Date.UTC(year, month - 1, day, hour, minute, second);
  return { year, month, day, minutes: hour * 60 + minute, naive };
}

const offsetAt = (timeZone: string, at: number) => wallClock(timeZone, at).naive - Math.floor(at / 1000) * 1000;

const isoDate = (naiveDay: number) => new Date(naiveDay).toISOString().slice(0, 10);
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The intervals of a local date (naive UTC midnight): its exception's, or its weekday's. */
function intervalsOn(hours: OpeningHours, naiveDay: number): OpeningInterval[] {
  const date = isoDate(naiveDay);
  const exception = hours.exceptions.find((e) => e.date === date);
  if (exception) return exception.intervals;
  const weekday = (new Date(naiveDay).getUTCDay() + 6) % 7; // Monday = 0
  return hours.weekly[weekday] ?? [];
}

/** Whether a queue with these hours is open at `at` (ms). No hours: always open. */
export function isOpenAt(hours: OpeningHours | null, at: number): boolean {
  if (!hours) return true;
  const local = wallClock(hours.timeZone, at);
  const day = Date.UTC(local.year, local.month - 1, local.day);
  return intervalsOn(hours, day).some((iv) => toMinutes(iv.start) <= local.minutes && local.minutes < toMinutes(iv.end));
}

/**
 * The instants whose wall clock reads `naive`, earliest first: two in a repeated (fall-back) hour;
 * when that time is skipped by a spring-forward switch, the switch itself (the first instant past
 * it). Offsets are taken half a day either side; zones change offset at most once in a day.
 */
function instantsAt(timeZone: string, naive: number): number[] {
  const before = offsetAt(timeZone, naive - DAY / 2);
  const after = offsetAt(timeZone, naive + DAY / 2);
  const exact = [naive - before, naive - after].filter((t) => wallClock(timeZone, t).naive === naive).sort((a, b) => a - b);
  if (exact.length > 0) return [...new Set(exact)];
  // Skipped: search the switch (to the minute) between the two readings.
  let lo = naive - after;
  let hi = naive - before;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
    if (offsetAt(timeZone, mid) === after) hi = mid;
    else lo = mid;
  }
  return [hi];
}

/**
 * When a queue with these hours is next open, from `from` (ms) on: `from` itself when open then.
 * Null without hours (always open: there is no "next"), or when no opening comes within about a
 * year (every day closed).
 */
export function nextOpening(hours: OpeningHours | null, from: number): number | null {
  if (!hours || isOpenAt(hours, from)) return hours ? from : null;
  const local = wallClock(hours.timeZone, from);
  const today = Date.UTC(local.year, local.month - 1, local.day);
  for (let k = 0; k < SEARCH_DAYS; k++) {
    const day = today + k * DAY;
    for (const iv of intervalsOn(hours, day)) {
      for (const start of instantsAt(hours.timeZone, day + toMinutes(iv.start) * MINUTE)) {
        // Not open at its start: the interval lies wholly in a skipped (spring-forward) hour.
        if (start > from && isOpenAt(hours, start)) return start;
      }
    }
  }
  return null;
}

/** Open now, and if not, when next (ISO), for the customer's and supervisor's screens. */
export function openingState(hours: OpeningHours | null, now: number): { open: boolean; nextOpening: string | null } {
  if (isOpenAt(hours, now)) return { open: true, nextOpening: null };
  const next = nextOpening(hours, now);
  return { open: false, nextOpening: next === null ? null : new Date(next).toISOString() };
}

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * The weekly hours in a line for the prompts' {queue.openingHours}: days with the same hours
 * joined ("Mon–Fri 09:00–17:00, Sat 10:00–14:00 (Europe/Helsinki)"). Exceptions are left out:
 * the next opening, shown beside it, already takes them into account. Empty without hours.
 */
export function describeOpeningHours(hours: OpeningHours | null): string {
  if (!hours) return '';
  const text = (day: OpeningInterval[]) => day.map((iv) => `${iv.start}–${iv.end}`).join(' and ');
  const groups: { from: number; to: number; text: string }[] = [];
  hours.weekly.forEach((day, i) => {
    if (day.length === 0) return;
    const last = groups[groups.length - 1];
    if (last && last.to === i - 1 && last.text === text(day)) last.to = i;
    else groups.push({ from: i, to: i, text: text(day) });
  });
  if (groups.length === 0) return '';
  const days = (g: { from: number; to: number }) => (g.from === g.to ? DAY_NAMES[g.from] : `${DAY_NAMES[g.from]}–${DAY_NAMES[g.to]}`);
  return `${groups.map((g) => `${days(g)} ${g.text}`).join(', ')} (${hours.timeZone})`;
}
