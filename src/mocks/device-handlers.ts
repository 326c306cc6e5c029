import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import type { Device } from '../contract/devices';
import { DEVICES_PER_USER_MAX } from '../contract/limits';
import { mockData, type MockDevice } from './data';
import { MockApiError, notFound } from './mock-errors';
import { route } from './route';
import { requireStaff } from './sessions';

/**
 * Devices registered for push notifications, as src/server/push: stored per session, listed and
 * removed. The mocks deliver nothing; the key is a well-formed P-256 point for browsers to accept.
 */
export const MOCK_WEB_PUSH_PUBLIC_KEY = 'BG9KYtEPoI49n6v9uhZDcCraMd9i2XmNSyVIV22ECq2sVjdkyvyWEC3XfyF74w7TPDFhR00VVu0u-h9k4hsnPos';

const DEFAULT_LABELS = { webpush: 'Browser', fcm: 'Android app', apns: 'iOS app' } as const;

const toDevice = (d: MockDevice, token: string): Device => ({
  id: d.id,
  kind: d.kind,
  label: d.label,
  endpoint: d.kind === 'webpush' ? d.address : null,
  createdAt: d.createdAt,
  lastDeliveredAt: null,
  failingSince: null,
  thisSession: d.sessionToken === token,
  delivered: d.kind === 'webpush',
});

export const deviceHandlers = {
  devices: route('devices', (ctx) => {
    const { user, token } = requireStaff(ctx);
    const mine = mockData.devices.filter((d) => d.userId === user.id && mockData.sessions.has(d.sessionToken));
    return { devices: mine.reverse().map((d) => toDevice(d, token)), webPushPublicKey: MOCK_WEB_PUSH_PUBLIC_KEY };
  }),

  registerDevice: route('registerDevice', (ctx) => {
    const { user, token } = requireStaff(ctx);
    const body = ctx.body;
    const address = body.kind === 'webpush' ? body.subscription.endpoint : body.token;
    // The address moves to whoever registers it last.
    mockData.devices = mockData.devices.filter((d) => !(d.kind === body.kind && d.address === address));
    if (mockData.devices.filter((d) => d.userId === user.id).length >= DEVICES_PER_USER_MAX) {
      throw new MockApiError(409, 'too_many_devices', `You have ${DEVICES_PER_USER_MAX} devices registered for notifications. Remove one you no longer use first.`);
    }
    const device = {
      id: crypto.randomUUID(),
      userId: user.id,
      sessionToken: token,
      kind: body.kind,
      address,
      label: body.label || DEFAULT_LABELS[body.kind],
      createdAt: new Date().toISOString(),
    };
    mockData.devices.push(device);
    ctx.setStatus(201);
    return { device: toDevice(device, token) };
  }),

  removeDevice: route('removeDevice', (ctx) => {
    const { user } = requireStaff(ctx);
    const device = mockData.devices.find((d) => d.id === ctx.params.id && d.userId === user.id);
    if (!device) throw notFound('This device');
    mockData.devices = mockData.devices.filter((d) => d !== device);
    return { ok: true as const };
  }),
} satisfies Partial<Record<RouteName, HttpHandler>>;
