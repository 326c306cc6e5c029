import { describe, expect, it } from 'vitest';
import { highlight, matchesEveryTerm, prefixTsQuery, searchTerms, snippet } from './search-text';

const marks = (segments: { text: string; match: boolean }[]) => segments.filter((s) => s.match).map((s) => s.text);

describe('search text', () => {
  it('reads words of letters and digits, lower-case, each once', () => {
    expect(searchTerms("Refund' & !Zebra42:* refund")).toEqual(['refund', 'zebra42']);
    expect(searchTerms('Größe über')).toEqual(['größe', 'über']);
    expect(searchTerms('!!! ---')).toEqual([]);
  });

  it('builds a prefix tsquery of quoted words, refusing text without any', () => {
    expect(prefixTsQuery(['refu', 'zebra42'])).toBe("'refu':* & 'zebra42':*");
    expect(() => prefixTsQuery([])).toThrow(expect.objectContaining({ status: 400, code: 'invalid_search' }));
  });

  it('matches when every word starts a word of the text', () => {
    expect(matchesEveryTerm('My refund never arrived', ['refu', 'arr'])).toBe(true);
    expect(matchesEveryTerm('My refund never arrived', ['refu', 'parcel'])).toBe(false);
    expect(matchesEveryTerm('unrefunded', ['refu'])).toBe(false);
  });

  it('marks whole words a typed word starts, and the typed text itself', () => {
    expect(highlight('Quentin Marlowe', 'marl')).toEqual([
      { text: 'Quentin ', match: false },
      { text: 'Marlowe', match: true },
    ]);
    expect(marks(highlight('+44 20 7946 0958', '7946 0958'))).toEqual(['7946 0958']);
  });

  it('cuts long text around the first match, at spaces, saying where', () => {
    const text = `${'lorem ipsum '.repeat(30)}the refund arrived ${'dolor sit '.repeat(30)}`;
    const segments = snippet(text, 'refund', 60);
    const shown = segments.map((s) => s.text).join('');
    expect(shown.startsWith('… ')).toBe(true);
    expect(shown.endsWith(' …')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(64);
    expect(marks(segments)).toEqual(['refund']);
  });
});
