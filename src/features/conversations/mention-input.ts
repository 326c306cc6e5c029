import type { PersonRef } from '../../contract/conversations';
import type { MentionCandidate } from '../../contract/notes';

/** Suggestions shown at once: the list stays short enough to read under the field. */
const SUGGESTIONS_SHOWN = 8;

/** An "@name" being typed right before the caret: the query after the @ and where the @ is. */
export function mentionAt(text: string, caret: number): { query: string; from: number } | null {
  const match = /(^|\s)@([^\s@]{0,30})$/.exec(text.slice(0, caret));
  return match ? { query: match[2]!.toLowerCase(), from: caret - match[2]!.length - 1 } : null;
}

/** Candidates whose name (any of its words) starts with the query; those who may see the conversation first. */
export function matchCandidates(candidates: readonly MentionCandidate[], query: string): MentionCandidate[] {
  const matches = (c: MentionCandidate) => c.displayName.toLowerCase().split(/\s+/).some((word) => word.startsWith(query));
  return candidates
    .filter(matches)
    .sort((a, b) => Number(b.mayView) - Number(a.mayView))
    .slice(0, SUGGESTIONS_SHOWN);
}

/** The text with the "@query" before the caret replaced by "@Name ", and where the caret goes. */
export function insertMention(text: string, target: { from: number }, caret: number, who: PersonRef): { text: string; caret: number } {
  const inserted = `@${who.displayName} `;
  return { text: text.slice(0, target.from) + inserted + text.slice(caret), caret: target.from + inserted.length };
}

/** The chosen colleagues still named in the text when it is saved (a deleted "@Name" mentions nobody). */
export const mentionedIn = (text: string, chosen: readonly PersonRef[]) => chosen.filter((p) => text.includes(`@${p.displayName}`));
