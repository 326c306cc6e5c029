import WebSocket from 'ws';
import { REALTIME_PATH } from '../../src/contract/api';
import { RealtimeFrameSchema, type RealtimeFrame } from '../../src/contract/events';
import type { Message } from '../../src/contract/messages';
import type { Balancer } from './instances';

/** A hello that got neither `ready` nor `reset` in this time is abandoned and tried again. */
const READY_TIMEOUT_MS = 15_000;
const MAX_BACKOFF_MS = 2000;

/** What one socket has of one conversation. */
export interface ConversationView {
  /** Message id → what the client shows of it, and whether it came over the socket (else only from an HTTP refetch). */
  messages: Map<string, ViewedMessage>;
  /** Highest conversation seq received over the socket. */
  maxSocketSeq: number;
}

export interface ViewedMessage {
  seq: number;
  authorKind: Message['authorKind'];
  text: string;
  viaSocket: boolean;
}

export type Credentials = { token: string } | { customerToken: string };

/**
 * One logical realtime client, as the panel or the web-chat page keeps it: it reconnects by
 * itself (to whichever instance is up) with `after` set to the last seq it applied, takes the
 * replayed events, and on `reset` refetches its messages over HTTP. It records everything the
 * checks need: which messages it has, duplicates and out-of-order arrivals over the socket, and
 * how long each resync took (from noticing the lost socket to `ready`, or to the end of the
 * refetch after `reset`).
 */
export class SoakSocket {
  readonly views = new Map<string, ConversationView>();
  /** A message.created for a message this socket had already received over the socket. */
  duplicates = 0;
  /** A message.created older (by conversation seq) than one already received over the socket. */
  reordered = 0;
  /** An event other than a message whose global seq was not above the last one applied. */
  replayedEvents = 0;
  invalidFrames: string[] = [];
  errorFrames: string[] = [];
  resets = 0;
  readonly resyncMs: number[] = [];
  isReady = false;
  /** A customer's socket follows this one conversation; a staff socket follows its queues. */
  ownConversation: string | null = null;
  onEvent: (frame: RealtimeFrame) => void = () => {};

  private after: number | undefined;
  private ws: WebSocket | null = null;
  private closedForGood = false;
  private lostAt: number | null = null;
  private backoff = 100;
  private everReady = false;

  constructor(
    readonly name: string,
    private readonly balancer: Balancer,
    private readonly credentials: Credentials,
    /** Every message of the conversations this client shows, over HTTP (first ready and reset). */
    private readonly refetch: () => Promise<Message[]>,
  ) {}

  get open() {
    return !this.closedForGood;
  }

  start(): void {
    this.connect();
  }

  /** The network drops: the client notices at once and reconnects. */
  drop(): void {
    this.ws?.terminate();
  }

  /** The user leaves: no reconnect. */
  close(): void {
    this.closedForGood = true;
    this.isReady = false;
    this.ws?.terminate();
  }

  private connect(): void {
    if (this.closedForGood) return;
    const base = this.balancer.next();
    if (!base) {
      setTimeout(() => this.connect(), 200);
      return;
    }
    // Same-origin, as the panel's own page would be (the server may refuse foreign origins).
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}${REALTIME_PATH}`, { origin: base });
    this.ws = ws;
    const readyTimer = setTimeout(() => ws.terminate(), READY_TIMEOUT_MS);
    ws.on('open', () => {
      ws.send(JSON.stringify({ type: 'hello', ...this.credentials, ...(this.after !== undefined ? { after: this.after } : {}) }));
    });
    ws.on('message', (data) => {
      const parsed = RealtimeFrameSchema.safeParse(safeJson(String(data)));
      if (!parsed.success) {
        this.invalidFrames.push(String(data).slice(0, 300));
        return;
      }
      if (parsed.data.kind === 'ready' || parsed.data.kind === 'reset') clearTimeout(readyTimer);
      this.onFrame(parsed.data);
    });
    // A failed connection emits 'close' after 'error'; reconnecting is handled there.
    ws.on('error', () => {});
    ws.on('close', () => {
      clearTimeout(readyTimer);
      if (this.ws === ws) this.ws = null;
      if (this.closedForGood) return;
      if (this.everReady) this.lostAt ??= Date.now();
      this.isReady = false;
      setTimeout(() => this.connect(), this.backoff);
      this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    });
  }

  private onFrame(frame: RealtimeFrame): void {
    switch (frame.kind) {
      case 'ready':
        this.after = Math.max(this.after ?? 0, frame.seq);
        if (!this.everReady) void this.resync(false);
        else this.becameReady();
        return;
      case 'reset':
        this.resets++;
        this.after = frame.seq;
        void this.resync(true);
        return;
      case 'error':
        this.errorFrames.push(`${frame.code}: ${frame.message}`);
        return;
      case 'typing':
      case 'queue-position':
        return;
      default: {
        const seq = frame.event.seq;
        const message = (frame.kind === 'event' || frame.kind === 'customer-event') && frame.event.type === 'message.created' ? frame.event.message : null;
        // A message goes through the duplicate and order checks whatever its seq says.
        if (message) this.receive(message, true);
        if (this.after !== undefined && seq <= this.after) {
          if (!message) this.replayedEvents++;
          return;
        }
        this.after = seq;
        this.onEvent(frame);
      }
    }
  }

  /** The first ready fetches what was there before; a reset refetches what was missed. */
  private async resync(isReset: boolean): Promise<void> {
    try {
      for (const message of await this.refetch()) this.receive(message, false);
    } catch (err) {
      this.errorFrames.push(`refetch failed: ${err instanceof Error ? err.message : String(err)}`);
      // The checks will show what is missing; the next reset or reconnect tries again.
    }
    if (isReset || !this.everReady) this.becameReady();
  }

  private becameReady(): void {
    if (this.closedForGood) return;
    this.isReady = true;
    this.backoff = 100;
    if (this.everReady && this.lostAt !== null) this.resyncMs.push(Date.now() - this.lostAt);
    this.lostAt = null;
    this.everReady = true;
  }

  private receive(message: Message, viaSocket: boolean): void {
    let view = this.views.get(message.conversationId);
    if (!view) {
      view = { messages: new Map(), maxSocketSeq: 0 };
      this.views.set(message.conversationId, view);
    }
    const known = view.messages.get(message.id);
    if (viaSocket) {
      if (known?.viaSocket) {
        this.duplicates++;
        return;
      }
      if (!known && message.seq < view.maxSocketSeq) this.reordered++;
      view.maxSocketSeq = Math.max(view.maxSocketSeq, message.seq);
    }
    if (known) known.viaSocket ||= viaSocket;
    else view.messages.set(message.id, { seq: message.seq, authorKind: message.authorKind, text: message.text, viaSocket });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
