import { describe, expect, it } from 'vitest';
import type { Attachment } from '../contract/attachments';
import type { Message } from '../contract/messages';
import { linkRefreshInterval } from './link-refresh';

const now = Date.parse('2026-01-01T12:00:00Z');
const withFiles = (...expiries: string[]) =>
  ({ attachments: expiries.map((urlExpiresAt) => ({ urlExpiresAt }) as Attachment) }) as Message;

describe('linkRefreshInterval', () => {
  it('refetches a minute before the earliest link expires, and not at all without files', () => {
    expect(linkRefreshInterval(undefined, now)).toBe(false);
    expect(linkRefreshInterval([{ messages: [withFiles()] }], now)).toBe(false);
    const pages = [{ messages: [withFiles('2026-01-01T12:20:00Z')] }, { messages: [withFiles('2026-01-01T12:15:00Z', '2026-01-01T12:30:00Z')] }];
    expect(linkRefreshInterval(pages, now)).toBe(14 * 60_000);
  });

  it('waits at least half a minute, even for links already expired', () => {
    expect(linkRefreshInterval([{ messages: [withFiles('2026-01-01T11:00:00Z')] }], now)).toBe(30_000);
  });
});
