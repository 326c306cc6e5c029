import { createECDH, createHmac, createPublicKey, createDecipheriv, hkdfSync, randomBytes, randomUUID, verify, type ECDH } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebPushSubscription } from '../../contract/devices';

/*
 * A push service for tests: a local HTTP server that takes Web Push requests the way a browser
 * vendor's service would, checks their VAPID signature (RFC 8292), and keeps them; and a pretend
 * browser subscription whose keys decrypt what was sent (RFC 8291, aes128gcm of RFC 8188).
 * Written from the RFCs so the server's use of web-push is checked by an independent reading.
 */

export interface ReceivedPush {
  /** The subscription's path on this service. */
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export class LocalPushService {
  readonly received: ReceivedPush[] = [];
  /** Status to answer per subscription path; 201 (created) otherwise. */
  private readonly statuses = new Map<string, number>();
  private readonly waiters = new Set<() => void>();

  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = this.statuses.get(path) ?? 201;
      res.end();
      for (const wake of this.waiters) wake();
    });
  });
  /** `http://127.0.0.1:<port>`, once started. */
  origin = '';

  static async start(): Promise<LocalPushService> {
    const service = new LocalPushService();
    await new Promise<void>((resolve) => service.server.listen(0, '127.0.0.1', resolve));
    service.origin = `http://127.0.0.1:${(service.server.address() as AddressInfo).port}`;
    return service;
  }

  /** A new browser subscription on this service. */
  subscribe(): BrowserSubscription {
    return new BrowserSubscription(`${this.origin}/push/${randomUUID()}`);
  }

  /** From now on, requests to this subscription get `status` (410: it is gone). */
  answer(subscription: BrowserSubscription, status: number): void {
    this.statuses.set(subscription.path, status);
  }

  /** What was sent to one subscription, in order. */
  to(subscription: BrowserSubscription): ReceivedPush[] {
    return this.received.filter((r) => r.path === subscription.path);
  }

  /** Resolves once `count` requests reached the subscription; fails after `timeoutMs`. */
  async waitFor(subscription: BrowserSubscription, count: number, timeoutMs = 5000): Promise<ReceivedPush[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.to(subscription).length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Expected ${count} push requests to ${subscription.path}, got ${this.to(subscription).length}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
    return this.to(subscription);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** What a browser keeps of its subscription: the endpoint, and the key pair and secret payloads are encrypted to. */
export class BrowserSubscription {
  private readonly ecdh: ECDH = createECDH('prime256v1');
  private readonly authSecret = randomBytes(16);
  readonly path: string;

  constructor(readonly endpoint: string) {
    this.ecdh.generateKeys();
    this.path = new URL(endpoint).pathname;
  }

  /** As `PushSubscription.toJSON()` gives it. */
  toJSON(): WebPushSubscription {
    return {
      endpoint: this.endpoint,
      expirationTime: null,
      keys: { p256dh: this.ecdh.getPublicKey().toString('base64url'), auth: this.authSecret.toString('base64url') },
    };
  }

  /** Decrypts an aes128gcm body (one record), as the browser would; throws when it does not authenticate. */
  decrypt(body: Buffer): string {
    const salt = body.subarray(0, 16);
    const recordSize = body.readUInt32BE(16);
    const idLength = body[20]!;
    const senderPublic = body.subarray(21, 21 + idLength);
    const record = body.subarray(21 + idLength);
    if (record.length > recordSize) throw new Error('More than one record: not what a notification should be');
    const receiverPublic = this.ecdh.getPublicKey();
    const shared = this.ecdh.computeSecret(senderPublic);
    // RFC 8291 §3.3: the input keying material mixes the ECDH secret with the auth secret and both public keys.
    const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), receiverPublic, senderPublic]);
    const ikm = Buffer.from(hkdfSync('sha256', shared, this.authSecret, keyInfo, 32));
    // RFC 8188 §2.2 and §2.3: content encryption key and nonce from the salt.
    const prk = createHmac('sha256', salt).update(ikm).digest();
    const expand = (info: string, length: number) =>
      createHmac('sha256', prk)
        .update(Buffer.concat([Buffer.from(info), Buffer.from([1])]))
        .digest()
        .subarray(0, length);
    const key = expand('Content-Encoding: aes128gcm\0', 16);
    const nonce = expand('Content-Encoding: nonce\0', 12);
    const decipher = createDecipheriv('aes-128-gcm', key, nonce);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    // The last record ends with the delimiter 2, then any zero padding.
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end--;
    if (padded[end] !== 2) throw new Error('The record does not end with the last-record delimiter');
    return padded.subarray(0, end).toString('utf8');
  }
}

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
}

/**
 * Checks a request's `Authorization: vapid t=<JWT>, k=<public key>` header: the key must be the
 * expected one and the JWT's ES256 signature must verify with it. Returns the JWT's claims.
 */
export function verifyVapid(authorization: string | undefined, expectedPublicKey: string): VapidClaims {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization ?? '');
  if (!match) throw new Error(`Not a VAPID authorization: ${authorization}`);
  const [, jwt, key] = match as unknown as [string, string, string];
  if (key !== expectedPublicKey) throw new Error('The request names another VAPID public key than the server published');
  const point = Buffer.from(key, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('The VAPID key is not an uncompressed P-256 point');
  const publicKey = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
    format: 'jwk',
  });
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  if (JSON.parse(Buffer.from(header, 'base64url').toString()).alg !== 'ES256') throw new Error('The JWT is not signed with ES256');
  const valid = verify('sha256', Buffer.from(`${header}.${payload}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
  if (!valid) throw new Error('The VAPID signature does not verify');
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as VapidClaims;
}
