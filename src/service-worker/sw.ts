/*
 * The staff panel's service worker (README, "Installing the panel" and "Push notifications"),
 * built into dist/client/sw.js by vite-plugin-pwa's injectManifest (src/build/installable-app.ts),
 * which puts the build's precache list where `self.__WB_MANIFEST` stands.
 *
 * - The app shell: the precached HTML, scripts, styles and icons, so the panel starts without
 *   the network; any staff address opened as a page gets the shell's index.html, except /api/*
 *   (never answered by the worker, nor cached) and the customers' /webchat.
 * - Updates: a new worker waits until the page asks it to take over (the panel's "Reload").
 * - Push: shows what the server sent (it has already applied the user's notification
 *   preferences and checked their access), and a tap opens that conversation in the panel.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import type { PushPayload } from '../contract/push-payload';
import { deviceLabel } from '../lib/device-label';

// The service worker's own types (the WebWorker library's), as far as this file uses them: the
// project compiles against the DOM library, and the two cannot be loaded together.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface PushMessageEvent extends ExtendableEvent {
  readonly data: { json(): unknown } | null;
}
interface NotificationClickEvent extends ExtendableEvent {
  readonly notification: Notification;
}
interface SubscriptionChangeEvent extends ExtendableEvent {
  readonly oldSubscription: PushSubscription | null;
  readonly newSubscription: PushSubscription | null;
}
interface WindowClient {
  readonly url: string;
  focus(): Promise<WindowClient>;
  navigate(url: string): Promise<WindowClient | null>;
}
interface WorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly location: { readonly origin: string };
  readonly navigator: { readonly userAgent: string };
  readonly clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WindowClient[]>;
    openWindow(url: string): Promise<WindowClient | null>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'push', listener: (event: PushMessageEvent) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationClickEvent) => void): void;
  addEventListener(type: 'pushsubscriptionchange', listener: (event: SubscriptionChangeEvent) => void): void;
}

const worker = self as unknown as WorkerScope;

// The panel's "Reload" (workbox-window's messageSkipWaiting): the waiting version takes over.
worker.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void worker.skipWaiting();
});

// Written exactly so: the build replaces `self.__WB_MANIFEST` with the list of the shell's files.
precacheAndRoute((self as unknown as { __WB_MANIFEST: (string | PrecacheEntry)[] }).__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/webchat(\/|$|\?)/] }));

/** Shown when a push carries nothing readable; browsers require a notification for every push. */
const FALLBACK: PushPayload = {
  kind: 'message',
  title: 'Communication Panel',
  body: 'Something new is waiting for you.',
  url: '/agent',
  tag: 'communication-panel',
  conversationId: null,
};

function payloadOf(event: PushMessageEvent): PushPayload {
  try {
    const data = event.data?.json() as Partial<PushPayload> | undefined;
    if (data && typeof data.title === 'string' && typeof data.body === 'string' && typeof data.url === 'string' && typeof data.tag === 'string') {
      return { ...FALLBACK, ...data } as PushPayload;
    }
  } catch {
    // Not JSON: the fallback below.
  }
  return FALLBACK;
}

worker.addEventListener('push', (event) => {
  const payload = payloadOf(event);
  const options: NotificationOptions & { renotify: boolean } = {
    body: payload.body,
    // One notification per conversation: a newer one replaces it, and alerts again.
    tag: payload.tag,
    renotify: true,
    icon: '/icons/icon-192.png',
    data: { url: payload.url },
  };
  event.waitUntil(worker.registration.showNotification(payload.title, options));
});

/** A panel address on this origin; anything else (a forged payload) opens the agent's page. */
function panelUrl(data: unknown): string {
  const url = new URL(typeof (data as { url?: unknown } | null)?.url === 'string' ? (data as { url: string }).url : '/agent', worker.location.origin);
  return url.origin === worker.location.origin && !url.pathname.startsWith('/webchat') ? url.href : new URL('/agent', worker.location.origin).href;
}

/** Brings an open panel tab forward at the address, or opens one. */
async function openPanel(url: string): Promise<void> {
  const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const panel = windows.find((w) => {
    const at = new URL(w.url);
    return at.origin === worker.location.origin && !at.pathname.startsWith('/webchat');
  });
  if (panel) {
    const focused = await panel.focus();
    // Only a page this worker controls can be sent elsewhere; another opens in a window of its own.
    if (await focused.navigate(url).catch(() => null)) return;
  }
  await worker.clients.openWindow(url);
}

worker.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openPanel(panelUrl(event.notification.data)));
});

// The browser replaced the subscription (it expired, or keys rotated): register the new one
// for the same user, with the session cookie of this origin. A panel that finds it unregistered
// offers to turn notifications on again.
worker.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil(
    (async () => {
      const options = event.oldSubscription?.options;
      const subscription = event.newSubscription ?? (options ? await worker.registration.pushManager.subscribe(options) : null);
      if (!subscription) return;
      await fetch('/api/devices', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ kind: 'webpush', subscription: subscription.toJSON(), label: deviceLabel(worker.navigator.userAgent) }),
      });
    })().catch(() => undefined),
  );
});
