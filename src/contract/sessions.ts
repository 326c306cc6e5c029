import { z } from 'zod';
import { DEVICE_NAME_MAX_LENGTH } from './limits';
import { text } from './text';

/**
 * When a session ends unless it is used: `expiresAt` is the fixed end (the admin's session
 * maximum from login); `idleExpiresAt` moves on with every use (the admin's idle timeout), so a
 * client that keeps using its token, or calls refresh, keeps the session without the password
 * until `expiresAt`. Whichever comes first ends it.
 */
export const SessionTimesSchema = z.object({
  id: z.string(),
  expiresAt: z.iso.datetime(),
  idleExpiresAt: z.iso.datetime(),
});
export type SessionTimes = z.infer<typeof SessionTimesSchema>;

export const SessionResponseSchema = z.object({ session: SessionTimesSchema });

/** A name the client gives its device at login ("Anna's phone"); browsers send none and are known by their user agent. */
export const DeviceNameSchema = text().trim().min(1).max(DEVICE_NAME_MAX_LENGTH);

/** One of my logged-in devices, as the session list shows it. */
export const DeviceSessionSchema = z.object({
  id: z.string(),
  deviceName: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  /** The session that asks. */
  current: z.boolean(),
});
export type DeviceSession = z.infer<typeof DeviceSessionSchema>;

export const DeviceSessionListSchema = z.object({ sessions: z.array(DeviceSessionSchema) });
