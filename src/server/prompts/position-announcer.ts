import type { RealtimeFrame } from '../../contract/events';
import type { LoggedEvent } from '../../domain/event-visibility';
import type { Sql } from '../db/database';
import { positionOf, queuePositions, type QueuePosition } from './queue-positions';

/** A socket of a waiting customer, as the hub knows it. */
export interface PositionListener {
  conversationId: string;
  send(frame: RealtimeFrame): void;
}

/**
 * The queues whose line of waiting conversations an event batch may have changed: someone joined
 * (a new chat, a transfer in, a return), left (picked, accepted, ended, transferred out).
 * Offers do not move anyone: an offered conversation keeps its place.
 */
export function linesMoved(batch: readonly LoggedEvent[]): Set<string> {
  const queues = new Set<string>();
  for (const stored of batch) {
    if (!stored.scope || !('conversationId' in stored.scope)) continue;
    const { event } = stored;
    switch (event.type) {
      case 'conversation.transferred':
        queues.add(event.transfer.fromQueue.id);
        queues.add(stored.scope.queueId);
        break;
      case 'conversation.created':
      case 'conversation.picked':
      case 'conversation.accepted':
      case 'conversation.ended':
      case 'conversation.returned':
        queues.add(stored.scope.queueId);
        break;
      default:
        break;
    }
  }
  return queues;
}

const frameOf = (p: QueuePosition): RealtimeFrame => ({
  kind: 'queue-position',
  conversationId: p.conversationId,
  position: p.position,
  estimatedWaitMinutes: p.estimatedWaitMinutes,
});

/**
 * Tells waiting customers connected to this instance their place in line. Per batch of events
 * that moved any line, one statement computes the places of every connected customer in the
 * moved queues (not one per customer, nor per socket); each instance does this for its own
 * sockets only. Best effort: a missed update is corrected by the next one or a reconnect.
 *
 * The statements run one after another beside the hub's delivery, never in its way: the next
 * batch of messages does not wait for a position query.
 */
export class PositionAnnouncer {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly db: Sql) {}

  /** After a batch's frames went out; `listeners` is asked only when a line moved. */
  announce(batch: readonly LoggedEvent[], listeners: () => readonly PositionListener[]): void {
    const queues = linesMoved(batch);
    if (queues.size === 0) return;
    const now = listeners();
    if (now.length === 0) return;
    this.queue = this.queue.then(() => this.send(queues, now));
  }

  /** Resolves once every announcement asked for so far was sent (or failed). */
  settled(): Promise<void> {
    return this.queue;
  }

  private async send(queues: Set<string>, listeners: readonly PositionListener[]): Promise<void> {
    const byConversation = new Map<string, PositionListener[]>();
    for (const l of listeners) byConversation.set(l.conversationId, [...(byConversation.get(l.conversationId) ?? []), l]);
    try {
      const places = await queuePositions(this.db, [...queues], [...byConversation.keys()]);
      for (const place of places) for (const l of byConversation.get(place.conversationId) ?? []) l.send(frameOf(place));
    } catch (err) {
      console.warn('queue positions:', err);
    }
  }

  /** A customer's socket just went live: its place now, if it waits. */
  async greet(listener: PositionListener): Promise<void> {
    try {
      const place = await positionOf(this.db, listener.conversationId);
      if (place) listener.send(frameOf(place));
    } catch (err) {
      console.warn('queue position:', err);
    }
  }
}
