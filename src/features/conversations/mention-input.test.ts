import { describe, expect, it } from 'vitest';
import { insertMention, matchCandidates, mentionAt, mentionedIn } from './mention-input';

const candidate = (displayName: string, mayView = true) => ({ id: displayName, displayName, role: 'agent' as const, mayView });

describe('@mentions in the note field', () => {
  it('finds the "@name" being typed before the caret, not an email address', () => {
    expect(mentionAt('Ask @be', 7)).toEqual({ query: 'be', from: 4 });
    expect(mentionAt('@', 1)).toEqual({ query: '', from: 0 });
    expect(mentionAt('mail anna@example.com', 21)).toBeNull();
    expect(mentionAt('@ben done', 9)).toBeNull();
  });

  it('matches any word of a name, those who may see the conversation first', () => {
    const list = [candidate('Sam Outside', false), candidate('Ben Okafor'), candidate('Sara Moreau')];
    expect(matchCandidates(list, 's').map((c) => c.displayName)).toEqual(['Sara Moreau', 'Sam Outside']);
    expect(matchCandidates(list, 'oka').map((c) => c.displayName)).toEqual(['Ben Okafor']);
  });

  it('replaces the typed "@query" with the name and keeps only the names still in the text', () => {
    expect(insertMention('Ask @be please', { from: 4 }, 7, { id: 'b', displayName: 'Ben Okafor' })).toEqual({ text: 'Ask @Ben Okafor  please', caret: 16 });
    const ben = { id: 'b', displayName: 'Ben Okafor' };
    const sara = { id: 's', displayName: 'Sara Moreau' };
    expect(mentionedIn('@Ben Okafor check', [ben, sara])).toEqual([ben]);
  });
});
