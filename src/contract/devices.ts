import { z } from 'zod';
import { DEVICE_LABEL_MAX_LENGTH, PUSH_TOKEN_MAX_LENGTH } from './limits';
import { text } from './text';

/*
 * Devices registered for push notifications (README, "Push notifications"). A browser registers
 * its Web Push subscription; a native app registers its FCM (Android) or APNs (iOS) token through
 * the same routes. Only Web Push is delivered today: FCM and APNs tokens are stored, listed and
 * removable, so an app can register now and receive once the server delivers to them. (The
 * OpenAPI document's words for them are in api-summaries.ts, out of the browser's bundle.) What a
 * notification carries is in push-payload.ts.
 */

export const DeviceKindSchema = z.enum(['webpush', 'fcm', 'apns']);
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

/**
 * URL-safe base64 (RFC 4648 §5), padding optional: how browsers hand out a subscription's keys.
 * Programs, not people, fill these in: zod's own messages say enough.
 */
const base64Url = () =>
  text()
    .min(16)
    .max(256)
    .regex(/^[A-Za-z0-9_-]+={0,2}$/);

/** A browser's PushSubscription as its `toJSON()` gives it. */
export const WebPushSubscriptionSchema = z.object({
  /** The push service's URL for this subscription. The server sends only to https endpoints on public hosts. */
  endpoint: text()
    .max(2048)
    .regex(/^https?:\/\/[^\s/]+\/\S*$/),
  /** When the browser will let the subscription lapse (ms since 1970), if it says. */
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    /** The browser's P-256 public key: payloads are encrypted to it. */
    p256dh: base64Url(),
    /** The browser's authentication secret. */
    auth: base64Url(),
  }),
});
export type WebPushSubscription = z.infer<typeof WebPushSubscriptionSchema>;

/** What the user calls the device in their list ("Chrome on Android"); optional. */
const label = text().trim().max(DEVICE_LABEL_MAX_LENGTH).optional();
const token = text().trim().min(1).max(PUSH_TOKEN_MAX_LENGTH);

/**
 * Registers this device for the logged-in user. Registering an address (endpoint or token) that
 * is already registered moves it to this user and session: a browser or phone belongs to whoever
 * registered it last. The device belongs to the session that registered it and goes with it
 * (logout, expiry, password reset, a disabled account).
 */
export const RegisterDeviceRequestSchema = z.discriminatedUnion('kind', [
  /** A browser: its PushSubscription's toJSON(), subscribed with the webPushPublicKey of GET /api/devices. Delivered. */
  z.object({ kind: z.literal('webpush'), subscription: WebPushSubscriptionSchema, label }),
  /** A native Android app: its Firebase Cloud Messaging registration token. Stored and listed; not delivered to yet. */
  z.object({ kind: z.literal('fcm'), token, label }),
  /** A native iOS app: its APNs device token (hex). Stored and listed; not delivered to yet. */
  z.object({ kind: z.literal('apns'), token, label }),
]);
export type RegisterDeviceRequest = z.input<typeof RegisterDeviceRequestSchema>;

export const DeviceSchema = z.object({
  id: z.string(),
  kind: DeviceKindSchema,
  label: z.string(),
  /** The Web Push endpoint (a browser compares it with its own subscription); null for app tokens. */
  endpoint: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** The last notification the push service accepted for it; null before any. */
  lastDeliveredAt: z.iso.datetime().nullable(),
  /** Since when deliveries fail (other than "gone", which removes the device); null while they work. */
  failingSince: z.iso.datetime().nullable(),
  /** Registered by the session making this request. */
  thisSession: z.boolean(),
  /** Whether the server delivers to this kind of device today (Web Push only). */
  delivered: z.boolean(),
});
export type Device = z.infer<typeof DeviceSchema>;

export const DeviceResponseSchema = z.object({ device: DeviceSchema });

export const DeviceListSchema = z.object({
  /** My devices, newest first. */
  devices: z.array(DeviceSchema),
  /** The server's VAPID public key (URL-safe base64): the `applicationServerKey` a browser subscribes with. */
  webPushPublicKey: z.string(),
});
export type DeviceList = z.infer<typeof DeviceListSchema>;
