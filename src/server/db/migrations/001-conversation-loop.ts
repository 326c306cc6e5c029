import type { Migration } from './migration';

export default {
  id: 1,
  name: 'conversation loop',
  sql: `
CREATE TABLE queues (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  address text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE queue_agents (
  queue_id uuid NOT NULL REFERENCES queues(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (queue_id, user_id)
);
CREATE INDEX queue_agents_user ON queue_agents(user_id);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE customers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  email text,
  phone text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customers_email ON customers(lower(email)) WHERE email IS NOT NULL;

CREATE TABLE conversations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL REFERENCES customers(id),
  queue_id uuid NOT NULL REFERENCES queues(id),
  channel text NOT NULL DEFAULT 'webchat',
  source text NOT NULL,
  destination text NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'offered', 'picked', 'ended')),
  agent_id uuid REFERENCES users(id),
  customer_token_hash text UNIQUE,
  arrived_at timestamptz NOT NULL DEFAULT now(),
  picked_at timestamptz,
  ended_at timestamptz,
  ended_by text CHECK (ended_by IN ('customer', 'agent', 'system')),
  last_seq integer NOT NULL DEFAULT 0
);
CREATE INDEX conversations_waiting ON conversations(queue_id, arrived_at) WHERE state IN ('queued', 'offered');
CREATE INDEX conversations_agent ON conversations(agent_id) WHERE state = 'picked';
CREATE INDEX conversations_customer ON conversations(customer_id, arrived_at);

CREATE TABLE messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  conversation_id uuid NOT NULL REFERENCES conversations(id),
  seq integer NOT NULL,
  client_message_id uuid,
  author_kind text NOT NULL CHECK (author_kind IN ('customer', 'agent', 'system')),
  author_id uuid,
  author_name text NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (conversation_id, seq),
  UNIQUE (conversation_id, client_message_id)
);

-- One row whose update serialises event appends, so seq order is commit order and a reader
-- that has seen seq N never later finds a smaller seq appear.
CREATE TABLE event_counter (id boolean PRIMARY KEY DEFAULT true CHECK (id), value bigint NOT NULL);
INSERT INTO event_counter (value) VALUES (0);

CREATE TABLE events (
  seq bigint PRIMARY KEY,
  type text NOT NULL,
  conversation_id uuid,
  queue_id uuid,
  agent_id uuid,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
} satisfies Migration;
