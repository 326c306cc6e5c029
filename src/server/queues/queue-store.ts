import type { Selectable } from 'kysely';
import type { Queue, RoutingMode } from '../../contract/queues';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import type { Queues } from '../db/schema.gen';

type QueueRow = Pick<Selectable<Queues>, 'id' | 'name' | 'address' | 'routing_mode'>;

const selectQueues = (db: Sql) => typed(db).selectFrom('queues').select(['id', 'name', 'address', 'routing_mode']);
const queueFromRow = (row: QueueRow): Queue => ({ id: row.id, name: row.name, address: row.address, routingMode: row.routing_mode as RoutingMode });

export async function findQueue(db: Sql, id: string): Promise<Queue | null> {
  const row = await selectQueues(db).where('id', '=', id).executeTakeFirst();
  return row ? queueFromRow(row) : null;
}

/** All queues by name, or only those with the given ids. */
export async function listQueues(db: Sql, onlyIds: string[] | null = null): Promise<Queue[]> {
  const rows = await selectQueues(db)
    // One statement whatever the number of ids (= ANY of an array parameter, not IN ($1, $2, …)).
    .$if(onlyIds !== null, (qb) => qb.where('id', '=', (eb) => eb.fn.any(eb.val(onlyIds ?? []))))
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(queueFromRow);
}
