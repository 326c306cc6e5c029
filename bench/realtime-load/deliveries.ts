/** One message of the load, from the moment it was sent. */
interface Sent {
  sentAt: number;
  acked: boolean;
  /** Sockets it reached so far (agents and its customer). */
  reached: number;
  /** When it was both acknowledged and at every socket it should reach. */
  doneAt: number | null;
}

/**
 * Keeps the books of a load phase: messages are keyed by their text (frames may arrive before the
 * send's answer, which alone carries the id), and each agent socket's arrival is a latency sample.
 */
export class Deliveries {
  private readonly sent = new Map<string, Sent>();
  /** Send → arrival at an agent socket, ms, one sample per message and agent. */
  readonly agentLatencies: number[] = [];
  done = 0;
  lastDoneAt = 0;
  failed = 0;

  constructor(
    /** Sockets each message must reach: every agent and its own customer. */
    readonly recipients: number,
  ) {}

  willSend(key: string) {
    this.sent.set(key, { sentAt: performance.now(), acked: false, reached: 0, doneAt: null });
  }

  acked(key: string) {
    const s = this.sent.get(key);
    if (!s) return;
    s.acked = true;
    this.settle(s);
  }

  /** Why sends failed (status or error), with how often. */
  readonly reasons = new Map<string, number>();

  refused(key: string, reason: string) {
    this.failed += 1;
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    this.sent.delete(key);
  }

  arrived(key: string, byAgent: boolean) {
    const s = this.sent.get(key);
    if (!s) return;
    const now = performance.now();
    s.reached += 1;
    if (byAgent) this.agentLatencies.push(now - s.sentAt);
    this.settle(s, now);
  }

  /** Messages sent and not yet acknowledged and delivered everywhere. */
  get pending() {
    return this.sent.size - this.done;
  }

  private settle(s: Sent, now = performance.now()) {
    if (s.doneAt !== null || !s.acked || s.reached < this.recipients) return;
    s.doneAt = now;
    this.done += 1;
    this.lastDoneAt = Math.max(this.lastDoneAt, now);
  }
}
