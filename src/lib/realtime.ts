import { REALTIME_PATH } from '../contract/route-def';
import type { RealtimeFrame, RealtimeFrameSchema, RealtimeHello, RealtimeTyping } from '../contract/events';

/*
 * The frames' schema (with zod) loads with the first connection, not with the page: it would weigh
 * on the staff panel's first load (issue 11). Frames are still checked, and their defaults filled
 * (events logged before a field existed), before anyone sees them; they wait for it in order.
 */
let frameSchema: Promise<typeof RealtimeFrameSchema> | undefined;
const loadFrameSchema = () => (frameSchema ??= import('../contract/events').then((m) => m.RealtimeFrameSchema));

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

export interface RealtimeHandlers {
  /** An event, in seq order, each delivered once. */
  onFrame(frame: Extract<RealtimeFrame, { kind: 'event' | 'customer-event' | 'workspace-event' | 'user-event' }>): void;
  /** The client must refetch everything: first connect, or too much was missed. */
  onResync(): void;
  /** The server refused the credentials; reconnecting will not help. */
  onUnauthorized?(message: string): void;
  onStatus?(status: ConnectionStatus): void;
  /** Someone on the other side of a conversation started or stopped typing. */
  onTyping?(frame: Extract<RealtimeFrame, { kind: 'typing' }>): void;
  /** The customer's place in their queue changed (customer sockets only). */
  onQueuePosition?(frame: Extract<RealtimeFrame, { kind: 'queue-position' }>): void;
}

const MAX_BACKOFF_MS = 10_000;

/**
 * One WebSocket per client with automatic reconnect. It remembers the last seq applied and asks
 * for everything after it on reconnect, so events missed while offline arrive without a reload.
 */
export class RealtimeConnection {
  private socket: WebSocket | undefined;
  private lastSeq: number | undefined;
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly handlers: RealtimeHandlers,
    private readonly credentials: Pick<RealtimeHello, 'customerToken' | 'token'> = {},
  ) {}

  start(): void {
    this.stopped = false;
    this.connect();
    window.addEventListener('online', this.reconnectNow);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    window.removeEventListener('online', this.reconnectNow);
    this.socket?.close(1000, 'client stopped');
    this.socket = undefined;
  }

  /** Sends a typing signal if the socket is up; typing is never worth queuing. */
  sendTyping(signal: Omit<RealtimeTyping, 'type'>): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify({ type: 'typing', ...signal }));
  }

  private readonly reconnectNow = () => {
    if (this.stopped || this.socket?.readyState === WebSocket.OPEN) return;
    clearTimeout(this.timer);
    this.attempts = 0;
    this.connect();
  };

  private connect(): void {
    this.handlers.onStatus?.('connecting');
    const url = new URL(REALTIME_PATH, window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url);
    this.socket = socket;
    const schema = loadFrameSchema();

    socket.onopen = () => {
      const hello: RealtimeHello = { type: 'hello', after: this.lastSeq, ...this.credentials };
      socket.send(JSON.stringify(hello));
    };
    socket.onmessage = (msg) => {
      if (socket !== this.socket) return;
      const data: unknown = JSON.parse(String(msg.data));
      // Callbacks on one promise run in the order they were added: frames keep theirs.
      void schema.then((frames) => {
        if (socket !== this.socket) return;
        const parsed = frames.safeParse(data);
        if (!parsed.success) return console.warn('Ignoring unknown realtime frame', parsed.error);
        this.handle(parsed.data);
      });
    };
    socket.onclose = (ev) => {
      if (socket !== this.socket) return;
      this.socket = undefined;
      if (this.stopped) return;
      this.handlers.onStatus?.('offline');
      if (ev.code === 4001) return this.handlers.onUnauthorized?.(ev.reason || 'Please log in again.');
      const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempts) * (0.75 + Math.random() / 2);
      this.attempts += 1;
      this.timer = setTimeout(() => this.connect(), delay);
    };
  }

  private handle(frame: RealtimeFrame): void {
    switch (frame.kind) {
      case 'ready':
        // A fresh start cannot know what happened before the socket opened: refetch once.
        if (this.lastSeq === undefined) this.handlers.onResync();
        this.lastSeq = Math.max(this.lastSeq ?? 0, frame.seq);
        this.attempts = 0;
        this.handlers.onStatus?.('online');
        return;
      case 'reset':
        this.lastSeq = frame.seq;
        this.attempts = 0;
        this.handlers.onResync();
        this.handlers.onStatus?.('online');
        return;
      case 'event':
      case 'customer-event':
      case 'workspace-event':
      case 'user-event':
        if (this.lastSeq !== undefined && frame.event.seq <= this.lastSeq) return;
        this.lastSeq = frame.event.seq;
        this.handlers.onFrame(frame);
        return;
      case 'typing':
        this.handlers.onTyping?.(frame);
        return;
      case 'queue-position':
        this.handlers.onQueuePosition?.(frame);
        return;
      case 'error':
        console.warn('Realtime error', frame.code, frame.message);
    }
  }
}
