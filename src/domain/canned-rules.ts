import { mayEnter } from '../contract/auth';
import type { Viewer } from './conversation-rules';

/*
 * Who may use and who may change a canned response: the server (in its list query's WHERE clause
 * too) and the mocks follow these.
 */

/** What the rules need to know of a response: whose it is, and the queue a shared one is for. */
export interface CannedFacts {
  /** The owner of a personal response; null: shared. */
  ownerId: string | null;
  /** A shared response's queue; null: for everyone. */
  queueId: string | null;
}

/** Supervisors and admins manage the shared responses (the roles of the supervision area). */
export const mayManageShared = (user: Pick<Viewer, 'role'>): boolean => mayEnter(user.role as Parameters<typeof mayEnter>[0], 'supervision');

/**
 * Personal responses: their owner only. Shared ones: agents those for everyone and for the queues
 * they serve; supervisors and admins all of them.
 */
export function mayUseCanned(user: Viewer, r: CannedFacts): boolean {
  if (r.ownerId !== null) return r.ownerId === user.id;
  return mayManageShared(user) || r.queueId === null || user.queueIds.includes(r.queueId);
}

/** Personal responses by their owner, shared ones by supervisors and admins. */
export const mayChangeCanned = (user: Viewer, r: CannedFacts): boolean => (r.ownerId !== null ? r.ownerId === user.id : mayManageShared(user));
