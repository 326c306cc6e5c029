import type { Attachment } from '../contract/attachments';

/** A message the user sent that the server has not confirmed yet. */
export interface OutboxEntry {
  clientMessageId: string;
  conversationId: string;
  text: string;
  /** Already uploaded; the send carries their ids. */
  attachments?: Attachment[];
  status: 'sending' | 'failed';
  error?: string;
  /** Whether the failure may pass by itself (no connection), so it is retried automatically. */
  retryable?: boolean;
  createdAt: string;
}

type Listener = () => void;

/**
 * Unconfirmed messages, kept in localStorage so nothing typed is lost when the network drops or
 * the tab reloads. Entries leave only when the server confirmed them or the user discarded them.
 */
export class Outbox {
  private entries: OutboxEntry[];
  private readonly listeners = new Set<Listener>();
  private readonly snapshots = new Map<string, OutboxEntry[]>();

  constructor(private readonly storageKey: string) {
    this.entries = this.load();
  }

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Stable array per conversation until it changes (for useSyncExternalStore). */
  forConversation(conversationId: string): OutboxEntry[] {
    let snapshot = this.snapshots.get(conversationId);
    if (!snapshot) {
      snapshot = this.entries.filter((e) => e.conversationId === conversationId);
      this.snapshots.set(conversationId, snapshot);
    }
    return snapshot;
  }

  put(entry: OutboxEntry): void {
    this.entries = [...this.entries.filter((e) => e.clientMessageId !== entry.clientMessageId), entry];
    this.changed();
  }

  remove(clientMessageId: string): void {
    this.entries = this.entries.filter((e) => e.clientMessageId !== clientMessageId);
    this.changed();
  }

  private changed() {
    this.snapshots.clear();
    try {
      localStorage.setItem(this.storageKey, JSON.stringify(this.entries));
    } catch {
      // Storage full or blocked: the in-memory outbox still works for this page.
    }
    for (const listener of this.listeners) listener();
  }

  private load(): OutboxEntry[] {
    try {
      const raw = localStorage.getItem(this.storageKey);
      return raw ? (JSON.parse(raw) as OutboxEntry[]) : [];
    } catch {
      return [];
    }
  }
}
