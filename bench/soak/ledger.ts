import type { Message } from '../../src/contract/messages';

/** Every message the soak's clients tried to send, and what became of it. */
export interface SentMessage {
  clientMessageId: string;
  /** Who sent it, e.g. `customer 12` or `agent anna`; ordering is checked per author and conversation. */
  author: string;
  /** Known once acknowledged (a chat's first message creates its conversation). */
  conversationId: string | null;
  /**
   * `acknowledged`: a 2xx answer came back (the client may show it as sent); `refused`: a 4xx
   * (not retried, e.g. the chat had ended); `gave-up`: only network errors or 5xx until the
   * retry deadline (it may or may not be stored); `pending`: still being sent.
   */
  status: 'pending' | 'acknowledged' | 'refused' | 'gave-up';
  refusal?: string;
  /** The stored message the acknowledgement named. */
  ack?: { id: string; seq: number };
  /** Acknowledgement order across the whole soak. */
  ackIndex?: number;
}

export class Ledger {
  readonly sent = new Map<string, SentMessage>();
  private acks = 0;

  begin(clientMessageId: string, author: string, conversationId: string | null): SentMessage {
    const entry: SentMessage = { clientMessageId, author, conversationId, status: 'pending' };
    this.sent.set(clientMessageId, entry);
    return entry;
  }

  acknowledge(entry: SentMessage, message: Message): void {
    entry.status = 'acknowledged';
    entry.conversationId = message.conversationId;
    entry.ack = { id: message.id, seq: message.seq };
    entry.ackIndex = this.acks++;
  }

  refuse(entry: SentMessage, status: number, body: unknown): void {
    entry.status = 'refused';
    const code = typeof body === 'object' && body && 'code' in body ? String(body.code) : '';
    entry.refusal = `${status} ${code}`.trim();
  }

  giveUp(entry: SentMessage): void {
    entry.status = 'gave-up';
  }

  count(status: SentMessage['status']): number {
    let n = 0;
    for (const entry of this.sent.values()) if (entry.status === status) n++;
    return n;
  }
}
