import type { FastifyInstance } from 'fastify';
import { api } from '../../contract/api';
import { requireStaff } from '../auth/principal';
import type { Database } from '../db/database';
import { defineRoute } from '../http/define-route';
import { getPreferences, updatePreferences } from './preference-store';

export function registerPreferenceRoutes(app: FastifyInstance, db: Database) {
  defineRoute(app, api.preferences, async ({ req }) => {
    const { user } = await requireStaff(db, req);
    return { preferences: await getPreferences(db, user.id) };
  });

  defineRoute(app, api.updatePreferences, async ({ req, body }) => {
    const { user } = await requireStaff(db, req);
    return { preferences: await updatePreferences(db, user.id, body) };
  });
}
