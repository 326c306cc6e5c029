import { z } from 'zod';
import {
  DISPLAY_NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USERNAME_MAX_LENGTH,
} from './limits';
import { DeviceNameSchema, SessionTimesSchema } from './sessions';
import { ROLES } from './roles';
import { text } from './text';

export const RoleSchema = z.enum(ROLES);
export { AREA_ROLES, mayEnter, type Area, type Role } from './roles';

export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  queueIds: z.array(z.string()),
});
export type User = z.infer<typeof UserSchema>;

export const LoginRequestSchema = z.object({
  username: text().trim().min(1, 'Enter your username').max(USERNAME_MAX_LENGTH),
  password: text().min(1, 'Enter your password').max(PASSWORD_MAX_LENGTH),
  /** Shown in the user's list of logged-in devices; browsers leave it out. */
  deviceName: DeviceNameSchema.optional(),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** Browsers use the httpOnly cookie set alongside; API clients send `Authorization: Bearer <token>`. */
export const LoginResponseSchema = z.object({
  token: z.string(),
  user: UserSchema,
  /** When the token stops working unless used or refreshed (see SessionTimesSchema). */
  session: SessionTimesSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MeResponseSchema = z.object({ user: UserSchema });

export const SetupStatusSchema = z.object({ needsSetup: z.boolean() });

export const SetupRequestSchema = z.object({
  username: text()
    .trim()
    .min(2, 'At least 2 characters')
    .max(USERNAME_MAX_LENGTH)
    .regex(/^[a-z0-9._-]+$/, 'Lower-case letters, digits, dot, dash and underscore only'),
  displayName: text().trim().min(1, 'Enter a name').max(DISPLAY_NAME_MAX_LENGTH),
  password: text()
    .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH),
});
export type SetupRequest = z.infer<typeof SetupRequestSchema>;
