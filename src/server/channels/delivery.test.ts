import { describe, expect, it } from 'vitest';
import { advances } from './delivery';

describe('delivery states', () => {
  it('only move forward, and a failure counts only before delivery', () => {
    expect(advances(null, 'pending')).toBe(true);
    expect(advances('pending', 'sent')).toBe(true);
    expect(advances('sent', 'delivered')).toBe(true);
    expect(advances('delivered', 'read')).toBe(true);
    expect(advances('read', 'delivered')).toBe(false);
    expect(advances('delivered', 'sent')).toBe(false);
    expect(advances('sent', 'failed')).toBe(true);
    expect(advances('delivered', 'failed')).toBe(false);
    expect(advances('failed', 'sent')).toBe(false);
    expect(advances('failed', 'delivered')).toBe(true);
  });
});
