import type { CannedResponse } from '../../contract/canned-responses';

/**
 * Responses matching what the agent typed, best first: shortcuts that start with it, then
 * shortcuts that contain it, then texts that do; mine before shared ones, then by shortcut.
 * An empty query matches everything.
 */
export function searchCanned(responses: readonly CannedResponse[], query: string): CannedResponse[] {
  const q = query.trim().toLowerCase();
  const rank = (r: CannedResponse) => (r.shortcut.startsWith(q) ? 0 : r.shortcut.includes(q) ? 1 : r.text.toLowerCase().includes(q) ? 2 : 3);
  return responses
    .map((r) => ({ r, rank: rank(r) }))
    .filter((m) => m.rank < 3)
    .sort((a, b) => a.rank - b.rank || Number(a.r.scope === 'shared') - Number(b.r.scope === 'shared') || a.r.shortcut.localeCompare(b.r.shortcut))
    .map((m) => m.r);
}

/** The responses an agent may insert in a chat of `queueId`: theirs, and the shared ones for everyone or for that queue. */
export const forQueue = (responses: readonly CannedResponse[], queueId: string) => responses.filter((r) => r.queue === null || r.queue.id === queueId);

/** The start of a response's text on one line, for lists. */
export const preview = (text: string, max = 90) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};
