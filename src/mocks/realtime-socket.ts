import { ws } from 'msw';
import { REALTIME_PATH } from '../contract/api';
import { RealtimeHelloSchema, RealtimeTypingSchema, type RealtimeFrame } from '../contract/events';
import { frameFor, type EventAudience } from '../domain/event-visibility';
import { findConversation, findUser, mockData } from './data';
import { eventsAfter, onMockEvent } from './event-log';
import { mockQueuePosition } from './queue-positions';
import { SESSION_COOKIE } from './sessions';

/*
 * The realtime socket, mocked: a client says hello with its credential (a staff session cookie or
 * bearer token, or a customer's chat token), gets what it missed since `after` (or a reset when too
 * much was missed), then `ready`, then every event of the mock log (event-log.ts) it may see, framed
 * by the same rule as the server's hub (src/domain/event-visibility.ts); a waiting customer also
 * gets their place in the queue (queue-positions.ts). Typing signals are not relayed: the mock
 * has no other side.
 */

const realtime = ws.link(new RegExp(`${REALTIME_PATH.replace(/\//g, '\\/')}$`));

/** The staff session cookie of this page, which a browser sends with the socket's handshake. */
function pageSessionCookie(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const pair = document.cookie.split('; ').find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  return pair?.slice(SESSION_COOKIE.length + 1) || undefined;
}

/** Who the hello's credential belongs to, or null when it names no session or chat. */
function audienceOf(hello: { token?: string; customerToken?: string }): EventAudience | null {
  if (hello.customerToken !== undefined) {
    const record = findConversation(mockData.customerTokens.get(hello.customerToken) ?? '');
    return record ? { kind: 'customer', conversationId: record.id, customerId: record.customerId } : null;
  }
  const token = hello.token ?? pageSessionCookie();
  const user = token ? findUser(mockData.sessions.get(token)?.userId ?? '') : null;
  return user ? { kind: 'staff', user } : null;
}

/** Each open socket's way to be told "refetch everything" (see resyncSockets). */
const resyncs = new Set<() => void>();

/** Another tab replaced the workspace: every socket here gets a reset, so its page refetches. */
export function resyncSockets() {
  for (const resync of resyncs) resync();
}

export const realtimeHandler = realtime.addEventListener('connection', ({ client }) => {
  let stop: (() => void) | undefined;
  const send = (frame: RealtimeFrame) => client.send(JSON.stringify(frame));
  const resync = () => send({ kind: 'reset', seq: mockData.eventSeq });
  client.addEventListener('message', (message) => {
    const data: unknown = (() => {
      try {
        return JSON.parse(String(message.data));
      } catch {
        return null;
      }
    })();
    if (RealtimeTypingSchema.safeParse(data).success) return;
    const hello = RealtimeHelloSchema.safeParse(data);
    if (!hello.success) return send({ kind: 'error', code: 'invalid_request', message: 'Say hello first.' });
    const audience = audienceOf(hello.data);
    // As the server: a credential that names nobody closes the socket with 4001 (log in again).
    if (!audience) return client.close(4001, hello.data.customerToken !== undefined ? 'This chat link is not valid. Start a new chat.' : 'Please log in again.');
    stop?.();
    // A waiting customer hears their place on connect and whenever it changes, as from the server's hub.
    let place = '';
    const tellPlace = () => {
      if (audience.kind !== 'customer') return;
      const frame = mockQueuePosition(audience.conversationId);
      const now = frame ? `${frame.position}:${frame.estimatedWaitMinutes}` : '';
      if (frame && now !== place) send(frame);
      place = now;
    };
    const deliver = (entry: Parameters<typeof frameFor>[1]) => {
      const frame = frameFor(audience, entry);
      if (frame) send(frame);
      tellPlace();
    };
    const missed = hello.data.after === undefined ? [] : eventsAfter(hello.data.after);
    if (missed === null) send({ kind: 'reset', seq: mockData.eventSeq });
    else missed.forEach(deliver);
    send({ kind: 'ready', seq: mockData.eventSeq });
    tellPlace();
    const unsubscribe = onMockEvent(deliver);
    resyncs.add(resync);
    stop = () => {
      unsubscribe();
      resyncs.delete(resync);
    };
  });
  client.addEventListener('close', () => stop?.());
});
