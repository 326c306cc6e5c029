import type { Queue, RoutingMode } from '../../contract/queues';
import type { Sql } from '../db/database';

interface QueueRow {
  id: string;
  name: string;
  address: string;
  routing_mode: RoutingMode;
}

const QUEUE_SELECT = 'SELECT id, name, address, routing_mode FROM queues';
const queueFromRow = (row: QueueRow): Queue => ({ id: row.id, name: row.name, address: row.address, routingMode: row.routing_mode });

export async function findQueue(sql: Sql, id: string): Promise<Queue | null> {
  const [row] = await sql.query<QueueRow>(`${QUEUE_SELECT} WHERE id = $1`, [id]);
  return row ? queueFromRow(row) : null;
}

/** All queues by name, or only those with the given ids. */
export async function listQueues(sql: Sql, onlyIds: string[] | null = null): Promise<Queue[]> {
  const rows = await sql.query<QueueRow>(`${QUEUE_SELECT} WHERE $1::uuid[] IS NULL OR id = ANY($1) ORDER BY name, id`, [onlyIds]);
  return rows.map(queueFromRow);
}
