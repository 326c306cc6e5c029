import { z } from 'zod';
import { text } from './text';

/**
 * A queue's opening hours, in the queue's own time zone. Times are wall-clock "HH:MM" (24-hour;
 * an interval may end at "24:00"); an interval never crosses midnight: a night shift is two
 * intervals, one each day. Exceptions replace the weekly hours of their date (no intervals =
 * closed all day). A queue without hours (null) is always open.
 */
export const OPENING_INTERVALS_PER_DAY_MAX = 6;
export const OPENING_EXCEPTIONS_MAX = 100;
export const OPENING_EXCEPTION_NOTE_MAX_LENGTH = 80;
/** Most conversations a queue may be set to keep waiting. */
export const QUEUE_MAX_WAITING_LIMIT = 10000;

/** Weekday index in `weekly`: 0 = Monday … 6 = Sunday (ISO order). */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

const TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Whether the runtime knows this IANA time zone (e.g. Europe/Helsinki). */
export function isTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const OpeningIntervalSchema = z
  .object({
    start: z.string().regex(TIME, 'Use a time like 09:00'),
    end: z.string().regex(TIME, 'Use a time like 17:00 (24:00 for midnight)'),
  })
  .refine((i) => i.start < i.end, { message: 'The closing time must be after the opening time', path: ['end'] });
export type OpeningInterval = z.infer<typeof OpeningIntervalSchema>;

/** One day's intervals: in order, not overlapping. */
const DayIntervalsSchema = z
  .array(OpeningIntervalSchema)
  .max(OPENING_INTERVALS_PER_DAY_MAX, `At most ${OPENING_INTERVALS_PER_DAY_MAX} intervals a day`)
  .refine((list) => list.every((iv, i) => i === 0 || list[i - 1]!.end <= iv.start), 'Intervals of a day must be in order and must not overlap');

export const OpeningExceptionSchema = z.object({
  /** The date in the queue's time zone, YYYY-MM-DD. */
  date: z.iso.date('Use a date like 2026-12-24'),
  /** Empty: closed all day. */
  intervals: DayIntervalsSchema,
  /** What the day is, for admins: "Christmas Eve". */
  note: text().trim().max(OPENING_EXCEPTION_NOTE_MAX_LENGTH, `At most ${OPENING_EXCEPTION_NOTE_MAX_LENGTH} characters`).default(''),
});
export type OpeningException = z.infer<typeof OpeningExceptionSchema>;

export const OpeningHoursSchema = z.object({
  timeZone: z.string().refine(isTimeZone, 'Choose a time zone like Europe/Helsinki'),
  /** Seven days, Monday first; an empty day is closed. */
  weekly: z.array(DayIntervalsSchema).length(7, 'Give the hours of all seven days'),
  exceptions: z
    .array(OpeningExceptionSchema)
    .max(OPENING_EXCEPTIONS_MAX, `At most ${OPENING_EXCEPTIONS_MAX} exceptions`)
    .refine((list) => new Set(list.map((e) => e.date)).size === list.length, 'Each date can have one exception'),
});
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

export { QueueAvailabilitySchema, type QueueAvailability } from './queue-availability';
