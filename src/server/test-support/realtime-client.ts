import WebSocket from 'ws';
import { REALTIME_PATH } from '../../contract/api';
import {
  RealtimeFrameSchema,
  type ConversationEvent,
  type CustomerEvent,
  type RealtimeFrame,
  type RealtimeHello,
} from '../../contract/events';

const WAIT_MS = 5000;

export type FrameMatch = (frame: RealtimeFrame) => boolean;

export interface RealtimeTestOptions {
  headers?: Record<string, string>;
  /** Also record `queue-position` frames (left out by default: they come beside the events). */
  queuePositions?: boolean;
}

/** Matches a staff event frame of `type`, optionally about one conversation. */
export function staffEvent(type: ConversationEvent['type'], conversationId?: string): FrameMatch {
  return (f) => f.kind === 'event' && f.event.type === type && (conversationId === undefined || eventConversationId(f) === conversationId);
}

/** Matches a customer event frame of `type`. */
export function customerEvent(type: CustomerEvent['type']): FrameMatch {
  return (f) => f.kind === 'customer-event' && f.event.type === type;
}

export const isReady: FrameMatch = (f) => f.kind === 'ready';

/** The conversation an event frame is about, or null for other frames. */
export function eventConversationId(frame: RealtimeFrame): string | null {
  if (frame.kind !== 'event' && frame.kind !== 'customer-event') return null;
  const e = frame.event;
  if ('conversation' in e) return e.conversation.id;
  if ('message' in e) return e.message.conversationId;
  if ('note' in e) return e.note.conversationId;
  if ('conversationId' in e) return e.conversationId;
  throw new Error(`eventConversationId does not know ${JSON.stringify(e)}`);
}

/** The seq of an event frame, or null for other frames. */
export function frameSeq(frame: RealtimeFrame): number | null {
  return frame.kind === 'event' || frame.kind === 'customer-event' ? frame.event.seq : null;
}

/**
 * A WebSocket client that records every frame (each checked against the contract) and lets a
 * test read them in order: `takeUntil` returns everything up to a frame it waits for, so a test
 * can assert that nothing unexpected arrived in between.
 */
export class RealtimeTestClient {
  /** Every frame received, in order. */
  readonly frames: RealtimeFrame[] = [];
  /** The same frames as sent, before parsing drops unknown fields: for checking what must not leak. */
  readonly raw: string[] = [];
  /** Resolves when the socket has closed, with the server's close code. */
  readonly closed: Promise<{ code: number; reason: string }>;
  private cursor = 0;
  private problem: Error | null = null;
  private isClosed = false;
  private readonly listeners = new Set<() => void>();

  private constructor(
    private readonly socket: WebSocket,
    private readonly keepQueuePositions: boolean,
  ) {
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        this.isClosed = true;
        this.notify();
        resolve({ code, reason: reason.toString() });
      });
    });
    socket.on('message', (data) => {
      const parsed = RealtimeFrameSchema.safeParse(JSON.parse(String(data)));
      this.raw.push(String(data));
      // A waiting customer's place in line comes beside the events (not in the log): only tests
      // about it read those frames, the others read the events undisturbed.
      if (parsed.success) {
        if (parsed.data.kind !== 'queue-position' || this.keepQueuePositions) this.frames.push(parsed.data);
      } else this.problem = new Error(`Frame does not match the contract: ${String(data)}\n${parsed.error.message}`);
      this.notify();
    });
    socket.on('error', (err) => {
      this.problem = err;
      this.notify();
    });
  }

  static async connect(
    baseUrl: string,
    hello: Omit<RealtimeHello, 'type'>,
    opts: RealtimeTestOptions = {},
  ): Promise<RealtimeTestClient> {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${REALTIME_PATH}`, { headers: opts.headers });
    const client = new RealtimeTestClient(socket, opts.queuePositions ?? false);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'hello', ...hello }));
    return client;
  }

  /**
   * Waits for the first unread frame that matches and returns every unread frame up to and
   * including it; they count as read afterwards.
   */
  async takeUntil(match: FrameMatch, timeoutMs = WAIT_MS): Promise<RealtimeFrame[]> {
    const index = await this.waitForIndex(match, timeoutMs);
    const taken = this.frames.slice(this.cursor, index + 1);
    this.cursor = index + 1;
    return taken;
  }

  /** Waits for the first unread frame that matches and returns it; earlier unread frames are skipped. */
  async next(match: FrameMatch, timeoutMs = WAIT_MS): Promise<RealtimeFrame> {
    const taken = await this.takeUntil(match, timeoutMs);
    return taken[taken.length - 1]!;
  }

  /** Waits for the connection to be ready and returns its seq. */
  async ready(timeoutMs = WAIT_MS): Promise<number> {
    const frame = await this.next((f) => f.kind === 'ready' || f.kind === 'reset' || f.kind === 'error', timeoutMs);
    if (frame.kind !== 'ready') throw new Error(`Expected a ready frame, got ${JSON.stringify(frame)}`);
    return frame.seq;
  }

  /** Waits for the server to close the socket and returns the close code. */
  async waitClosed(timeoutMs = WAIT_MS): Promise<{ code: number; reason: string }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Socket still open after ${timeoutMs} ms; unread frames: ${this.describeUnread()}`)), timeoutMs);
    });
    try {
      return await Promise.race([this.closed, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (!this.isClosed) this.socket.close();
    await this.closed;
  }

  private waitForIndex(match: FrameMatch, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.problem) return finish(() => reject(this.problem!));
        const offset = this.frames.slice(this.cursor).findIndex(match);
        if (offset >= 0) return finish(() => resolve(this.cursor + offset));
        if (this.isClosed) return finish(() => reject(new Error(`Socket closed while waiting; frames: ${this.describeUnread()}`)));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`No matching frame within ${timeoutMs} ms; unread frames: ${this.describeUnread()}`))),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        settle();
      };
      this.listeners.add(check);
      check();
    });
  }

  private describeUnread() {
    return JSON.stringify(this.frames.slice(this.cursor)).slice(0, 2000);
  }

  private notify() {
    for (const listener of [...this.listeners]) listener();
  }
}
