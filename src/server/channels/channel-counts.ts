import { ChannelSchema, type Channel } from '../../contract/conversations';
import type { ChannelCount } from '../../contract/supervision';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';

/** Open conversations per channel, for the supervisors' dashboard (from the open conversations' index). */
export async function channelCounts(sql: Sql): Promise<ChannelCount[]> {
  const rows = await typed(sql)
    .selectFrom('conversations')
    .select((eb) => {
      const inState = (state: string) => eb.cast<number>(eb.fn.countAll().filterWhere('state', '=', state), 'integer');
      return ['channel', inState('queued').as('waiting'), inState('offered').as('offered'), inState('picked').as('in_progress')];
    })
    .where('state', 'in', ['queued', 'offered', 'picked'])
    .groupBy('channel')
    .execute();
  const order = ChannelSchema.options;
  return rows
    // Only the server writes channel, always one of the contract's channels (web chat, inbound.ts).
    .map((r) => ({ channel: r.channel as Channel, waiting: r.waiting, offered: r.offered, inProgress: r.in_progress }))
    .sort((a, b) => order.indexOf(a.channel) - order.indexOf(b.channel));
}
