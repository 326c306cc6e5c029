import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import type { WorkspaceEvent } from '../../contract/events';
import type { MyPresenceResponse, Presence } from '../../contract/presence';
import { applyPresenceEvent, currentPresenceNotice, dismissPresenceNotice, type PresenceNotice } from './presence-cache';
import { queryKeys } from '../../lib/query-keys';
import { makeAgent } from '../../lib/test-factories';

const anna = makeAgent('anna');
const t1 = '2024-05-01T10:00:00.000Z';
const t2 = '2024-05-01T10:05:00.000Z';
const presence = (patch: Partial<Presence>): Presence => ({ state: 'available', since: t1, reason: null, ...patch });
const changed = (agentId: string, p: Presence): Extract<WorkspaceEvent, { type: 'presence.changed' }> => ({
  type: 'presence.changed',
  seq: 1,
  at: p.since,
  agent: { id: agentId, displayName: agentId },
  presence: p,
});

function client() {
  const queryClient = new QueryClient();
  queryClient.setQueryData<MyPresenceResponse>(queryKeys.presence(), { presence: presence({}), capacity: 3, load: 1 });
  return queryClient;
}

describe('applyPresenceEvent', () => {
  it('fetches my presence again when its first read was under way as the server changed it', async () => {
    const queryClient = new QueryClient();
    const answers = [presence({ state: 'offline' }), presence({ state: 'available', since: t2 })];
    let release = () => {};
    const firstRead = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    const observer = new QueryObserver(queryClient, {
      queryKey: queryKeys.presence(),
      queryFn: async (): Promise<MyPresenceResponse> => {
        const answer = answers[reads++]!;
        if (reads === 1) await firstRead; // read before the change committed, answered after the event
        return { presence: answer, capacity: 3, load: 0 };
      },
    });
    const unsubscribe = observer.subscribe(() => {});
    applyPresenceEvent(queryClient, anna, changed('anna', presence({ state: 'available', since: t2 })));
    release();
    await vi.waitFor(() => expect(queryClient.getQueryData<MyPresenceResponse>(queryKeys.presence())?.presence.state).toBe('available'));
    expect(reads).toBe(2);
    unsubscribe();
  });

  it('follows my presence and remembers why the server changed it', () => {
    const queryClient = client();
    applyPresenceEvent(queryClient, anna, changed('anna', presence({ state: 'away', since: t2, reason: 'missed_offers' })));
    expect(queryClient.getQueryData<MyPresenceResponse>(queryKeys.presence())).toEqual({
      presence: { state: 'away', since: t2, reason: 'missed_offers' },
      capacity: 3,
      load: 1,
    });
    expect(queryClient.getQueryData(queryKeys.presenceNotice())).toEqual({ reason: 'missed_offers', since: t2, dismissed: false });
  });

  it('ignores colleagues', () => {
    const queryClient = client();
    applyPresenceEvent(queryClient, anna, changed('ben', presence({ state: 'busy', since: t2 })));
    expect(queryClient.getQueryData<MyPresenceResponse>(queryKeys.presence())?.presence.state).toBe('available');
  });

  it('keeps the lost-connection notice after the reconnect makes me available again', () => {
    const queryClient = client();
    applyPresenceEvent(queryClient, anna, changed('anna', presence({ state: 'offline', since: t1, reason: 'lost_connection' })));
    applyPresenceEvent(queryClient, anna, changed('anna', presence({ state: 'available', since: t2 })));
    const notice = queryClient.getQueryData<PresenceNotice>(queryKeys.presenceNotice());
    const mine = queryClient.getQueryData<MyPresenceResponse>(queryKeys.presence())?.presence;
    expect(currentPresenceNotice(notice, mine)).toEqual({ reason: 'lost_connection', since: t1, dismissed: false });
  });
});

describe('currentPresenceNotice', () => {
  it('shows the reason my presence carries when the panel opens, until dismissed', () => {
    const away = presence({ state: 'away', since: t2, reason: 'missed_offers' });
    expect(currentPresenceNotice(undefined, away)).toEqual({ reason: 'missed_offers', since: t2, dismissed: false });
    const queryClient = new QueryClient();
    dismissPresenceNotice(queryClient, { reason: 'missed_offers', since: t2 });
    expect(currentPresenceNotice(queryClient.getQueryData<PresenceNotice>(queryKeys.presenceNotice()), away)).toBeNull();
  });

  it('shows nothing for a presence I chose', () => {
    expect(currentPresenceNotice(null, presence({ state: 'busy' }))).toBeNull();
  });
});
