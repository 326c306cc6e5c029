import { sql } from 'kysely';
import type { SecuritySettings } from '../../contract/settings';
import { canView } from '../../domain/conversation-rules';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import { hasLiveConnection } from '../presence/presence-store';
import { liveSession } from './device-store';
import { mentionPayload, messagePreview } from './push-payloads';
import { pushTexts } from './push-texts';

interface MentionRow {
  conversation_id: string;
  author_name: string;
  customer_name: string;
  text: string;
  user_id: string;
  role: string;
  /** The recipient's language preference, if they chose one. */
  language: string | null;
  queue_ids: string[] | null;
  queue_id: string;
  agent_id: string | null;
  reserved_for_agent_id: string | null;
  device_id: string;
  address: string;
  p256dh: string;
  auth: string;
}

/**
 * Pushes for `note.mentioned` events after `from` (up to `upTo`): to each device of a live session
 * of the mentioned colleague, while they have no panel open (the panel shows its own notice).
 * Access is judged again now: someone who can no longer see the conversation (moved out of its
 * queue, disabled) gets nothing.
 */
export async function mentionDeliveries(tx: Sql, from: number, upTo: number, security: SecuritySettings) {
  const { rows } = await sql<MentionRow>`
    SELECT e.payload #>> '{note,conversationId}' AS conversation_id, e.payload #>> '{note,authorName}' AS author_name,
      e.payload ->> 'customerName' AS customer_name, e.payload #>> '{note,text}' AS text,
      u.id AS user_id, u.role, (SELECT p.preferences ->> 'language' FROM user_preferences p WHERE p.user_id = u.id) AS language,
      ARRAY(SELECT qa.queue_id::text FROM queue_agents qa WHERE qa.user_id = u.id) AS queue_ids,
      c.queue_id, c.agent_id, c.reserved_for_agent_id,
      d.id AS device_id, d.address, d.p256dh, d.auth
    FROM events e
    JOIN users u ON u.id = e.user_id AND NOT u.disabled
    JOIN conversations c ON c.id = (e.payload #>> '{note,conversationId}')::uuid
    JOIN push_devices d ON d.user_id = u.id AND d.kind = 'webpush'
    JOIN sessions s ON s.token_hash = d.session_hash AND s.user_id = u.id AND ${liveSession(security)}
    WHERE e.seq > ${from}::bigint AND e.seq <= ${upTo}::bigint AND e.type = 'note.mentioned'
      AND NOT ${hasLiveConnection('u.id')}
    ORDER BY e.seq`.execute(typed(tx));
  return rows
    .filter((r) => canView({ id: r.user_id, role: r.role, queueIds: r.queue_ids ?? [] }, { queueId: r.queue_id, agentId: r.agent_id, reservedForId: r.reserved_for_agent_id }))
    .map((r) => ({
      deviceId: r.device_id,
      target: { endpoint: r.address, p256dh: r.p256dh, auth: r.auth },
      payload: mentionPayload(
        { conversationId: r.conversation_id, authorName: r.author_name, customerName: r.customer_name, preview: messagePreview(r.text, 0, pushTexts(r.language)) },
        pushTexts(r.language),
      ),
      ttlSeconds: 60 * 60,
      urgency: 'normal' as const,
    }));
}
