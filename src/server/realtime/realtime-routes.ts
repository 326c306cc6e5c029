import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { REALTIME_PATH } from '../../contract/api';
import { RealtimeHelloSchema, RealtimeTypingSchema, type RealtimeFrame } from '../../contract/events';
import { customerFromToken, SESSION_COOKIE, staffFromToken, touchSession, type Principal } from '../auth/principal';
import type { Database } from '../db/database';
import type { AppMetrics } from '../observability/metrics';
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from '../db/unavailable';
import type { ConnectionTracker } from '../presence/connection-tracker';
import { TRY_AGAIN_LATER_CLOSE_CODE, type RealtimeClient, type RealtimeHub } from './hub';
import { typingSignal } from './typing';

const HELLO_TIMEOUT_MS = 10_000;
const TYPING_MIN_INTERVAL_MS = 1_000;
const HEARTBEAT_MS = 25_000;
/** A client this far behind is dropped; it reconnects and catches up from the log instead. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

/** How often an open staff socket records its session as in use (idle timeout); the write itself happens at most once a minute. */
const SESSION_TOUCH_MS = 30_000;

/**
 * Frames the hub shares between sockets (see sharedFrames) are serialised and encoded once, not
 * per socket: sent as a Buffer (as a text frame), `ws` writes it as it is.
 */
const serializedFrames = new WeakMap<RealtimeFrame, Buffer>();
function serialized(frame: RealtimeFrame): Buffer {
  let bytes = serializedFrames.get(frame);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(frame));
    serializedFrames.set(frame, bytes);
  }
  return bytes;
}

/**
 * The TCP socket under a WebSocket, for corking (see RealtimeClient.cork). `ws` does not document
 * it, so it is looked for rather than assumed; without it, frames are simply written one by one.
 */
function tcpOf(socket: WebSocket): { cork(): void; uncork(): void } | null {
  const tcp = (socket as unknown as { _socket?: { cork?: unknown; uncork?: unknown } })._socket;
  return tcp && typeof tcp.cork === 'function' && typeof tcp.uncork === 'function' ? (tcp as { cork(): void; uncork(): void }) : null;
}

export function registerRealtimeRoutes(
  app: FastifyInstance,
  db: Database,
  hub: RealtimeHub,
  connections: ConnectionTracker,
  metrics: AppMetrics,
  opts: {
    sessionTouchMs?: number;
    /** An agent started or stopped typing in a conversation they hold (messaging channels show it). */
    onAgentTyping?: (conversationId: string, isTyping: boolean) => void;
  } = {},
) {
  app.get(REALTIME_PATH, { websocket: true }, (socket: WebSocket, req) => {
    const cookieToken = req.cookies[SESSION_COOKIE];
    let client: RealtimeClient | undefined;
    /** The staff member whose open socket this is, once their hello was accepted (presence). */
    let trackedUserId: string | undefined;
    let alive = true;

    const send = (frame: RealtimeFrame) => {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        socket.close(4008, 'Too far behind; reconnect to catch up');
        return;
      }
      socket.send(serialized(frame), { binary: false });
    };
    const fail = (code: string, message: string, closeCode = 4001) => {
      send({ kind: 'error', code, message });
      socket.close(closeCode, message.slice(0, 120));
    };

    const helloTimer = setTimeout(() => fail('unauthenticated', 'No hello received'), HELLO_TIMEOUT_MS);
    const heartbeat = setInterval(() => {
      if (!alive) return socket.terminate();
      alive = false;
      socket.ping();
    }, HEARTBEAT_MS);
    socket.on('pong', () => (alive = true));
    // An open panel is a session in use, even when its user sends no requests.
    const sessionTouch = setInterval(() => {
      if (client?.principal.kind === 'staff') void touchSession(db, client.principal.sessionHash).catch(() => {});
    }, opts.sessionTouchMs ?? SESSION_TOUCH_MS);

    let helloSeen = false;
    // Clients repeat "typing" every few seconds; more than that is dropped before touching the database.
    let lastTyping = { at: 0, isTyping: false };
    // The handler is async: an error it throws would be an unhandled rejection, which ends the
    // process. A database that cannot be reached is told to the client, who retries later.
    const onMessage = async (data: unknown) => {
      if (helloSeen) {
        // After hello, the only frames clients send are typing signals; anything else is ignored.
        if (!client) return;
        const typing = RealtimeTypingSchema.safeParse(safeJson(String(data)));
        if (!typing.success) return;
        const now = Date.now();
        if (typing.data.isTyping === lastTyping.isTyping && now - lastTyping.at < TYPING_MIN_INTERVAL_MS) return;
        lastTyping = { at: now, isTyping: typing.data.isTyping };
        const signal = await typingSignal(db, client.principal, typing.data.conversationId, typing.data.isTyping);
        if (signal) {
          await hub.announceTyping(signal);
          if (signal.frame.from === 'agent') opts.onAgentTyping?.(signal.frame.conversationId, signal.frame.isTyping);
        }
        return;
      }
      // The hello flag is set before any await, so a second frame cannot race the first.
      helloSeen = true;
      clearTimeout(helloTimer);
      let parsed;
      try {
        parsed = RealtimeHelloSchema.safeParse(JSON.parse(String(data)));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) return fail('invalid_request', 'The first frame must be a hello frame', 4000);
      const hello = parsed.data;
      let principal: Principal | null = null;
      if (hello.customerToken) principal = await customerFromToken(db, hello.customerToken);
      else {
        const token = hello.token ?? cookieToken;
        principal = token ? await staffFromToken(db, token) : null;
      }
      if (!principal) return fail('unauthenticated', 'Please log in again.');
      if (socket.readyState !== socket.OPEN) return;
      if (principal.kind === 'staff') {
        // Recorded before "ready", so a client that is ready also counts as connected for offers.
        // Set first: a close during the await then detaches what was attached.
        trackedUserId = principal.user.id;
        await connections.attach(principal.user);
        if (socket.readyState !== socket.OPEN) return;
      }
      const tcp = tcpOf(socket);
      client = {
        principal,
        send,
        close: (code, reason) => socket.close(code, reason),
        cork: () => tcp?.cork(),
        uncork: () => tcp?.uncork(),
      };
      metrics.socketOpened(principal.kind);
      hub.attach(client, hello.after);
    };
    socket.on('message', (data) => {
      onMessage(data).catch((err: unknown) => {
        if (!isDatabaseUnavailable(err)) {
          console.error('realtime socket:', err);
          return fail('internal', 'Something went wrong on the server. Please reconnect.', 1011);
        }
        // Before hello completed the socket is of no use: close it so the client retries later.
        // After, it stays open (only a typing signal was lost) and delivery resumes with the database.
        if (client) send({ kind: 'error', code: 'unavailable', message: UNAVAILABLE_MESSAGE });
        else fail('unavailable', UNAVAILABLE_MESSAGE, TRY_AGAIN_LATER_CLOSE_CODE);
      });
    });

    socket.on('close', () => {
      clearTimeout(helloTimer);
      clearInterval(heartbeat);
      clearInterval(sessionTouch);
      if (client) {
        hub.detach(client);
        metrics.socketClosed(client.principal.kind);
      }
      if (trackedUserId) void connections.detach(trackedUserId);
    });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
