/**
 * In-process signals raised by committed transactions (see Sql.signalAfterCommit). They tell
 * this instance that something it wrote is now visible, without a NOTIFY: PostgreSQL serialises
 * the commits of all notifying transactions behind one lock, which would undo any work spent on
 * letting writers commit in parallel.
 */
export class CommitSignals {
  private readonly listeners = new Map<string, Set<() => void>>();

  on(name: string, fn: () => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(fn);
    this.listeners.set(name, set);
    return () => void set.delete(fn);
  }

  emit(names: Iterable<string>): void {
    for (const name of names) {
      for (const fn of this.listeners.get(name) ?? []) {
        // A listener's failure is its own; the transaction that raised the signal has committed.
        try {
          fn();
        } catch (err) {
          console.error(`commit signal ${name}:`, err);
        }
      }
    }
  }
}
