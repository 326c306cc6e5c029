import { ConversationService, RequestFailedError } from '@sinch/sdk-core';
import type { RuntimeChannel } from './channel-store';

/*
 * The Conversation API through the official client (@sinch/sdk-core). One client per channel
 * and configuration, kept so its OAuth token is reused. The API's addresses can be pointed
 * elsewhere (SINCH_CONVERSATION_URL, SINCH_AUTH_URL): tests and local demos use a stand-in.
 */

export interface SinchEndpoints {
  /** Replaces https://{region}.conversation.api.sinch.com; null: the channel's region decides. */
  conversationUrl: string | null;
  /** Replaces https://auth.sinch.com. */
  authUrl: string | null;
}

export type SendPart = { text: string } | { mediaUrl: string; fileName: string };

/** A send the API refused or that could not reach it; `retry` says whether trying again may help. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

/** Longest wait for one API call; the outbox's lease is longer, so no other instance sends meanwhile. */
export const SEND_TIMEOUT_MS = 20_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new SendError('The Conversation API did not answer in time.', true)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function explain(err: unknown): SendError {
  if (err instanceof SendError) return err;
  if (err instanceof RequestFailedError) {
    const status = err.statusCode;
    let detail = '';
    try {
      const data = typeof err.data === 'string' ? (JSON.parse(err.data) as { error?: { message?: string } }) : (err.data as { error?: { message?: string } } | undefined);
      detail = data?.error?.message ?? '';
    } catch {
      detail = '';
    }
    const retry = status >= 500 || status === 429 || status === 408 || status === 0;
    return new SendError(detail ? `The channel refused the message: ${detail} (HTTP ${status}).` : `The Conversation API answered HTTP ${status}.`, retry);
  }
  return new SendError(`The Conversation API could not be reached: ${(err as Error)?.message ?? String(err)}`, true);
}

export class SinchApi {
  private readonly clients = new Map<string, { version: string; service: ConversationService }>();

  constructor(private readonly endpoints: SinchEndpoints) {}

  private client(channel: RuntimeChannel): ConversationService {
    const version = `${channel.updatedAt}|${channel.keyId}|${channel.region}`;
    const cached = this.clients.get(channel.id);
    if (cached && cached.version === version) return cached.service;
    const service = new ConversationService({
      projectId: channel.projectId,
      keyId: channel.keyId,
      keySecret: channel.keySecret,
      conversationRegion: channel.region,
      ...(this.endpoints.conversationUrl && { conversationHostname: this.endpoints.conversationUrl }),
      ...(this.endpoints.authUrl && { authHostname: this.endpoints.authUrl }),
    });
    this.clients.set(channel.id, { version, service });
    return service;
  }

  /** Sends one part to the recipient on the given channel; the API's message id. */
  async send(channel: RuntimeChannel, recipient: { channel: string; identity: string }, part: SendPart, metadata: string): Promise<string> {
    const base = {
      app_id: channel.appId,
      recipient: { identified_by: { channel_identities: [{ channel: recipient.channel, identity: recipient.identity }] } },
      message_metadata: metadata,
      // The channel the customer wrote on, and no other (no fallback to another channel).
      channel_priority_order: [recipient.channel],
    };
    try {
      const messages = this.client(channel).messages;
      const response = await withTimeout(
        'text' in part
          ? messages.sendTextMessage({ sendMessageRequestBody: { ...base, message: { text_message: { text: part.text } } } })
          : messages.sendMediaMessage({ sendMessageRequestBody: { ...base, message: { media_message: { url: part.mediaUrl, filename_override: part.fileName } } } }),
        SEND_TIMEOUT_MS,
      );
      if (!response.message_id) throw new SendError('The Conversation API accepted the message without an id.', true);
      return response.message_id;
    } catch (err) {
      throw explain(err);
    }
  }

  /** Shows the customer that the agent is typing (best effort: nothing is retried). */
  async composing(channel: RuntimeChannel, recipient: { channel: string; identity: string }, typing: boolean): Promise<void> {
    const body = {
      app_id: channel.appId,
      recipient: { identified_by: { channel_identities: [{ channel: recipient.channel, identity: recipient.identity }] } },
    };
    const events = this.client(channel).events;
    await withTimeout(
      typing
        ? events.sendComposingEvent({ sendEventRequestBody: { ...body, event: { composing_event: {} } } })
        : events.sendComposingEndEvent({ sendEventRequestBody: { ...body, event: { composing_end_event: {} } } }),
      SEND_TIMEOUT_MS,
    );
  }

  /**
   * Tells the customer that their messages were read: `events:send` with a `read_message_event`,
   * which the Conversation API documents for WhatsApp (the event has no fields; it marks the
   * contact's inbound message read on that channel). Best effort, like typing: nothing is retried.
   */
  async markRead(channel: RuntimeChannel, recipient: { channel: string; identity: string }): Promise<void> {
    const events = this.client(channel).events;
    const body = {
      app_id: channel.appId,
      recipient: { identified_by: { channel_identities: [{ channel: recipient.channel, identity: recipient.identity }] } },
      // On the channel the customer wrote on, and no other.
      channel_priority_order: [recipient.channel],
      event: { read_message_event: {} },
    };
    // The pinned client (1.4.0) predates read_message_event in its types; the request is the same events:send.
    await withTimeout(events.send({ sendEventRequestBody: body } as unknown as Parameters<typeof events.send>[0]), SEND_TIMEOUT_MS);
  }

  /** The contact's display name (WhatsApp fills it with the customer's profile name); null when it has none. */
  async displayName(channel: RuntimeChannel, contactId: string): Promise<string | null> {
    const contact = await withTimeout(this.client(channel).contact.get({ contact_id: contactId }), 5000);
    return contact.display_name?.trim() || null;
  }
}
