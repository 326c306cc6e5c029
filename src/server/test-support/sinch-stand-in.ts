import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A stand-in for the Conversation API on loopback, for tests and local demos: a test double of an
 * external service (never of our own server). It follows the documented shapes: the OAuth2 token
 * endpoint (client credentials, HTTP Basic), `messages:send` and `events:send` under
 * /v1/projects/{project}/, contacts by id, and it signs the callbacks it sends the way the
 * Conversation API does (x-sinch-webhook-signature: base64 HMAC-SHA256 of `${body}.${nonce}.${timestamp}`
 * under the webhook secret). It also serves media files for inbound media messages.
 */

export interface StandInCredentials {
  projectId: string;
  appId: string;
  keyId: string;
  keySecret: string;
  webhookSecret: string;
}

/** A `messages:send` request the stand-in accepted (answered 200 with a message id). */
export interface AcceptedSend {
  messageId: string;
  body: {
    app_id: string;
    recipient: { identified_by?: { channel_identities: { channel: string; identity: string }[] }; contact_id?: string };
    message: { text_message?: { text: string }; media_message?: { url: string; filename_override?: string } };
    message_metadata?: string;
    channel_priority_order?: string[];
  };
}

/** An `events:send` request the stand-in accepted: one app event (composing, read receipt…) to one recipient. */
export interface SentEvent {
  body: {
    app_id: string;
    recipient: { identified_by?: { channel_identities: { channel: string; identity: string }[] }; contact_id?: string };
    event: Record<string, unknown>;
    channel_priority_order?: string[];
  };
}

/** The app events `events:send` takes, as the Conversation API documents them; a request names exactly one. */
const APP_EVENTS = ['composing_event', 'composing_end_event', 'read_message_event', 'comment_reply_event', 'agent_joined_event', 'agent_left_event', 'generic_event'];

