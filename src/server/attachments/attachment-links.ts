import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Attachment, AttachmentVariant } from '../../contract/attachments';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';

/*
 * Signed file links. Browsers cannot send a bearer token with <img src> or <video src>, and
 * customers have no cookie, so every Attachment carries links that authorise themselves: the
 * attachment id, the variant and an expiry, signed with HMAC-SHA256 under a random key kept in
 * the attachment's own row. Any server instance on the database can check them; the key never
 * leaves the server. Links are signed when they are read (message lists, conversations, and
 * again when a logged event is delivered), so they expire LINK_TTL_MS after the client last
 * fetched the message, at the earliest. The expiry is rounded up (LINK_ROUNDING_MS) so repeated
 * reads give the same URL and browsers can cache the bytes meanwhile.
 *
 * Why a short expiry rather than links bound to their viewer: the same signed message goes to
 * every viewer (one logged event is delivered to many sockets, and a customer has no session to
 * bind to), and a link must keep working inside <img src> without credentials. So a link stays a
 * bearer credential, and losing access works through the fetch: someone who may no longer view a
 * conversation (an agent taken off its queue or disabled) gets 404 instead of fresh links, and
 * those they hold stop working within LINK_TTL_MS + LINK_ROUNDING_MS. Viewers who keep access
 * get new links whenever they fetch; the web app refetches before its links expire. A customer
 * keeps access to their own chat's files for as long as their chat token works, ended or not.
 */

const LINK_TTL_MS = 15 * 60_000;
const LINK_ROUNDING_MS = 5 * 60_000;
/** How long a browser may reuse the bytes of a signed link without asking again (seconds). */
export const SIGNED_LINK_CACHE_SECONDS = LINK_ROUNDING_MS / 1000;

/** Expiry, in seconds since 1970, for links signed at `now`. */
export function linkExpiry(now = Date.now()): number {
  return (Math.ceil((now + LINK_TTL_MS) / LINK_ROUNDING_MS) * LINK_ROUNDING_MS) / 1000;
}

function signature(key: string, id: string, variant: AttachmentVariant, exp: number): string {
  return createHmac('sha256', key).update(`${id}\n${variant}\n${exp}`).digest('base64url');
}

const link = (key: string, id: string, variant: AttachmentVariant, exp: number) =>
  `/api/attachments/${id}?variant=${variant}&exp=${exp}&sig=${signature(key, id, variant, exp)}`;

export type SignedLinks = Pick<Attachment, 'url' | 'downloadUrl' | 'urlExpiresAt'>;

export function signLinks(id: string, urlKey: string, now = Date.now()): SignedLinks {
  const exp = linkExpiry(now);
  return {
    url: link(urlKey, id, 'display', exp),
    downloadUrl: link(urlKey, id, 'original', exp),
    urlExpiresAt: new Date(exp * 1000).toISOString(),
  };
}

/** `invalid` is answered like an unknown file (404); only a genuine but old link is `expired`. */
export function checkLink(
  urlKey: string,
  id: string,
  q: { variant: AttachmentVariant; exp: number; sig: string },
  now = Date.now(),
): 'ok' | 'invalid' | 'expired' {
  const expected = Buffer.from(signature(urlKey, id, q.variant, q.exp));
  const given = Buffer.from(q.sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return q.exp * 1000 < now ? 'expired' : 'ok';
}

type MessageLike = { attachments?: Attachment[] } | null | undefined;

/** Messages an event carries, directly or as a conversation's first and last message. */
function messagesOf(event: object): MessageLike[] {
  const e = event as { message?: MessageLike; conversation?: { firstMessage?: MessageLike; lastMessage?: MessageLike } };
  return [e.message, e.conversation?.firstMessage, e.conversation?.lastMessage];
}

/** The attachments inside events' messages (the objects themselves, to be re-signed in place). */
export function attachmentsIn(events: object[]): Attachment[] {
  return events.flatMap((e) => messagesOf(e).flatMap((m) => m?.attachments ?? []));
}

/** Re-signs in place the file links inside one logged event, with the keys stored beside it. */
export function signAttachmentsIn(event: object, keys: Record<string, string>, now = Date.now()): void {
  for (const a of attachmentsIn([event])) {
    const key = keys[a.id];
    if (key) Object.assign(a, signLinks(a.id, key, now));
  }
}

/** Re-signs the file links inside logged events, which were signed when the event was written. */
export async function refreshAttachmentLinks(db: Sql, events: object[], now = Date.now()): Promise<void> {
  const attachments = attachmentsIn(events);
  if (attachments.length === 0) return;
  const ids = [...new Set(attachments.map((a) => a.id))];
  const rows = await typed(db)
    .selectFrom('attachments')
    .select(['id', 'url_key'])
    .where('id', '=', (eb) => eb.fn.any(eb.val(ids)))
    .execute();
  const keys = new Map(rows.map((r) => [r.id, r.url_key]));
  for (const a of attachments) {
    const key = keys.get(a.id);
    if (key) Object.assign(a, signLinks(a.id, key, now));
  }
}
