import type { AuthorKind } from '../../contract/messages';
import { wrapSql, type Database, type Sql } from '../db/database';

/** Messages inserted in an open transaction, counted only once it commits. */
const PENDING = Symbol('messages stored in this transaction');
type CountingSql = Sql & { [PENDING]?: AuthorKind[] };

/**
 * Notes that `tx` stored a message by `authorKind`. It is counted when the transaction commits;
 * a rollback (a lost race, a failed bind) counts nothing. A no-op on a database that does not count.
 */
export function noteStoredMessage(tx: Sql, authorKind: AuthorKind): void {
  (tx as CountingSql)[PENDING]?.push(authorKind);
}

/**
 * The same database, whose transactions report the messages they stored after they commit.
 * Everything but `transaction` passes straight through.
 */
export function countingStoredMessages(db: Database, onStored: (authorKind: AuthorKind) => void): Database {
  const transaction: Database['transaction'] = async (fn) => {
    let stored: AuthorKind[] = [];
    const result = await db.transaction((tx) => {
      // A fresh list per attempt, should the database ever run `fn` again.
      stored = [];
      const counting: CountingSql = wrapSql(tx, { [PENDING]: stored });
      return fn(counting);
    });
    for (const kind of stored) onStored(kind);
    return result;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') return transaction;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
