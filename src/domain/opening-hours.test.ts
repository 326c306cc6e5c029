import { describe, expect, it } from 'vitest';
import { OpeningHoursSchema, type OpeningHours, type OpeningInterval } from '../contract/opening-hours';
import { describeOpeningHours, isOpenAt, nextOpening, openingState } from './opening-hours';

const at = (iso: string) => Date.parse(iso);
const iv = (start: string, end: string): OpeningInterval => ({ start, end });
const weekdays = (...day: OpeningInterval[]) => [day, day, day, day, day, [], []];
const hours = (timeZone: string, weekly: OpeningInterval[][], exceptions: OpeningHours['exceptions'] = []): OpeningHours => ({ timeZone, weekly, exceptions });
const next = (h: OpeningHours, from: string) => {
  const t = nextOpening(h, at(from));
  return t === null ? null : new Date(t).toISOString();
};

describe('opening hours', () => {
  it('a queue without hours is always open and has no next opening', () => {
    expect(isOpenAt(null, at('2026-03-29T01:30:00Z'))).toBe(true);
    expect(openingState(null, Date.now())).toEqual({ open: true, nextOpening: null });
  });

  it('reads weekly hours in the queue time zone, not UTC', () => {
    const h = hours('Europe/Helsinki', weekdays(iv('09:00', '17:00'))); // winter: UTC+2
    expect(isOpenAt(h, at('2026-03-02T06:59:59Z'))).toBe(false); // Monday 08:59 local
    expect(isOpenAt(h, at('2026-03-02T07:00:00Z'))).toBe(true);
    expect(isOpenAt(h, at('2026-03-02T14:59:00Z'))).toBe(true);
    expect(isOpenAt(h, at('2026-03-02T15:00:00Z'))).toBe(false); // 17:00: closed
    expect(next(h, '2026-03-02T06:30:00Z')).toBe('2026-03-02T07:00:00.000Z');
    // Friday evening: next opening is Monday morning.
    expect(next(h, '2026-03-06T15:00:00Z')).toBe('2026-03-09T07:00:00.000Z');
    expect(openingState(h, at('2026-03-02T08:00:00Z'))).toEqual({ open: true, nextOpening: null });
    expect(openingState(h, at('2026-03-07T08:00:00Z'))).toEqual({ open: false, nextOpening: '2026-03-09T07:00:00.000Z' });
  });

  it('the same wall-clock hours are different instants in New York', () => {
    const h = hours('America/New_York', weekdays(iv('09:00', '17:00'))); // winter: UTC-5
    expect(isOpenAt(h, at('2026-03-02T13:59:00Z'))).toBe(false);
    expect(isOpenAt(h, at('2026-03-02T14:00:00Z'))).toBe(true);
    expect(next(h, '2026-03-02T03:00:00Z')).toBe('2026-03-02T14:00:00.000Z');
  });

  describe('Europe/Helsinki daylight saving (2026-03-29 03:00 → 04:00; 2026-10-25 04:00 → 03:00)', () => {
    const sunday = (...day: OpeningInterval[]) => [[], [], [], [], [], [], day];

    it('an interval crossing the spring switch is open its whole wall-clock span (an hour shorter)', () => {
      const h = hours('Europe/Helsinki', sunday(iv('02:00', '06:00')));
      expect(isOpenAt(h, at('2026-03-28T23:59:00Z'))).toBe(false); // 01:59 EET
      expect(isOpenAt(h, at('2026-03-29T00:00:00Z'))).toBe(true); // 02:00 EET
      expect(isOpenAt(h, at('2026-03-29T01:00:00Z'))).toBe(true); // 04:00 EEST, just after the switch
      expect(isOpenAt(h, at('2026-03-29T02:59:00Z'))).toBe(true); // 05:59 EEST
      expect(isOpenAt(h, at('2026-03-29T03:00:00Z'))).toBe(false); // 06:00 EEST
      expect(next(h, '2026-03-28T20:00:00Z')).toBe('2026-03-29T00:00:00.000Z');
    });

    it('an interval starting in the skipped hour opens at the switch', () => {
      const h = hours('Europe/Helsinki', sunday(iv('03:30', '05:00')));
      expect(isOpenAt(h, at('2026-03-29T00:59:00Z'))).toBe(false); // 02:59 EET
      expect(next(h, '2026-03-28T22:00:00Z')).toBe('2026-03-29T01:00:00.000Z'); // 04:00 EEST
      expect(isOpenAt(h, at('2026-03-29T01:59:00Z'))).toBe(true); // 04:59
      expect(isOpenAt(h, at('2026-03-29T02:00:00Z'))).toBe(false); // 05:00
    });

    it('an interval wholly inside the skipped hour does not open that day', () => {
      const h = hours('Europe/Helsinki', sunday(iv('03:00', '04:00')));
      expect(next(h, '2026-03-28T22:00:00Z')).toBe('2026-04-05T00:00:00.000Z'); // next Sunday 03:00 EEST
    });

    it('after the switch, the same hours are an hour earlier in UTC', () => {
      const h = hours('Europe/Helsinki', sunday(iv('09:00', '10:00')));
      expect(next(h, '2026-03-28T12:00:00Z')).toBe('2026-03-29T06:00:00.000Z');
      expect(next(h, '2026-03-22T00:00:00Z')).toBe('2026-03-22T07:00:00.000Z');
    });

    it('the repeated autumn hour is open both times, closed in between', () => {
      const h = hours('Europe/Helsinki', sunday(iv('03:00', '03:30')));
      expect(isOpenAt(h, at('2026-10-25T00:10:00Z'))).toBe(true); // 03:10 EEST
      expect(isOpenAt(h, at('2026-10-25T00:40:00Z'))).toBe(false); // 03:40 EEST
      expect(isOpenAt(h, at('2026-10-25T01:10:00Z'))).toBe(true); // 03:10 EET, again
      expect(next(h, '2026-10-24T12:00:00Z')).toBe('2026-10-25T00:00:00.000Z'); // the first 03:00
      expect(next(h, '2026-10-25T00:40:00Z')).toBe('2026-10-25T01:00:00.000Z'); // the second 03:00
    });
  });

  describe('America/New_York daylight saving (2026-03-08 02:00 → 03:00; 2026-11-01 02:00 → 01:00)', () => {
    const sunday = (...day: OpeningInterval[]) => [[], [], [], [], [], [], day];

    it('an interval crossing the spring switch', () => {
      const h = hours('America/New_York', sunday(iv('01:00', '05:00')));
      expect(isOpenAt(h, at('2026-03-08T05:59:00Z'))).toBe(false); // 00:59 EST
      expect(isOpenAt(h, at('2026-03-08T06:00:00Z'))).toBe(true); // 01:00 EST
      expect(isOpenAt(h, at('2026-03-08T07:00:00Z'))).toBe(true); // 03:00 EDT
      expect(isOpenAt(h, at('2026-03-08T08:59:00Z'))).toBe(true); // 04:59 EDT
      expect(isOpenAt(h, at('2026-03-08T09:00:00Z'))).toBe(false); // 05:00 EDT
    });

    it('next opening on the switch days', () => {
      const h = hours('America/New_York', sunday(iv('09:00', '17:00')));
      expect(next(h, '2026-03-08T03:00:00Z')).toBe('2026-03-08T13:00:00.000Z'); // 09:00 EDT
      expect(next(h, '2026-11-01T05:30:00Z')).toBe('2026-11-01T14:00:00.000Z'); // 09:00 EST
      const skipped = hours('America/New_York', sunday(iv('02:30', '04:00')));
      expect(next(skipped, '2026-03-08T05:00:00Z')).toBe('2026-03-08T07:00:00.000Z'); // the switch, 03:00 EDT
    });
  });

  describe('exceptions', () => {
    const h = hours('Europe/Helsinki', [...weekdays(iv('09:00', '17:00')).slice(0, 5), [], []], [
      { date: '2026-12-24', intervals: [], note: 'Christmas Eve' },
      { date: '2026-12-26', intervals: [iv('10:00', '14:00')], note: 'Boxing Day (a Saturday)' },
    ]);

    it('a holiday closes a weekday all day', () => {
      expect(isOpenAt(h, at('2026-12-24T10:00:00Z'))).toBe(false); // Thursday noon
      expect(isOpenAt(h, at('2026-12-23T10:00:00Z'))).toBe(true);
      expect(next(h, '2026-12-24T05:00:00Z')).toBe('2026-12-25T07:00:00.000Z'); // Friday 09:00
    });

    it('special hours open a day the week leaves closed', () => {
      expect(isOpenAt(h, at('2026-12-26T08:00:00Z'))).toBe(true); // Saturday 10:00
      expect(isOpenAt(h, at('2026-12-26T12:00:00Z'))).toBe(false); // 14:00
      expect(next(h, '2026-12-25T16:00:00Z')).toBe('2026-12-26T08:00:00.000Z');
      expect(next(h, '2026-12-26T12:00:00Z')).toBe('2026-12-28T07:00:00.000Z'); // Monday
    });

    it('the date of an exception is the local date, not UTC', () => {
      const ny = hours('America/New_York', weekdays(iv('00:00', '24:00')), [{ date: '2026-07-03', intervals: [], note: '' }]);
      expect(isOpenAt(ny, at('2026-07-03T02:00:00Z'))).toBe(true); // still July 2 in New York
      expect(isOpenAt(ny, at('2026-07-03T05:00:00Z'))).toBe(false); // 01:00 July 3
      expect(next(ny, '2026-07-03T05:00:00Z')).toBe('2026-07-06T04:00:00.000Z'); // Monday 00:00 EDT
    });
  });

  it('hours that never open have no next opening', () => {
    const h = hours('UTC', [[], [], [], [], [], [], []]);
    expect(openingState(h, at('2026-03-02T12:00:00Z'))).toEqual({ open: false, nextOpening: null });
  });

  it('the schema refuses unknown zones, reversed or overlapping intervals and repeated dates', () => {
    const ok = { timeZone: 'Europe/Helsinki', weekly: weekdays(iv('09:00', '12:00'), iv('13:00', '17:00')), exceptions: [] };
    expect(OpeningHoursSchema.safeParse(ok).success).toBe(true);
    const issues = (v: unknown) => (OpeningHoursSchema.safeParse(v).error?.issues ?? []).map((i) => i.message);
    expect(issues({ ...ok, timeZone: 'Mars/Olympus' })).toEqual(['Choose a time zone like Europe/Helsinki']);
    expect(issues({ ...ok, weekly: weekdays(iv('17:00', '09:00')) })).toContain('The closing time must be after the opening time');
    expect(issues({ ...ok, weekly: weekdays(iv('09:00', '12:00'), iv('11:00', '17:00')) })).toContain('Intervals of a day must be in order and must not overlap');
    expect(issues({ ...ok, weekly: weekdays(iv('9:00', '12:00')) })).toContain('Use a time like 09:00');
    expect(issues({ ...ok, weekly: [[]] })).toContain('Give the hours of all seven days');
    const day = { date: '2026-12-24', intervals: [] };
    expect(issues({ ...ok, exceptions: [day, day] })).toContain('Each date can have one exception');
    expect(issues({ ...ok, exceptions: [{ date: '2026-02-30', intervals: [] }] })).toContain('Use a date like 2026-12-24');
  });
});

describe('describeOpeningHours', () => {
  it('joins days with the same hours and names the zone', () => {
    const weekly = [[iv('09:00', '17:00')], [iv('09:00', '17:00')], [iv('09:00', '17:00')], [iv('09:00', '17:00')], [iv('09:00', '12:00'), iv('13:00', '16:00')], [iv('10:00', '14:00')], []];
    expect(describeOpeningHours(hours('Europe/Helsinki', weekly))).toBe('Mon–Thu 09:00–17:00, Fri 09:00–12:00 and 13:00–16:00, Sat 10:00–14:00 (Europe/Helsinki)');
    expect(describeOpeningHours(null)).toBe('');
    expect(describeOpeningHours(hours('UTC', [[], [], [], [], [], [], []]))).toBe('');
  });
});
