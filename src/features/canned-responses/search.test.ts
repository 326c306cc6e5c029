import { describe, expect, it } from 'vitest';
import type { CannedResponse } from '../../contract/canned-responses';
import { forQueue, preview, searchCanned } from './search';

const response = (shortcut: string, text: string, extra: Partial<CannedResponse> = {}): CannedResponse => ({
  id: shortcut,
  scope: 'personal',
  queue: null,
  shortcut,
  text,
  attachments: [],
  useCount: 0,
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...extra,
});

describe('searchCanned', () => {
  const list = [
    response('refund', 'Your refund is on its way.', { scope: 'shared' }),
    response('hello', 'Hi there!'),
    response('thanks', 'Thank you for waiting.'),
    response('thanks', 'Thanks from the team.', { id: 'shared-thanks', scope: 'shared' }),
    response('bye', 'Thanks, goodbye.'),
  ];
  const shortcuts = (query: string) => searchCanned(list, query).map((r) => r.id);

  it('puts shortcuts that start with the query first, mine before shared, then shortcuts and texts that contain it', () => {
    expect(shortcuts('th')).toEqual(['thanks', 'shared-thanks', 'bye', 'hello']);
    expect(shortcuts('UND')).toEqual(['refund']);
    expect(shortcuts('goodbye')).toEqual(['bye']);
    expect(shortcuts('nothing like it')).toEqual([]);
  });

  it('lists everything for an empty query', () => {
    expect(shortcuts('')).toEqual(['bye', 'hello', 'thanks', 'refund', 'shared-thanks']);
  });
});

describe('forQueue and preview', () => {
  it("keeps mine and the shared ones for everyone or for the chat's queue", () => {
    const list = [
      response('a', 'x', { scope: 'shared', queue: { id: 'q1', name: 'Support' } }),
      response('b', 'x', { scope: 'shared', queue: { id: 'q2', name: 'Sales' } }),
      response('c', 'x', { scope: 'shared' }),
      response('d', 'x'),
    ];
    expect(forQueue(list, 'q1').map((r) => r.shortcut)).toEqual(['a', 'c', 'd']);
  });

  it('shows the text on one line, shortened', () => {
    expect(preview('Hello\n\nthere  you', 50)).toBe('Hello there you');
    expect(preview('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
