import type { Conversation } from '../../contract/conversations';
import { CHANNELS } from '../../domain/channel-rules';
import type { Database } from '../db/database';
import { typed } from '../db/kysely';
import type { SecretKeys } from './channel-secrets';
import { loadRuntimeChannel } from './channel-store';
import type { SinchApi } from './sinch-api';

/*
 * Read receipts on messaging channels: when the agent holding a conversation reads the customer's
 * messages in the panel (their read marker moves past them), the channel is told where it can show
 * it (WhatsApp's blue ticks). Best effort, like the typing indicator, not through the outbox: a
 * receipt is a hint, not content; a lost one is made good by the next read (a later receipt covers
 * the earlier messages), while the outbox sends a conversation's rows in order, so a receipt there
 * would wait behind unsent replies and arrive after a long outage, when it no longer means "now".
 */

/** Conversations remembered per instance; the oldest is forgotten beyond this (at worst one receipt is sent again). */
const REMEMBERED = 1000;

export class ReadReceipts {
  /** Per conversation: the read marker up to which this instance has looked for customer messages to acknowledge. */
  private readonly seen = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    private readonly api: SinchApi,
    private readonly keys: SecretKeys,
  ) {}

  /** `userId` read `conversation` up to `seq` (its read marker now). Web chats and other readers cost nothing. */
  agentRead(userId: string, conversation: Conversation, seq: number): void {
    if (!CHANNELS[conversation.channel].readReceipts) return;
    // Only the agent answering: a supervisor looking in has not read it for the customer.
    if (conversation.state !== 'picked' || conversation.agent?.id !== userId) return;
    const since = this.seen.get(conversation.id) ?? 0;
    if (seq <= since) return;
    this.seen.delete(conversation.id);
    this.seen.set(conversation.id, seq);
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.keys().next().value!);
    const work = this.send(conversation.id, since, seq)
      .catch(() => {})
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /** Resolves once the receipts asked for so far were sent or given up (tests). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  private async send(conversationId: string, since: number, seq: number): Promise<void> {
    // Only when the customer wrote something newly read: reading the agent's own replies says nothing.
    const row = await typed(this.db)
      .selectFrom('conversations as c')
      .select((eb) => [
        'c.channel_id',
        'c.channel_identity',
        eb
          .exists(
            eb
              .selectFrom('messages as m')
              .select(eb.lit(1).as('one'))
              .whereRef('m.conversation_id', '=', 'c.id')
              .where('m.author_kind', '=', 'customer')
              .where('m.seq', '>', since)
              .where('m.seq', '<=', seq),
          )
          .as('unacknowledged'),
      ])
      .where('c.id', '=', conversationId)
      .executeTakeFirst();
    if (!row?.unacknowledged || !row.channel_id || !row.channel_identity) return;
    const channel = await loadRuntimeChannel(this.db, this.keys, row.channel_id);
    if (!channel?.enabled) return;
    const [providerChannel, ...rest] = row.channel_identity.split(':');
    await this.api.markRead(channel, { channel: providerChannel!, identity: rest.join(':') });
  }
}
