import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { listDevices, registerDevice, removeDevice } from './device-store';
import type { PushService } from './push-service';

/** Every staff member's own devices for push notifications (README, "Push notifications"). */
export function registerDeviceRoutes(app: FastifyInstance, db: Database, push: PushService) {
  defineRoute(app, api.devices, async ({ principal }) => listDevices(db, principal, push.vapid.publicKey));

  defineRoute(app, api.registerDevice, async ({ principal, body, reply }) => {
    const device = await registerDevice(db, principal, body, { allowInsecureEndpoints: push.allowInsecureEndpoints });
    reply.code(201);
    return { device };
  });

  defineRoute(app, api.removeDevice, async ({ principal, params }) => {
    await removeDevice(db, principal, params.id);
    return { ok: true as const };
  });
}
