/*
 * Roles and the staff areas they may enter, without zod: the panel's route gate reads them in
 * its first load; auth.ts builds RoleSchema from ROLES.
 */

export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The staff areas beyond the agent's panel and the roles that may enter each: the panel's route
 * gate and the server's checks on the areas' API routes read this one table.
 */
export const AREA_ROLES = {
  supervision: ['supervisor', 'admin'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Area = keyof typeof AREA_ROLES;

export const mayEnter = (role: Role, area: Area): boolean => (AREA_ROLES[area] as readonly Role[]).includes(role);
