import type { Migration } from './migration';

export default {
  id: 21,
  name: 'messaging channels',
  sql: `
-- A Conversation API app an admin connected: where its callbacks come in (the webhook is named by
-- the channel's id), how to reach its API, which channels it carries and the queue its new
-- conversations wait in. The two secrets are sealed (src/server/channels/channel-secrets.ts) and
-- never leave the server.
CREATE TABLE channels (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  provider text NOT NULL DEFAULT 'sinch' CHECK (provider IN ('sinch')),
  project_id text NOT NULL,
  app_id text NOT NULL,
  key_id text NOT NULL,
  key_secret_sealed text NOT NULL,
  webhook_secret_sealed text NOT NULL,
  region text NOT NULL CHECK (region IN ('us', 'eu', 'br')),
  carries text[] NOT NULL,
  queue_id uuid NOT NULL REFERENCES queues(id),
  -- What agents see as the conversation's destination: our number, sender id or app name.
  sender text NOT NULL DEFAULT '',
  -- Sent to the customer when an agent ends the conversation; null: nothing is sent.
  closing_message text,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Admins' changes to channels are audited like those to queues and users.
ALTER TABLE admin_audit DROP CONSTRAINT admin_audit_target_kind_check;
ALTER TABLE admin_audit ADD CONSTRAINT admin_audit_target_kind_check CHECK (target_kind IN ('queue', 'user', 'settings', 'channel'));

-- Used only when CHANNEL_SECRETS_KEY is not set: secrets are then sealed with this key instead.
CREATE TABLE channel_secret_key (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  key text NOT NULL
);

-- A conversation that came through a channel. Its source is the customer's identity on that
-- channel (phone number or the channel's id), its channel column the channel's kind.
ALTER TABLE conversations ADD COLUMN channel_id uuid REFERENCES channels(id);
ALTER TABLE conversations ADD COLUMN channel_identity text;
-- One open conversation per customer identity and channel: two callbacks processed at once on two
-- instances cannot both start one.
CREATE UNIQUE INDEX conversations_open_channel_identity ON conversations(channel_id, channel_identity)
  WHERE channel_id IS NOT NULL AND state <> 'ended';
CREATE INDEX conversations_channel_identity ON conversations(channel_id, channel_identity, arrived_at) WHERE channel_id IS NOT NULL;

-- Who a channel identity is: the customer record its conversations share (their history).
CREATE TABLE channel_contacts (
  channel_id uuid NOT NULL REFERENCES channels(id),
  -- The channel's identity key: its Conversation API channel and the identity on it.
  identity text NOT NULL,
  customer_id uuid NOT NULL REFERENCES customers(id),
  PRIMARY KEY (channel_id, identity)
);

-- Callbacks as received, once each (by the callback's message id and kind): the webhook stores the
-- row and answers; the work follows, on whichever instance claims it first.
CREATE TABLE channel_inbox (
  id bigserial PRIMARY KEY,
  channel_id uuid NOT NULL REFERENCES channels(id),
  dedupe_key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('message', 'delivery', 'other')),
  -- Messages of one identity are applied in the order they came (null for others).
  identity text,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  processed_at timestamptz,
  outcome text,
  UNIQUE (channel_id, dedupe_key)
);
CREATE INDEX channel_inbox_due ON channel_inbox(next_attempt_at, id) WHERE processed_at IS NULL;
CREATE INDEX channel_inbox_identity ON channel_inbox(channel_id, identity, id) WHERE processed_at IS NULL;
CREATE INDEX channel_inbox_processed ON channel_inbox(processed_at) WHERE processed_at IS NOT NULL;

-- Nonces of accepted callbacks, kept for the signature's freshness window: a replay is refused.
CREATE TABLE channel_webhook_nonces (
  channel_id uuid NOT NULL REFERENCES channels(id),
  nonce text NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel_id, nonce)
);
CREATE INDEX channel_webhook_nonces_seen ON channel_webhook_nonces(seen_at);

-- What goes out to a channel, written in the transaction that stores the message (a trigger), so
-- nothing an agent sent is lost; sent by whichever instance claims it, retried with backoff.
CREATE TABLE channel_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Sending order within a conversation (messages of one transaction share created_at).
  position bigserial NOT NULL,
  channel_id uuid NOT NULL REFERENCES channels(id),
  conversation_id uuid NOT NULL REFERENCES conversations(id),
  -- The agent's message; null for a closing message, whose text is here.
  message_id uuid UNIQUE REFERENCES messages(id),
  text text,
  recipient text NOT NULL,
  -- A message goes out as its text, then one media message per file: how many of those the API took.
  parts_sent integer NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  lease_until timestamptz,
  provider_message_id text,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX channel_outbox_due ON channel_outbox(next_attempt_at, position) WHERE status = 'pending';
CREATE INDEX channel_outbox_conversation ON channel_outbox(conversation_id, position) WHERE status = 'pending';
CREATE INDEX channel_outbox_done ON channel_outbox(created_at) WHERE status <> 'pending';
CREATE UNIQUE INDEX channel_outbox_provider_message ON channel_outbox(channel_id, provider_message_id) WHERE provider_message_id IS NOT NULL;

-- How far an agent's message to a channel got: pending (in our outbox), sent (the API took it),
-- delivered, read, failed (with why). Null for messages that go nowhere else (web chat).
ALTER TABLE messages ADD COLUMN delivery_status text CHECK (delivery_status IN ('pending', 'sent', 'delivered', 'read', 'failed'));
ALTER TABLE messages ADD COLUMN delivery_error text;

CREATE FUNCTION channel_message_pending() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM conversations c WHERE c.id = NEW.conversation_id AND c.channel_id IS NOT NULL) THEN
    NEW.delivery_status := 'pending';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER messages_channel_pending BEFORE INSERT ON messages
  FOR EACH ROW WHEN (NEW.author_kind = 'agent') EXECUTE FUNCTION channel_message_pending();

CREATE FUNCTION channel_message_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO channel_outbox (channel_id, conversation_id, message_id, recipient)
  SELECT c.channel_id, c.id, NEW.id, c.channel_identity FROM conversations c
  WHERE c.id = NEW.conversation_id AND c.channel_id IS NOT NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER messages_channel_outbox AFTER INSERT ON messages
  FOR EACH ROW WHEN (NEW.author_kind = 'agent' AND NEW.delivery_status IS NOT NULL) EXECUTE FUNCTION channel_message_outbox();

-- Ending a channel conversation sends the channel's closing message, if it has one.
CREATE FUNCTION channel_conversation_closing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO channel_outbox (channel_id, conversation_id, text, recipient)
  SELECT ch.id, NEW.id, ch.closing_message, NEW.channel_identity FROM channels ch
  WHERE ch.id = NEW.channel_id AND ch.closing_message IS NOT NULL AND ch.closing_message <> '';
  RETURN NULL;
END $$;
CREATE TRIGGER conversations_channel_closing AFTER UPDATE OF state ON conversations
  FOR EACH ROW WHEN (NEW.channel_id IS NOT NULL AND NEW.state = 'ended' AND OLD.state <> 'ended')
  EXECUTE FUNCTION channel_conversation_closing();
`,
} satisfies Migration;
