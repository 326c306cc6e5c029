import { sql, type Selectable } from 'kysely';
import type { Device, DeviceKind, DeviceList, RegisterDeviceRequest } from '../../contract/devices';
import { DEVICES_PER_USER_MAX } from '../../contract/limits';
import type { SecuritySettings } from '../../contract/settings';
import { recordAdminAction } from '../admin/admin-audit-store';
import type { StaffPrincipal } from '../auth/principal';
import type { Database, Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { PushDevices } from '../db/schema.gen';
import { ApiError, notFound } from '../http/api-error';
import { getSecuritySettings } from '../settings/settings-store';
import { endpointProblem } from './push-sender';

/** Only Web Push is delivered today; app tokens wait for FCM and APNs delivery. */
const DELIVERED_KINDS: readonly DeviceKind[] = ['webpush'];
const DEFAULT_LABELS: Record<DeviceKind, string> = { webpush: 'Browser', fcm: 'Android app', apns: 'iOS app' };
const KIND_NAMES: Record<DeviceKind, string> = { webpush: 'Web Push', fcm: 'FCM', apns: 'APNs' };

type DeviceRow = Pick<Selectable<PushDevices>, 'id' | 'kind' | 'label' | 'address' | 'session_hash' | 'created_at' | 'last_delivered_at' | 'failing_since'>;

const toDevice = (row: DeviceRow, sessionHash: string): Device => {
  const kind = row.kind as DeviceKind;
  return {
    id: row.id,
    kind,
    label: row.label,
    endpoint: kind === 'webpush' ? row.address : null,
    createdAt: row.created_at.toISOString(),
    lastDeliveredAt: row.last_delivered_at?.toISOString() ?? null,
    failingSince: row.failing_since?.toISOString() ?? null,
    thisSession: row.session_hash === sessionHash,
    delivered: DELIVERED_KINDS.includes(kind),
  };
};

/**
 * SQL: the session `s` (joined from a device) is still valid by the admin's session timeouts, as
 * staffFromToken judges it. Devices of a session that ended get nothing, whether or not its row
 * has been deleted yet (sessions found idle are deleted only when next used).
 */
export const liveSession = (security: SecuritySettings, s = 's') =>
  sql<boolean>`(${sql.ref(`${s}.expires_at`)} > now()
    AND ${sql.ref(`${s}.created_at`)} > now() - make_interval(days => ${security.sessionMaxDays}::int)
    AND ${sql.ref(`${s}.last_used_at`)} > now() - make_interval(mins => ${security.sessionIdleMinutes}::int))`;

/** My devices whose session is still valid, newest first, with the key browsers subscribe with. */
export async function listDevices(db: Sql, principal: StaffPrincipal, webPushPublicKey: string): Promise<DeviceList> {
  const security = await getSecuritySettings(db);
  const rows = await typed(db)
    .selectFrom('push_devices as d')
    .innerJoin('sessions as s', 's.token_hash', 'd.session_hash')
    .select(['d.id', 'd.kind', 'd.label', 'd.address', 'd.session_hash', 'd.created_at', 'd.last_delivered_at', 'd.failing_since'])
    .where('d.user_id', '=', principal.user.id)
    .where(liveSession(security))
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
  return { devices: rows.map((r) => toDevice(r, principal.sessionHash)), webPushPublicKey };
}

/**
 * Registers the caller's device for their session. An address registered before (by anyone) is
 * taken over: a browser belongs to whoever registered it last. Audited in the admins' trail,
 * like other changes to who receives what.
 */
export async function registerDevice(db: Database, principal: StaffPrincipal, body: RegisterDeviceRequest, opts: { allowInsecureEndpoints: boolean }): Promise<Device> {
  const { user, sessionHash } = principal;
  const address = body.kind === 'webpush' ? body.subscription.endpoint : body.token.trim();
  if (body.kind === 'webpush') {
    const problem = endpointProblem(address, opts.allowInsecureEndpoints);
    if (problem) throw new ApiError(400, 'invalid_request', problem, { fields: { 'subscription.endpoint': problem } });
  }
  const label = body.label?.trim() || DEFAULT_LABELS[body.kind];
  return db.transaction(async (tx) => {
    const t = typed(tx);
    // Two registrations of one user at once must not both pass the count.
    await t.selectFrom('users').select('id').where('id', '=', user.id).forUpdate().execute();
    const others = await t
      .selectFrom('push_devices')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('user_id', '=', user.id)
      .where((w) => w.not(w.and([w('kind', '=', body.kind), w('address', '=', address)])))
      .executeTakeFirstOrThrow();
    if (others.n >= DEVICES_PER_USER_MAX) {
      throw new ApiError(409, 'too_many_devices', `You have ${DEVICES_PER_USER_MAX} devices registered for notifications. Remove one you no longer use first.`);
    }
    const keys = body.kind === 'webpush' ? body.subscription.keys : { p256dh: null, auth: null };
    const row = await t
      .insertInto('push_devices')
      .values({ user_id: user.id, session_hash: sessionHash, kind: body.kind, address, p256dh: keys.p256dh, auth: keys.auth, label })
      .onConflict((oc) =>
        oc.columns(['kind', 'address']).doUpdateSet({
          user_id: user.id,
          session_hash: sessionHash,
          p256dh: keys.p256dh,
          auth: keys.auth,
          label,
          created_at: sql`now()`,
          last_delivered_at: null,
          failing_since: null,
        }),
      )
      .returning(['id', 'kind', 'label', 'address', 'session_hash', 'created_at', 'last_delivered_at', 'failing_since'])
      .executeTakeFirstOrThrow();
    await recordAdminAction(tx, {
      actor: { id: user.id, displayName: user.displayName },
      action: 'device.registered',
      target: { kind: 'user', id: user.id, name: user.displayName },
      summary: `Registered a device for push notifications: ${label} (${KIND_NAMES[body.kind]}${DELIVERED_KINDS.includes(body.kind) ? '' : ', not delivered to yet'})`,
    });
    return toDevice(row, sessionHash);
  });
}

/** Removes one of the caller's devices (any of their sessions'); 404 for anyone else's. */
export async function removeDevice(db: Database, principal: StaffPrincipal, id: string): Promise<void> {
  const { user } = principal;
  await db.transaction(async (tx) => {
    const row = await typed(tx)
      .deleteFrom('push_devices')
      .where('id', '=', id)
      .where('user_id', '=', user.id)
      .returning(['label', 'kind'])
      .executeTakeFirst();
    if (!row) throw notFound('This device');
    await recordAdminAction(tx, {
      actor: { id: user.id, displayName: user.displayName },
      action: 'device.removed',
      target: { kind: 'user', id: user.id, name: user.displayName },
      summary: `Removed a device from push notifications: ${row.label} (${KIND_NAMES[row.kind as DeviceKind]})`,
    });
  });
}

/** Devices whose session has ended by the admin's timeouts (rows of idle sessions linger until used); how many went. */
export async function pruneDevicesOfEndedSessions(db: Sql, security: SecuritySettings): Promise<number> {
  const rows = await typed(db)
    .deleteFrom('push_devices as d')
    .where((w) =>
      w.not(
        w.exists(
          w
            .selectFrom('sessions as s')
            .select(sql.lit(1).as('one'))
            .whereRef('s.token_hash', '=', 'd.session_hash')
            .where(liveSession(security)),
        ),
      ),
    )
    .returning('d.id')
    .execute();
  return rows.length;
}
