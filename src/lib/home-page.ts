import type { Role } from '../contract/auth';

/**
 * Where each role lands after logging in (and at `/`): supervisors on their dashboards, admins on
 * their workspace pages, agents on the panel. Everyone can still open the panel from the header.
 */
export function homePage(role: Role): '/agent' | '/supervisor' | '/admin' {
  if (role === 'admin') return '/admin';
  if (role === 'supervisor') return '/supervisor';
  return '/agent';
}
