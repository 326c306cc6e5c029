import type { WebPushSubscription } from '../../contract/devices';

/*
 * This browser's side of push notifications: whether it can receive them, its permission, and
 * its subscription with the browser vendor's push service (made through the panel's service
 * worker, with the server's VAPID key). The server side is /api/devices.
 */

/** `no-worker`: the page has no panel service worker (the dev servers register none, or it is not installed yet). */
export type PushSupport = 'unsupported' | 'no-worker' | 'ready';

export interface BrowserPush {
  support: PushSupport;
  permission: NotificationPermission;
  /** This browser's current subscription, or null. */
  endpoint: string | null;
}

/** A step of turning push on failed; `message` is for people. */
export class PushSetupError extends Error {
  constructor(
    readonly reason: 'denied' | 'dismissed' | 'subscribe' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

const supported = () => typeof navigator !== 'undefined' && 'serviceWorker' in navigator && typeof PushManager !== 'undefined' && typeof Notification !== 'undefined';

/** The panel's own worker (sw.js), not another one on the origin (the mocks' worker in dev:mock). */
async function panelWorker(): Promise<ServiceWorkerRegistration | null> {
  const registration = await navigator.serviceWorker.getRegistration();
  const script = registration?.active?.scriptURL ?? registration?.installing?.scriptURL ?? registration?.waiting?.scriptURL;
  if (!registration || !script || !new URL(script).pathname.endsWith('/sw.js')) return null;
  return registration.active ? registration : navigator.serviceWorker.ready;
}

export async function readBrowserPush(): Promise<BrowserPush> {
  if (!supported()) return { support: 'unsupported', permission: 'default', endpoint: null };
  const registration = await panelWorker();
  if (!registration) return { support: 'no-worker', permission: Notification.permission, endpoint: null };
  const subscription = await registration.pushManager.getSubscription();
  return { support: 'ready', permission: Notification.permission, endpoint: subscription?.endpoint ?? null };
}

const keyBytes = (base64Url: string) => Uint8Array.from(atob(base64Url.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));

function sameKey(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.byteLength) return false;
  const bytes = new Uint8Array(a);
  return bytes.every((x, i) => x === b[i]);
}

/**
 * Asks for permission when it was not given yet, and subscribes this browser with the server's
 * key (a subscription made with another key, say of an earlier database, is replaced). Returns
 * the subscription to register with the server.
 */
export async function subscribeThisBrowser(webPushPublicKey: string): Promise<WebPushSubscription> {
  if (!supported()) throw new PushSetupError('unsupported', 'This browser cannot receive push notifications.');
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  if (permission === 'denied') throw new PushSetupError('denied', 'Your browser blocks notifications from the panel.');
  if (permission !== 'granted') throw new PushSetupError('dismissed', 'Notifications were not allowed. Try again and choose Allow.');
  const registration = await panelWorker();
  if (!registration) throw new PushSetupError('unsupported', 'The panel’s service worker is not running in this page. Reload the page and try again.');
  const key = keyBytes(webPushPublicKey);
  let subscription = await registration.pushManager.getSubscription();
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  try {
    subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  } catch (err) {
    throw new PushSetupError('subscribe', `This browser could not subscribe to its push service: ${(err as Error).message || String(err)}`);
  }
  return subscription.toJSON() as WebPushSubscription;
}

/** Ends this browser's subscription (when it is the one given), so its push service forgets it too. */
export async function unsubscribeThisBrowser(endpoint: string | null): Promise<void> {
  if (!supported() || !endpoint) return;
  const registration = await panelWorker();
  const subscription = await registration?.pushManager.getSubscription();
  if (subscription?.endpoint === endpoint) await subscription.unsubscribe();
}
