import type { Migration } from './migration';

export default {
  id: 6,
  name: 'presence, offers, read markers, preferences',
  sql: `
-- Presence and workload. idle_since orders offers: the available agent who has waited longest
-- since their last conversation (or since becoming available) is offered the next one.
ALTER TABLE users ADD COLUMN presence text NOT NULL DEFAULT 'offline'
  CHECK (presence IN ('available', 'busy', 'away', 'offline'));
ALTER TABLE users ADD COLUMN presence_since timestamptz NOT NULL DEFAULT now();
ALTER TABLE users ADD COLUMN presence_reason text CHECK (presence_reason IN ('missed_offers', 'lost_connection'));
ALTER TABLE users ADD COLUMN capacity integer NOT NULL DEFAULT 5 CHECK (capacity BETWEEN 1 AND 50);
ALTER TABLE users ADD COLUMN idle_since timestamptz NOT NULL DEFAULT now();
-- Offers let expire in a row; reset by an accepted offer or by choosing a presence.
ALTER TABLE users ADD COLUMN missed_offers integer NOT NULL DEFAULT 0;
-- When the user's last connection (on any instance) was last known alive.
ALTER TABLE users ADD COLUMN last_seen_at timestamptz;

-- Open realtime sockets per server instance and user. Each instance refreshes seen_at while
-- it runs; rows of an instance that died go stale, so "connected" never outlives a crash.
CREATE TABLE staff_connections (
  instance_id text NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  sockets integer NOT NULL CHECK (sockets > 0),
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (instance_id, user_id)
);
CREATE INDEX staff_connections_user ON staff_connections(user_id, seen_at);

ALTER TABLE queues ADD COLUMN routing_mode text NOT NULL DEFAULT 'pick' CHECK (routing_mode IN ('pick', 'offer'));

-- The current offer of a conversation in state 'offered'.
ALTER TABLE conversations ADD COLUMN offered_to_agent_id uuid REFERENCES users(id);
ALTER TABLE conversations ADD COLUMN offer_expires_at timestamptz;
-- Counts the times the conversation started waiting again (transfer, lost agent): whoever
-- declined an offer in this round is not offered it again in the same round.
ALTER TABLE conversations ADD COLUMN offer_round integer NOT NULL DEFAULT 0;
-- Came back because its agent was lost: waits at the top of its queue.
ALTER TABLE conversations ADD COLUMN returned_at timestamptz;
CREATE INDEX conversations_offered ON conversations(offer_expires_at) WHERE state = 'offered';
CREATE INDEX conversations_offered_to ON conversations(offered_to_agent_id) WHERE state = 'offered';

-- Every offer and how it ended: the conversation's record, and the routing's memory.
CREATE TABLE offers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_id uuid NOT NULL REFERENCES conversations(id),
  round integer NOT NULL,
  agent_id uuid NOT NULL REFERENCES users(id),
  offered_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  outcome text CHECK (outcome IN ('accepted', 'rejected', 'expired', 'withdrawn')),
  decided_at timestamptz
);
CREATE INDEX offers_conversation ON offers(conversation_id, round, agent_id);

-- Per user and conversation: the last message seq seen, on any device.
CREATE TABLE read_markers (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  conversation_id uuid NOT NULL REFERENCES conversations(id),
  last_read_seq integer NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, conversation_id)
);

CREATE TABLE user_preferences (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  preferences jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE settings ADD COLUMN routing jsonb;

-- Events addressed to one user's own devices (read markers, preferences).
ALTER TABLE events ADD COLUMN user_id uuid;
-- A conversation's own events, for its audit trail.
CREATE INDEX events_conversation ON events(conversation_id, seq) WHERE conversation_id IS NOT NULL;
-- Sorting by the customer's messages.
CREATE INDEX messages_author ON messages(conversation_id, author_kind, seq);
`,
} satisfies Migration;
