import { describe, expect, it } from 'vitest';
import { replyUrgency } from './reply-urgency';

describe('replyUrgency', () => {
  const since = '2024-05-01T10:00:00.000Z';
  const after = (seconds: number) => Date.parse(since) + seconds * 1000;

  it('is null when nothing waits for a reply', () => {
    expect(replyUrgency(null, after(999), 120)).toBeNull();
  });

  it('turns near at 75 % of the limit and over at 100 %', () => {
    expect(replyUrgency(since, after(0), 120)).toBe('ok');
    expect(replyUrgency(since, after(89.999), 120)).toBe('ok');
    expect(replyUrgency(since, after(90), 120)).toBe('near');
    expect(replyUrgency(since, after(119.999), 120)).toBe('near');
    expect(replyUrgency(since, after(120), 120)).toBe('over');
    expect(replyUrgency(since, after(86_400), 120)).toBe('over');
  });
});
