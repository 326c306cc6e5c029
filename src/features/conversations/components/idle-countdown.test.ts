import { describe, expect, it } from 'vitest';
import { activeIdleWarning, formatLeft } from './idle-countdown';

const warning = { warnedAt: '2026-12-01T10:00:00.000Z', endsAt: '2026-12-01T10:01:00.000Z' };
const said = (createdAt: string) => ({ createdAt }) as never;

describe('the idle countdown', () => {
  it('stands while nobody wrote after the warning, and not once the chat ended', () => {
    expect(activeIdleWarning({ state: 'picked', idleWarning: warning, lastMessage: said('2026-12-01T09:00:00.000Z') })).toBe(warning);
    expect(activeIdleWarning({ state: 'picked', idleWarning: warning, lastMessage: said('2026-12-01T10:00:05.000Z') })).toBeNull();
    expect(activeIdleWarning({ state: 'ended', idleWarning: warning, lastMessage: null })).toBeNull();
    expect(activeIdleWarning({ state: 'queued', idleWarning: null, lastMessage: null })).toBeNull();
  });

  it('shows minutes and seconds left, never below zero', () => {
    expect(formatLeft(42_000)).toBe('0:42');
    expect(formatLeft(61_200)).toBe('1:02');
    expect(formatLeft(-5000)).toBe('0:00');
  });
});