export class SinchStandIn {
  /** Every `messages:send` request, accepted or failed. */
  readonly sendAttempts: AcceptedSend['body'][] = [];
  readonly accepted: AcceptedSend[] = [];
  readonly events: SentEvent[] = [];
  /** Contacts' display names by contact id (WhatsApp profile names). */
  readonly contacts = new Map<string, string>();
  /** How many of the next `messages:send` requests fail with 503. */
  failNextSends = 0;
  /** Answer the next send with this status and error (a permanent refusal); once. */
  refuseNextSend: { status: number; message: string } | null = null;
  private readonly media = new Map<string, { type: string; bytes: Buffer; status?: number }>();
  private readonly waiters = new Set<() => void>();
  private tokens = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly credentials: StandInCredentials,
  ) {}

  /** Listens on `port` of loopback (0: any free one). */
  static async start(credentials: Partial<StandInCredentials> = {}, port = 0): Promise<SinchStandIn> {
    const creds: StandInCredentials = {
      projectId: credentials.projectId ?? 'project-1',
      appId: credentials.appId ?? '01APPSTANDIN0000000000000',
      keyId: credentials.keyId ?? 'key-id-1',
      keySecret: credentials.keySecret ?? 'key-secret-standin',
      webhookSecret: credentials.webhookSecret ?? 'webhook-secret-standin',
    };
    let standIn: SinchStandIn | null = null;
    const server = createServer((req, res) => {
      void standIn!.handle(req, res).catch((err: unknown) => {
        res.writeHead(500).end(String(err));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    const address = server.address() as AddressInfo;
    standIn = new SinchStandIn(server, `http://127.0.0.1:${address.port}`, creds);
    return standIn;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Serves `bytes` at a URL of this stand-in (as a channel's media host would), or answers `status`. */
  serveMedia(name: string, type: string, bytes: Buffer, status?: number): string {
    this.media.set(name, { type, bytes, status });
    return `${this.url}/media/${encodeURIComponent(name)}`;
  }

  /** Resolves once `check` holds, re-checked after every request the stand-in handles. */
  async until<T>(check: () => T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
    const first = check();
    if (first) return first;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error('The stand-in did not see what the test waited for'));
      }, timeoutMs);
      const waiter = () => {
        const value = check();
        if (value) {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(value);
        }
      };
      this.waiters.add(waiter);
    });
  }

  private notify() {
    for (const w of [...this.waiters]) w();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      this.notify();
    };
    const projectPath = `/v1/projects/${this.credentials.projectId}`;

    if (req.method === 'GET' && url.pathname.startsWith('/media/')) {
      const file = this.media.get(decodeURIComponent(url.pathname.slice('/media/'.length)));
      if (!file || file.status) return void res.writeHead(file?.status ?? 404).end();
      return void res.writeHead(200, { 'content-type': file.type, 'content-length': file.bytes.length }).end(file.bytes);
    }
    if (req.method === 'POST' && url.pathname === '/oauth2/token') {
      const expected = `Basic ${Buffer.from(`${this.credentials.keyId}:${this.credentials.keySecret}`).toString('base64')}`;
      if (req.headers.authorization !== expected || !raw.includes('grant_type=client_credentials')) return json(401, { error: 'invalid_client' });
      this.tokens += 1;
      // A JWT-shaped token, so the client reads its expiry.
      const payload = Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600, n: this.tokens })).toString('base64url');
      return json(200, { access_token: `eyJhbGciOiJub25lIn0.${payload}.sig`, expires_in: 3600, scope: '', token_type: 'bearer' });
    }
    if (!url.pathname.startsWith(projectPath)) return json(404, { error: { code: 404, message: 'Unknown project', status: 'NOT_FOUND' } });
    if (!req.headers.authorization?.startsWith('Bearer eyJ')) return json(401, { error: { code: 401, message: 'Unauthenticated', status: 'UNAUTHENTICATED' } });
    const rest = url.pathname.slice(projectPath.length);

    if (req.method === 'POST' && rest === '/messages:send') {
      const body = JSON.parse(raw) as AcceptedSend['body'];
      this.sendAttempts.push(body);
      if (this.failNextSends > 0) {
        this.failNextSends -= 1;
        return json(503, { error: { code: 503, message: 'The service is unavailable', status: 'UNAVAILABLE' } });
      }
      if (this.refuseNextSend) {
        const { status, message } = this.refuseNextSend;
        this.refuseNextSend = null;
        return json(status, { error: { code: status, message, status: 'INVALID_ARGUMENT' } });
      }
      if (body.app_id !== this.credentials.appId || !body.recipient || !body.message) {
        return json(400, { error: { code: 400, message: 'app_id, recipient and message are required', status: 'INVALID_ARGUMENT' } });
      }
      const messageId = `01STANDIN${randomBytes(8).toString('hex').toUpperCase()}`;
      this.accepted.push({ messageId, body });
      return json(200, { accepted_time: new Date().toISOString(), message_id: messageId });
    }
    if (req.method === 'POST' && rest === '/events:send') {
      const body = JSON.parse(raw) as SentEvent['body'];
      const kinds = Object.keys(body.event ?? {});
      if (body.app_id !== this.credentials.appId || !body.recipient || kinds.length !== 1 || !APP_EVENTS.includes(kinds[0]!)) {
        return json(400, { error: { code: 400, message: 'app_id, recipient and exactly one app event are required', status: 'INVALID_ARGUMENT' } });
      }
      this.events.push({ body });
      return json(200, { accepted_time: new Date().toISOString(), event_id: randomUUID() });
    }
    const contact = /^\/contacts\/([^/]+)$/.exec(rest);
    if (req.method === 'GET' && contact) {
      const id = decodeURIComponent(contact[1]!);
      const name = this.contacts.get(id);
      if (name === undefined) return json(404, { error: { code: 404, message: 'Contact not found', status: 'NOT_FOUND' } });
      return json(200, { id, display_name: name, channel_identities: [], channel_priority: [], metadata: '', language: 'EN_US' });
    }
    return json(404, { error: { code: 404, message: 'Not found', status: 'NOT_FOUND' } });
  }

  // ---- Callbacks, as the Conversation API sends them ----

  /** Signs a callback body with the webhook secret, as the Conversation API does. */
  sign(body: string, opts: { nonce?: string; timestamp?: number; secret?: string } = {}): Record<string, string> {
    const nonce = opts.nonce ?? randomUUID();
    const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const signature = createHmac('sha256', opts.secret ?? this.credentials.webhookSecret).update(`${body}.${nonce}.${timestamp}`).digest('base64');
    return {
      'content-type': 'application/json',
      'x-sinch-webhook-signature-nonce': nonce,
      'x-sinch-webhook-signature-timestamp': timestamp,
      'x-sinch-webhook-signature-algorithm': 'HmacSHA256',
      'x-sinch-webhook-signature': signature,
    };
  }

  /** POSTs a signed callback to a webhook URL; the answer's status and body. */
  async deliver(webhookUrl: string, body: object | string, signOpts: Parameters<SinchStandIn['sign']>[1] = {}): Promise<{ status: number; body: string }> {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const res = await fetch(webhookUrl, { method: 'POST', headers: this.sign(text, signOpts), body: text });
    return { status: res.status, body: await res.text() };
  }

  private base() {
    const now = new Date().toISOString();
    return { app_id: this.credentials.appId, accepted_time: now, event_time: now, project_id: this.credentials.projectId };
  }

  /** A MESSAGE_INBOUND callback: a contact wrote text or sent media on a channel. */
  inbound(opts: {
    channel: string;
    identity: string;
    text?: string;
    mediaUrl?: string;
    messageId?: string;
    contactId?: string;
  }): { body: Record<string, unknown>; messageId: string } {
    const messageId = opts.messageId ?? `01MO${randomBytes(10).toString('hex').toUpperCase()}`;
    const contact_message = opts.mediaUrl !== undefined ? { media_message: { url: opts.mediaUrl } } : { text_message: { text: opts.text ?? '' } };
    return {
      messageId,
      body: {
        ...this.base(),
        message: {
          id: messageId,
          direction: 'TO_APP',
          contact_message,
          channel_identity: { channel: opts.channel, identity: opts.identity, app_id: '' },
          conversation_id: `01CONV${opts.identity.replace(/\D/g, '')}`,
          contact_id: opts.contactId ?? `01CONTACT${opts.identity.replace(/\D/g, '')}`,
          metadata: '',
          accept_time: new Date().toISOString(),
          sender_id: '',
          processing_mode: 'CONVERSATION',
          injected: false,
        },
        message_metadata: '',
        correlation_id: '',
      },
    };
  }

  /** A MESSAGE_DELIVERY callback for a message the stand-in accepted. */
  deliveryReport(sent: AcceptedSend, status: 'QUEUED_ON_CHANNEL' | 'DELIVERED' | 'READ' | 'FAILED', reason?: { code: string; description: string }) {
    const identity = sent.body.recipient.identified_by?.channel_identities[0];
    return {
      ...this.base(),
      message_delivery_report: {
        message_id: sent.messageId,
        conversation_id: 'CONVERSATION',
        status,
        channel_identity: identity ? { ...identity, app_id: '' } : undefined,
        contact_id: 'CONTACT',
        ...(reason && { reason: { ...reason, sub_code: 'UNSPECIFIED_SUB_CODE' } }),
        metadata: sent.body.message_metadata ?? '',
        processing_mode: 'CONVERSATION',
      },
      message_metadata: sent.body.message_metadata ?? '',
      correlation_id: '',
    };
  }
}
