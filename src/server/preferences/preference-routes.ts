import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { getPreferences, updatePreferences } from './preference-store';

export function registerPreferenceRoutes(app: FastifyInstance, db: Database) {
  defineRoute(app, api.preferences, async ({ principal: { user } }) => {
    return { preferences: await getPreferences(db, user.id) };
  });

  defineRoute(app, api.updatePreferences, async ({ principal: { user }, body }) => {
    return { preferences: await updatePreferences(db, user.id, body) };
  });
}
