import type { AdminAuditEntry } from '../contract/admin';
import type { User } from '../contract/auth';
import { mockData } from './data';

/**
 * What the users rows keep beyond the contract's User: kept beside mockData rather than in it,
 * keyed by its users list, which resetMockData replaces, so a reset forgets this too.
 */
interface AdminRecords {
  disabled: Set<string>;
  createdAt: Map<string, string>;
  /** Newest last; the API lists newest first. */
  audit: AdminAuditEntry[];
}

const records = new WeakMap<User[], AdminRecords>();

export function adminRecords(): AdminRecords {
  let found = records.get(mockData.users);
  if (!found) {
    found = { disabled: new Set(), createdAt: new Map(), audit: [] };
    records.set(mockData.users, found);
  }
  return found;
}

/** Whether an admin disabled the user: they cannot log in, and their sessions are gone. */
export const isDisabled = (userId: string) => adminRecords().disabled.has(userId);
