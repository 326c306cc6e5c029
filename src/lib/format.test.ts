import { describe, expect, it } from 'vitest';
import { formatDay, formatDuration, formatStamp } from './format';

// Local times, so the rules hold in whatever time zone the tests run.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);
const iso = (date: Date) => date.toISOString();

describe('formatStamp: the date for anything not from today', () => {
  const now = local(2025, 3, 12, 15, 30);

  it('says only the time for today, from its first to its last minute', () => {
    expect(formatStamp(iso(local(2025, 3, 12, 14, 5)), now, 'en-GB')).toBe('14:05');
    expect(formatStamp(iso(local(2025, 3, 12, 0, 0)), now, 'en-GB')).toBe('00:00');
    expect(formatStamp(iso(local(2025, 3, 12, 23, 59)), now, 'en-GB')).toBe('23:59');
  });

  it('says Yesterday with the time for the day before, also across a month or a year', () => {
    expect(formatStamp(iso(local(2025, 3, 11, 23, 59)), now, 'en-GB')).toBe('Yesterday, 23:59');
    expect(formatStamp(iso(local(2025, 2, 28, 9, 0)), local(2025, 3, 1, 8, 0), 'en-GB')).toBe('Yesterday, 09:00');
    expect(formatStamp(iso(local(2024, 12, 31, 18, 45)), local(2025, 1, 1, 0, 10), 'en-GB')).toBe('Yesterday, 18:45');
  });

  it('gives the day and month for earlier days this year, and the year too before that', () => {
    expect(formatStamp(iso(local(2025, 3, 10, 9, 0)), now, 'en-GB')).toBe('10 Mar, 09:00');
    expect(formatStamp(iso(local(2025, 1, 1, 12, 0)), now, 'en-GB')).toBe('1 Jan, 12:00');
    expect(formatStamp(iso(local(2024, 3, 12, 15, 30)), now, 'en-GB')).toBe('12 Mar 2024, 15:30');
  });

  it('dates a moment later than now (another clock slightly ahead) by the same rules', () => {
    expect(formatStamp(iso(local(2025, 3, 12, 15, 31)), now, 'en-GB')).toBe('15:31');
    expect(formatStamp(iso(local(2025, 3, 13, 8, 0)), now, 'en-GB')).toBe('13 Mar, 08:00');
  });

  it("follows the reader's language", () => {
    expect(formatStamp(iso(local(2025, 3, 10, 14, 0)), now, 'en-US')).toBe('Mar 10, 02:00 PM');
    expect(formatStamp(iso(local(2025, 3, 10, 14, 0)), now, 'de-DE')).toMatch(/^10\. März(,| um)? 14:00$/);
  });
});

describe('formatDay and formatDuration', () => {
  const now = local(2025, 3, 12, 15, 30);

  it('names today and yesterday, and dates the rest in full', () => {
    expect(formatDay(iso(local(2025, 3, 12, 1)), now)).toBe('Today');
    expect(formatDay(iso(local(2025, 3, 11, 23)), now)).toBe('Yesterday');
    expect(formatDay(iso(local(2025, 3, 10, 12)), now)).toMatch(/2025/);
  });

  it('shortens waiting times to the largest sensible unit', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(12 * 60_000)).toBe('12 min');
    expect(formatDuration((3 * 60 + 5) * 60_000)).toBe('3 h 5 min');
    expect(formatDuration(3 * 3_600_000)).toBe('3 h');
    expect(formatDuration(50 * 3_600_000)).toBe('2 d');
    expect(formatDuration(-5)).toBe('0 s');
  });
});
