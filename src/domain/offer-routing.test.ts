import { describe, expect, it } from 'vitest';
import { chooseAgent, ineligibility, type AgentCandidate, type OfferTarget } from './offer-routing';

const SUPPORT = 'queue-support';
const at = (minutesAgo: number) => new Date(Date.UTC(2025, 0, 1, 12, 0) - minutesAgo * 60_000);

function agent(id: string, overrides: Partial<AgentCandidate> = {}): AgentCandidate {
  return {
    id,
    presence: 'available',
    capacity: 3,
    load: 0,
    hasOffer: false,
    idleSince: at(1),
    connected: true,
    queueIds: [SUPPORT],
    ...overrides,
  };
}

const target = (offeredThisRound: string[] = []): OfferTarget => ({ queueId: SUPPORT, offeredThisRound: new Set(offeredThisRound) });
const chosen = (agents: AgentCandidate[], t = target()) => chooseAgent(agents, t)?.id ?? null;

describe('Offer routing rules', () => {
  it('offers to the agent who has waited longest', () => {
    const agents = [agent('recent', { idleSince: at(2) }), agent('longest', { idleSince: at(30) }), agent('middle', { idleSince: at(10) })];
    expect(chosen(agents)).toBe('longest');
    // The order of the list does not matter.
    expect(chosen([...agents].reverse())).toBe('longest');
  });

  it('breaks a tie in idle time by id, so every instance decides alike', () => {
    expect(chosen([agent('b', { idleSince: at(5) }), agent('a', { idleSince: at(5) })])).toBe('a');
  });

  it('passes over an agent whose capacity is full, even when they waited longest', () => {
    const full = agent('full', { idleSince: at(60), capacity: 3, load: 3 });
    const free = agent('free', { idleSince: at(1), capacity: 3, load: 2 });
    expect(ineligibility(full, target())).toBe('at_capacity');
    expect(ineligibility(free, target())).toBeNull();
    expect(chosen([full, free])).toBe('free');
    expect(chosen([full])).toBeNull();
  });

  it('offers only to available agents: busy, away and offline ones are passed over', () => {
    for (const presence of ['busy', 'away', 'offline'] as const) {
      const other = agent(presence, { presence, idleSince: at(60) });
      expect(ineligibility(other, target())).toBe('not_available');
      expect(chosen([other, agent('available', { idleSince: at(1) })])).toBe('available');
      expect(chosen([other])).toBeNull();
    }
  });

  it('passes over an agent without a live connection', () => {
    const gone = agent('gone', { connected: false, idleSince: at(60) });
    expect(ineligibility(gone, target())).toBe('not_connected');
    expect(chosen([gone, agent('here')])).toBe('here');
    expect(chosen([gone])).toBeNull();
  });

  it('passes over whoever was offered the conversation in this round', () => {
    const agents = [agent('first', { idleSince: at(30) }), agent('second', { idleSince: at(20) }), agent('third', { idleSince: at(10) })];
    expect(chosen(agents, target(['first']))).toBe('second');
    expect(ineligibility(agents[0]!, target(['first']))).toBe('declined');
    expect(chosen(agents, target(['first', 'second']))).toBe('third');
    expect(chosen(agents, target(['first', 'second', 'third']))).toBeNull();
  });

  it('offers only to agents of the conversation’s queue', () => {
    const other = agent('sales', { queueIds: ['queue-sales'], idleSince: at(60) });
    expect(ineligibility(other, target())).toBe('not_in_queue');
    expect(chosen([other, agent('support')])).toBe('support');
  });

  it('makes one offer at a time per agent', () => {
    const waiting = agent('waiting', { hasOffer: true, load: 1, idleSince: at(60) });
    expect(ineligibility(waiting, target())).toBe('has_offer');
    expect(chosen([waiting, agent('free')])).toBe('free');
  });

  it('finds nobody in an empty team', () => {
    expect(chosen([])).toBeNull();
  });
});
