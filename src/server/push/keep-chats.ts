import { sql } from 'kysely';

/*
 * The keep-chats rule (README, "Push notifications"). Normally an agent whose every connection
 * has been gone for the grace period (60 s by default) is lost: set offline, and what they hold
 * goes back to the top of its queue. That protects customers from agents who really left (a tab
 * closed, a lost network). A phone that locks its screen closes its connection too, so an agent
 * on a phone would lose their chats each time. The exception: an agent who
 *
 *   - holds at least one conversation,
 *   - has a device registered for Web Push on a session that is still valid and whose last
 *     delivery did not fail (a push service that says the device is gone removes it),
 *   - and left less than the admin's limit ago (Admin → Settings, "Keep chats of agents reachable
 *     by push", 15 minutes by default; 0 turns the rule off),
 *
 * keeps their conversations and presence. Once the grace period has passed they get one push
 * telling them how many customers wait for a reply; new customer messages reach them as pushes
 * anyway. Past the limit, or as soon as no device can be reached, the usual rule applies at the
 * next sweep. Offers still go only to connected agents.
 */

/**
 * SQL: the agent whose `users` id is `userColumn` (its table aliased, so that `<alias>.last_seen_at`
 * exists) is kept by the rule above, with the admin's limit of `keepMinutes`.
 */
export function keptByPush(userColumn: string, keepMinutes: number) {
  const alias = userColumn.slice(0, userColumn.lastIndexOf('.'));
  return sql<boolean>`(${keepMinutes}::int > 0
    AND ${sql.ref(`${alias}.last_seen_at`)} > now() - make_interval(mins => ${keepMinutes}::int)
    AND EXISTS (SELECT 1 FROM conversations kc WHERE kc.state = 'picked' AND kc.agent_id = ${sql.ref(userColumn)})
    AND EXISTS (SELECT 1 FROM push_devices kd JOIN sessions ks ON ks.token_hash = kd.session_hash
      WHERE kd.user_id = ${sql.ref(userColumn)} AND kd.kind = 'webpush' AND kd.failing_since IS NULL AND ks.expires_at > now()))`;
}
