import { ConversationCallbackWebhooks } from '@sinch/sdk-core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isUuid } from '../../contract/ids';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import { typed } from '../db/kysely';
import { ApiError } from '../http/api-error';
import type { SecretKeys } from './channel-secrets';
import { loadRuntimeChannel, webhookPath } from './channel-store';

/*
 * The callback URL of a channel (not part of the API contract: only the Conversation API calls
 * it). A callback is checked as the official SDK checks it (HMAC-SHA256 of body, nonce and
 * timestamp under the app's webhook secret), refused when stale or replayed, then stored once (by
 * its message id) and answered; the work follows on whichever instance claims the stored row, so
 * the answer is fast and nothing acknowledged is lost if this process dies right after.
 */

/** Older (or further in the future) signatures are refused: the window in which a nonce is remembered. */
export const SIGNATURE_MAX_AGE_SECONDS = 300;

const HEADER_SIGNATURE = 'x-sinch-webhook-signature';
const HEADER_TIMESTAMP = 'x-sinch-webhook-signature-timestamp';
const HEADER_NONCE = 'x-sinch-webhook-signature-nonce';

const refused = (message: string) => new ApiError(401, 'invalid_signature', message);

export interface StoredCallback {
  kind: 'message' | 'delivery';
  dedupeKey: string;
  identity: string | null;
}

/** What a callback is, for storing it once; null for callbacks the panel does not use. */
export function classifyCallback(body: unknown): StoredCallback | null {
  if (typeof body !== 'object' || body === null) throw new ApiError(400, 'invalid_request', 'The callback is not a JSON object.');
  const b = body as Record<string, unknown>;
  const message = b.message as { id?: unknown; channel_identity?: { channel?: unknown; identity?: unknown } } | undefined;
  if (message && typeof message === 'object') {
    const channel = message.channel_identity?.channel;
    const identity = message.channel_identity?.identity;
    if (typeof message.id !== 'string' || !message.id || typeof channel !== 'string' || typeof identity !== 'string' || !identity) {
      throw new ApiError(400, 'invalid_request', 'An inbound message callback needs message.id and message.channel_identity.');
    }
    return { kind: 'message', dedupeKey: `message:${message.id}`, identity: `${channel}:${identity}` };
  }
  const report = b.message_delivery_report as { message_id?: unknown; status?: unknown } | undefined;
  if (report && typeof report === 'object') {
    if (typeof report.message_id !== 'string' || typeof report.status !== 'string') {
      throw new ApiError(400, 'invalid_request', 'A delivery report needs message_id and status.');
    }
    return { kind: 'delivery', dedupeKey: `delivery:${report.message_id}:${report.status}`, identity: null };
  }
  return null;
}

export interface WebhookOptions {
  keys: SecretKeys;
  /** Called after a callback was stored, so this instance processes it at once. */
  onStored: () => void;
  now?: () => number;
}

export async function registerChannelWebhook(app: FastifyInstance, db: Database, opts: WebhookOptions) {
  const now = opts.now ?? Date.now;
  await app.register(async (scope) => {
    // The signature covers the body exactly as sent: keep it as text.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));

    scope.post(webhookPath(':id'), async (req, reply) => {
      const { id } = req.params as { id: string };
      if (!isUuid(id)) throw new ApiError(404, 'not_found', 'This channel was not found.');
      const raw = typeof req.body === 'string' ? req.body : '';
      const channel = await loadRuntimeChannel(db, opts.keys, id.toLowerCase());
      if (!channel) throw new ApiError(404, 'not_found', 'This channel was not found.');
      if (!channel.enabled) throw new ApiError(403, 'forbidden', 'This channel is disabled.');

      const { nonce, timestamp } = checkSignature(req, raw, channel.webhookSecret, now());
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        throw new ApiError(400, 'invalid_request', 'The callback is not valid JSON.');
      }
      const appId = (body as { app_id?: unknown } | null)?.app_id;
      if (appId !== undefined && appId !== channel.appId) throw new ApiError(400, 'invalid_request', 'This callback is for another Conversation API app.');
      const callback = classifyCallback(body);

      const stored = await db.transaction(async (tx) => {
        const fresh = await typed(tx)
          .insertInto('channel_webhook_nonces')
          .values({ channel_id: channel.id, nonce, seen_at: sql<Date>`to_timestamp(${timestamp})` })
          .onConflict((oc) => oc.doNothing())
          .returning('nonce')
          .executeTakeFirst();
        if (!fresh) throw refused('This callback was already received (its nonce was used).');
        if (!callback) return false;
        // Stored as received (JSON text): the worker reads what Sinch sent, once per message and kind.
        const inserted = await typed(tx)
          .insertInto('channel_inbox')
          .values({ channel_id: channel.id, dedupe_key: callback.dedupeKey, kind: callback.kind, identity: callback.identity, payload: raw })
          .onConflict((oc) => oc.columns(['channel_id', 'dedupe_key']).doNothing())
          .returning('id')
          .executeTakeFirst();
        return inserted !== undefined;
      });
      if (stored) opts.onStored();
      return reply.code(200).send({ ok: true, stored });
    });
  });
}

/** Checks the signature headers; answers 401 for missing, stale or wrong ones. */
function checkSignature(req: FastifyRequest, raw: string, secret: string, nowMs: number): { nonce: string; timestamp: number } {
  const signature = req.headers[HEADER_SIGNATURE];
  const nonce = req.headers[HEADER_NONCE];
  const stamp = req.headers[HEADER_TIMESTAMP];
  if (typeof signature !== 'string' || typeof nonce !== 'string' || typeof stamp !== 'string' || !signature || !nonce || nonce.length > 200) {
    throw refused('This callback is not signed.');
  }
  const timestamp = Number(stamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_MAX_AGE_SECONDS) {
    throw refused('This callback is too old (or its clock is wrong).');
  }
  // The official SDK's check: base64 HMAC-SHA256 of `${body}.${nonce}.${timestamp}`.
  const valid = new ConversationCallbackWebhooks(secret).validateAuthenticationHeader(req.headers, raw, req.url, 'POST');
  if (!valid) throw refused('The callback signature is wrong.');
  return { nonce, timestamp };
}
