import { isIP } from 'node:net';
import webpush from 'web-push';

/** The workspace's VAPID key pair (URL-safe base64), stored in push_state. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** How a push service answered: accepted, gone for good (the device is removed), or failed for now. */
export type PushOutcome = { kind: 'delivered' } | { kind: 'gone'; status: number } | { kind: 'failed'; status: number | null; reason: string };

/** Sends one encrypted notification; the dispatcher's seam for tests that count requests. */
export type PushSend = (
  target: PushTarget,
  payload: string,
  opts: { topic: string; ttlSeconds: number; urgency: 'normal' | 'high'; signal?: AbortSignal },
) => Promise<PushOutcome>;

/** The contact push services may use to reach the operator (VAPID `sub`) when PUSH_SUBJECT is not set. */
export const DEFAULT_PUSH_SUBJECT = 'mailto:push@localhost';
/** A push service that does not answer within this long counts as failed; the next notification tries again. */
const SEND_TIMEOUT_MS = 10_000;

/** Host names that name no public push service. */
const PRIVATE_HOST = /(^|\.)(localhost|local|internal|lan|home\.arpa|localdomain)$/i;

/**
 * Why the server will not send to this endpoint, or null when it will. Push services are public
 * https hosts; an endpoint on a private address could make the server post to the operator's own
 * network (the body is encrypted, but the request itself is the problem). Tests, whose push
 * service is a local HTTP server, allow insecure endpoints.
 */
export function endpointProblem(endpoint: string, allowInsecure: boolean): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'The push service address is not a valid URL.';
  }
  if (allowInsecure && (url.protocol === 'http:' || url.protocol === 'https:')) return null;
  if (url.protocol !== 'https:') return 'The push service address must be an https URL.';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 || !host.includes('.') || PRIVATE_HOST.test(host)) return 'The push service address must be on a public host.';
  return null;
}

/**
 * Sends through `web-push`, which signs the request with VAPID (RFC 8292) and encrypts the payload
 * to the device's keys (RFC 8291, aes128gcm); the request itself goes out with fetch, so the
 * server decides which endpoints it reaches and how long it waits.
 */
export function webPushSender(vapid: VapidKeys, subject: string, allowInsecure: boolean): PushSend {
  return async (target, payload, opts) => {
    const problem = endpointProblem(target.endpoint, allowInsecure);
    if (problem) return { kind: 'failed', status: null, reason: problem };
    let details: ReturnType<typeof webpush.generateRequestDetails>;
    try {
      details = webpush.generateRequestDetails({ endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } }, payload, {
        vapidDetails: { subject, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
        TTL: opts.ttlSeconds,
        urgency: opts.urgency,
        topic: opts.topic,
      });
    } catch (err) {
      // Keys the browser handed out that do not make a valid P-256 point or secret.
      return { kind: 'failed', status: null, reason: (err as Error).message };
    }
    const headers = Object.fromEntries(
      Object.entries(details.headers)
        .filter(([name]) => name.toLowerCase() !== 'content-length')
        .map(([name, value]) => [name, String(value)]),
    );
    try {
      const answer = await fetch(details.endpoint, {
        method: 'POST',
        headers,
        body: details.body ? new Uint8Array(details.body) : null,
        signal: opts.signal ? AbortSignal.any([opts.signal, AbortSignal.timeout(SEND_TIMEOUT_MS)]) : AbortSignal.timeout(SEND_TIMEOUT_MS),
        redirect: 'error',
      });
      await answer.arrayBuffer().catch(() => undefined);
      if (answer.ok) return { kind: 'delivered' };
      // 404 and 410: the subscription has expired or was withdrawn (RFC 8030 §7.3).
      if (answer.status === 404 || answer.status === 410) return { kind: 'gone', status: answer.status };
      return { kind: 'failed', status: answer.status, reason: `the push service answered ${answer.status}` };
    } catch (err) {
      return { kind: 'failed', status: null, reason: (err as Error).message };
    }
  };
}

/** A new VAPID key pair; the first server that starts stores one (vapid-keys.ts). */
export const generateVapidKeys = (): VapidKeys => webpush.generateVAPIDKeys();
