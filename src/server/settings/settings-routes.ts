import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import { webchatApi } from '../../contract/webchat-api';
import { requireRole } from '../auth/principal';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { getRoutingSettings, getSettings, saveSettings } from './settings-store';

/** The System Configurator is the admins'; everyone else reads only the policy that applies to them. */
export function registerSettingsRoutes(app: FastifyInstance, db: Database) {
  defineRoute(app, api.settings, async ({ principal }) => {
    requireRole(principal, 'admin');
    return { settings: await getSettings(db) };
  });

  defineRoute(app, api.updateSettings, async ({ principal, body }) => {
    requireRole(principal, 'admin');
    return { settings: await saveSettings(db, principal.user, body) };
  });

  defineRoute(app, api.routingSettings, async () => {
    return { routing: await getRoutingSettings(db) };
  });

  defineRoute(app, api.attachmentPolicy, async () => {
    return { policy: (await getSettings(db)).agentUploads };
  });

  defineRoute(app, webchatApi.webchatAttachmentPolicy, async () => {
    return { policy: (await getSettings(db)).customerUploads };
  });
}
