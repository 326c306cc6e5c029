import { useQuery, useQueryClient } from '@tanstack/react-query';
import { announce } from '../lib/announcer';
import { keyboardStrings } from '../lib/keyboard-strings';
import { useCallback, useEffect, useRef } from 'react';
import { staffRoutes } from '../contract/staff-routes';
import type { User } from '../contract/auth';
import type { Conversation } from '../contract/conversations';
import type { ConversationEvent } from '../contract/events';
import type { NotificationPreferences } from '../contract/preferences';
import { callApi } from '../lib/api-client';
import { alertingFor, type Alerting } from '../lib/notification-rules';
import { heldWhenWritten } from '../lib/event-holder';
import type * as Notifier from '../lib/notifier';
import { whenIdle } from '../lib/when-idle';
import { loadedRows, type ListPages } from '../lib/list-pages';
import { queryKeys } from '../lib/query-keys';

/*
 * The notifier (Web Audio and the Notification API) loads when the page is idle or at the first
 * alert, not with the panel: deciding whether an event alerts needs only the caches, and the
 * panel's first paint should not wait for code that makes sounds.
 */
type NotifierModule = typeof Notifier;
let loaded: NotifierModule | undefined;
let loading: Promise<NotifierModule> | undefined;
/** The notifier's module; a failed fetch (the network gone for a moment) is tried again at the next call. */
const loadNotifier = () =>
  (loading ??= import('../lib/notifier').then(
    (m) => (loaded = m),
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  ));
/** Runs `use` with the notifier once loaded; if it cannot be, nothing happens (an alert is then only announced to screen readers). */
const withNotifier = (use: (m: NotifierModule) => unknown) => void loadNotifier().then(use).catch(() => undefined);

interface Options {
  user: User;
  /** Undefined until loaded: nothing is announced before the user's choices are known. */
  preferences: NotificationPreferences | undefined;
  /** The conversation on screen, if any. */
  viewingId: string | undefined;
  /** Brings the user to what a clicked notification is about. */
  open(alerting: Alerting): void;
}

/**
 * Turns realtime events into desktop notifications and sounds, as the user's preferences ask.
 * Returns the listener to hand to the realtime connection.
 */
export function useNotifier({ user, preferences, viewingId, open }: Options): (event: ConversationEvent) => void {
  const queryClient = useQueryClient();
  // How each queue routes: new conversations of offer queues are announced by their offer instead.
  const queues = useQuery({
    queryKey: queryKeys.queues(),
    queryFn: ({ signal }) => callApi(staffRoutes.queues, { signal }).then((r) => r.queues),
    enabled: user.role === 'agent',
  });
  const latest = useRef({ user, preferences, viewingId, open, queues: queues.data });
  latest.current = { user, preferences, viewingId, open, queues: queues.data };

  // Browsers let a page make sound only after a gesture: the first click or key press unlocks it.
  const soundOn = preferences?.sound === true;
  useEffect(() => {
    if (!soundOn) return;
    // Not during the page's first load: the browser's first audio context starts its audio
    // service, a main-thread pause of up to a second (measured 0.5–1.7 s in Chromium), which
    // held the Conversations list back from being shown. Once the page is idle it costs nobody.
    const prepare = whenIdle(() => withNotifier(({ notifier }) => notifier.audioStatus() !== 'unsupported' && notifier.prepareAudio()));
    // Called inside the gesture once loaded, as browsers other than Chromium require; a gesture
    // before that (rare: it loads when the page is idle) unlocks as soon as it has loaded.
    const unlock = () => (loaded ? loaded.notifier.unlockAudio() : withNotifier(({ notifier }) => notifier.unlockAudio()));
    window.addEventListener('pointerdown', unlock, { capture: true });
    window.addEventListener('keydown', unlock, { capture: true });
    return () => {
      prepare.cancel();
      window.removeEventListener('pointerdown', unlock, { capture: true });
      window.removeEventListener('keydown', unlock, { capture: true });
    };
  }, [soundOn]);

  return useCallback(
    (event: ConversationEvent) => {
      const { user, preferences, viewingId, open, queues } = latest.current;
      if (!preferences) return;
      const cached = (id: string): Conversation | undefined =>
        queryClient.getQueryData<Conversation>(queryKeys.conversations.detail(id)) ??
        queryClient
          .getQueriesData<ListPages>({ queryKey: queryKeys.conversations.pages('mine').slice(0, 3) })
          .flatMap(([, data]) => loadedRows(data))
          .find((c) => c.id === id);
      const alerting = alertingFor(event, {
        user,
        preferences,
        viewingId,
        pageVisible: document.visibilityState === 'visible',
        holds: (id) => {
          // A message names who held its conversation then, loaded into a list here or not.
          const told = event.type === 'message.created' && event.message.conversationId === id ? heldWhenWritten(event, user.id) : undefined;
          if (told !== undefined) return told;
          const c = cached(id);
          return c !== undefined && c.state === 'picked' && c.agent?.id === user.id;
        },
        conversation: cached,
        routingMode: (queueId) => queues?.find((q) => q.id === queueId)?.routingMode,
        now: Date.now(),
      });
      if (!alerting) return;
      // Screen readers hear it politely whatever the desktop and sound choices.
      announce(`${alerting.title}: ${alerting.body}`, keyboardStrings.andMore);
      if (!preferences.desktop && !preferences.sound) return;
      // Another tab of the panel may have taken this event already: one alert per event.
      withNotifier(async ({ claimAlert, notifier }) => {
        if (!(await claimAlert(String(event.seq)))) return;
        if (preferences.desktop) notifier.showDesktop({ title: alerting.title, body: alerting.body, tag: alerting.tag, onClick: () => open(alerting) });
        if (preferences.sound) void notifier.playTone();
      });
    },
    [queryClient],
  );
}
