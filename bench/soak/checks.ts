import type { SoakDatabase } from './database';
import type { Ledger } from './ledger';
import type { SoakSocket } from './realtime';

interface StoredRow {
  id: string;
  conversation_id: string;
  seq: number;
  client_message_id: string | null;
}

export interface Findings {
  sent: number;
  acknowledged: number;
  refused: number;
  gaveUp: number;
  /** Sent messages (by client id) with at least one stored row. */
  stored: number;
  /** Stored although the client never got an acknowledgement (gave up or still pending): allowed. */
  storedUnacknowledged: number;
  /** Acknowledged but not stored, or stored under another id than the acknowledgement named. */
  lost: number;
  /** Extra stored copies of one client id. */
  duplicated: number;
  /** Pairs of one author's messages in one conversation stored in another order than acknowledged. */
  reordered: number;
  /** Socket × message pairs the socket has (see soak.ts for the exact meaning). */
  delivered: number;
  /** Socket × message pairs the socket should have and does not. */
  undelivered: number;
  /** message.created received twice over one socket. */
  deliveredTwice: number;
  /** message.created received over one socket after a later message of the same conversation. */
  deliveredOutOfOrder: number;
  /** Frames that broke the contract, or events replayed below the client's `after`. */
  protocolProblems: number;
  examples: string[];
}

/**
 * Compares what the clients were told with what the database holds and what every socket got.
 * Run after the load has stopped; cheap enough to poll while waiting for quiescence.
 */
export async function check(database: SoakDatabase, ledger: Ledger, sockets: SoakSocket[]): Promise<Findings> {
  const clientIds = [...ledger.sent.keys()];
  const rows = await database.query<StoredRow>(
    `SELECT id::text, conversation_id::text, seq, client_message_id::text FROM messages
     WHERE conversation_id IN (SELECT conversation_id FROM messages WHERE client_message_id::text = ANY($1::text[]))`,
    [clientIds],
  );
  const examples: string[] = [];
  const note = (text: string) => examples.length < 12 && examples.push(text);

  const byClientId = new Map<string, StoredRow[]>();
  const byConversation = new Map<string, StoredRow[]>();
  for (const row of rows) {
    if (row.client_message_id) byClientId.set(row.client_message_id, [...(byClientId.get(row.client_message_id) ?? []), row]);
    byConversation.set(row.conversation_id, [...(byConversation.get(row.conversation_id) ?? []), row]);
  }

  let stored = 0;
  let storedUnacknowledged = 0;
  let lost = 0;
  let duplicated = 0;
  const perAuthor = new Map<string, { ackIndex: number; seq: number }[]>();
  for (const entry of ledger.sent.values()) {
    const copies = byClientId.get(entry.clientMessageId) ?? [];
    if (copies.length > 0) stored++;
    if (copies.length > 1) {
      duplicated += copies.length - 1;
      note(`duplicate: ${entry.author}'s ${entry.clientMessageId} stored ${copies.length}× (conversations ${copies.map((c) => c.conversation_id).join(', ')})`);
    }
    if (entry.status !== 'acknowledged') {
      if (copies.length > 0) storedUnacknowledged++;
      continue;
    }
    const match = copies.find((c) => c.id === entry.ack!.id);
    if (!match) {
      lost++;
      note(`lost: ${entry.author}'s acknowledged ${entry.clientMessageId} (message ${entry.ack!.id}) is not stored`);
      continue;
    }
    const key = `${entry.author} in ${match.conversation_id}`;
    perAuthor.set(key, [...(perAuthor.get(key) ?? []), { ackIndex: entry.ackIndex!, seq: match.seq }]);
  }

  let reordered = 0;
  for (const [key, acks] of perAuthor) {
    acks.sort((a, b) => a.ackIndex - b.ackIndex);
    for (let i = 1; i < acks.length; i++) {
      if (acks[i]!.seq < acks[i - 1]!.seq) {
        reordered++;
        note(`reordered: ${key}: acknowledged seq ${acks[i - 1]!.seq} before ${acks[i]!.seq}`);
      }
    }
  }

  let delivered = 0;
  let undelivered = 0;
  let deliveredTwice = 0;
  let deliveredOutOfOrder = 0;
  let protocolProblems = 0;
  const soakConversations = [...byConversation.keys()];
  for (const socket of sockets) {
    deliveredTwice += socket.duplicates;
    deliveredOutOfOrder += socket.reordered;
    protocolProblems += socket.invalidFrames.length + socket.replayedEvents;
    if (socket.invalidFrames[0]) note(`${socket.name}: frame outside the contract: ${socket.invalidFrames[0]}`);
    // A customer's socket follows its own chat; an agent's socket every chat in the agent's queue.
    const expected = socket.ownConversation ? [socket.ownConversation] : soakConversations;
    for (const conversationId of expected) {
      const view = socket.views.get(conversationId);
      for (const row of byConversation.get(conversationId) ?? []) {
        if (view?.messages.has(row.id)) delivered++;
        else {
          undelivered++;
          note(`undelivered: ${socket.name} lacks message seq ${row.seq} of ${conversationId}`);
        }
      }
    }
  }

  return {
    sent: ledger.sent.size,
    acknowledged: ledger.count('acknowledged'),
    refused: ledger.count('refused'),
    gaveUp: ledger.count('gave-up'),
    stored,
    storedUnacknowledged,
    lost,
    duplicated,
    reordered,
    delivered,
    undelivered,
    deliveredTwice,
    deliveredOutOfOrder,
    protocolProblems,
    examples,
  };
}
