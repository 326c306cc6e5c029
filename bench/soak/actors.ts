import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoginResponse } from '../../src/contract/auth';
import type { ConversationList } from '../../src/contract/conversations';
import type { Message, MessagePage, SendMessageResponseSchema } from '../../src/contract/messages';
import type { StartChatResponse } from '../../src/contract/webchat';
import type { z } from 'zod';
import { GaveUp, request, requestOk } from './http';
import type { Balancer } from './instances';
import type { Ledger } from './ledger';
import { SoakSocket } from './realtime';

/** A customer's last message says so; their agent then ends the chat. */
export const GOODBYE = '[bye]';
/** Conversations an agent holds at once before it stops picking. */
const AGENT_HOLDS = 4;

/** What every actor shares. */
export interface SoakContext {
  balancer: Balancer;
  ledger: Ledger;
  /** Every realtime client the soak opened; the checks look at each. */
  sockets: SoakSocket[];
  /** Conversations started by the soak's customers (agents pick only these, not the demo's). */
  conversations: Set<string>;
  queueId: string;
  password: string;
  customerPauseMs: number;
  messagesPerCustomer: number;
  stopping: boolean;
}

type SendResponse = z.infer<typeof SendMessageResponseSchema>;

/**
 * Sends one message as a client does: one client id, reused on every retry until a final answer.
 * Returns false when the message was refused (4xx) or the client gave up.
 */
async function sendTracked(ctx: SoakContext, author: string, conversationId: string, path: string, token: string, text: string): Promise<boolean> {
  const clientMessageId = randomUUID();
  const entry = ctx.ledger.begin(clientMessageId, author, conversationId);
  try {
    const res = await request(ctx.balancer, 'POST', path, { token, body: { clientMessageId, text } });
    if (res.status === 200 || res.status === 201) {
      ctx.ledger.acknowledge(entry, (res.body as SendResponse).message);
      return true;
    }
    ctx.ledger.refuse(entry, res.status, res.body);
    return false;
  } catch (err) {
    if (!(err instanceof GaveUp)) throw err;
    ctx.ledger.giveUp(entry);
    return false;
  }
}

/** Every message of a conversation over HTTP, page by page (newest page first). */
async function fetchAllMessages(ctx: SoakContext, path: string, token: string): Promise<Message[]> {
  const all: Message[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await requestOk<MessagePage>(ctx.balancer, 'GET', `${path}?limit=200${before ? `&before=${before}` : ''}`, { token });
    all.push(...page.messages);
    if (!page.hasMore || page.messages.length === 0) return all;
    before = Math.min(...page.messages.map((m) => m.seq));
  }
}

const jitter = (mean: number) => mean * (0.5 + Math.random());

/**
 * One web-chat visitor: starts a chat (the first message), keeps the page's socket, sends the
 * rest of their messages one after another, says goodbye, and leaves once the agent has ended
 * the chat (or the soak stops).
 */
export async function runCustomer(ctx: SoakContext, number: number): Promise<void> {
  const author = `customer ${number}`;
  const clientMessageId = randomUUID();
  const entry = ctx.ledger.begin(clientMessageId, author, null);
  const text = (i: number) => `${author}, message ${i}${i === ctx.messagesPerCustomer ? ` ${GOODBYE}` : ''}`;
  let started: StartChatResponse;
  try {
    const res = await request(ctx.balancer, 'POST', '/api/webchat/conversations', {
      body: { queueId: ctx.queueId, name: `Soak Customer ${number}`, email: `soak-${number}@example.com`, text: text(1), clientMessageId },
    });
    if (res.status !== 201) return ctx.ledger.refuse(entry, res.status, res.body);
    started = res.body as StartChatResponse;
  } catch (err) {
    if (!(err instanceof GaveUp)) throw err;
    return ctx.ledger.giveUp(entry);
  }
  ctx.ledger.acknowledge(entry, started.message);
  const conversationId = started.conversation.id;
  ctx.conversations.add(conversationId);

  const token = started.customerToken;
  const socket = new SoakSocket(author, ctx.balancer, { customerToken: token }, () => fetchAllMessages(ctx, '/api/webchat/messages', token));
  socket.ownConversation = conversationId;
  let ended = false;
  socket.onEvent = (frame) => {
    if (frame.kind === 'customer-event' && frame.event.type === 'conversation.updated' && frame.event.conversation.state === 'ended') ended = true;
  };
  ctx.sockets.push(socket);
  socket.start();

  for (let i = 2; i <= ctx.messagesPerCustomer && !ctx.stopping; i++) {
    await sleep(jitter(ctx.customerPauseMs));
    if (!(await sendTracked(ctx, author, conversationId, '/api/webchat/messages', token, text(i)))) break;
  }
  while (!ended && !ctx.stopping) await sleep(200);
  if (ended) socket.close();
}

/**
 * A demo agent with several devices: every device holds a socket (and is checked); the first one
 * works the picklist, answers customers and ends the chats whose customer said goodbye.
 */
export class Agent {
  private token = '';
  private desk!: SoakSocket;
  private readonly held = new Set<string>();
  private readonly tasks: Promise<void>[] = [];

  constructor(
    private readonly ctx: SoakContext,
    readonly username: string,
    private readonly devices: number,
  ) {}

  /** Logs in every device and opens its socket. */
  async connect(): Promise<SoakSocket[]> {
    const sockets: SoakSocket[] = [];
    for (let d = 0; d < this.devices; d++) {
      const { token } = await requestOk<LoginResponse>(this.ctx.balancer, 'POST', '/api/auth/login', {
        body: { username: this.username, password: this.ctx.password },
      });
      if (d === 0) this.token = token;
      const socket: SoakSocket = new SoakSocket(`agent ${this.username} device ${d + 1}`, this.ctx.balancer, { token }, (): Promise<Message[]> => this.refetch(token, socket));
      sockets.push(socket);
      this.ctx.sockets.push(socket);
      socket.start();
    }
    this.desk = sockets[0]!;
    return sockets;
  }

  /** Works until the soak stops, then lets every reply in flight finish. */
  async work(): Promise<void> {
    while (!this.ctx.stopping) {
      await sleep(jitter(500));
      if (this.held.size < AGENT_HOLDS) await this.pickOne();
    }
    await Promise.all(this.tasks);
  }

  private async pickOne(): Promise<void> {
    const res = await request(this.ctx.balancer, 'GET', '/api/conversations?view=picklist', { token: this.token }).catch(() => null);
    if (res?.status !== 200) return;
    const waiting = (res.body as ConversationList).conversations.filter((c) => this.ctx.conversations.has(c.id) && !this.held.has(c.id));
    const choice = waiting[Math.floor(Math.random() * waiting.length)];
    if (!choice) return;
    const picked = await request(this.ctx.balancer, 'POST', `/api/conversations/${choice.id}/pick`, { token: this.token }).catch(() => null);
    // 409: another agent won the race; that is the product working.
    if (picked?.status !== 200) return;
    this.held.add(choice.id);
    this.tasks.push(this.handle(choice.id));
  }

  /** Answers each batch of new customer messages with one reply; ends the chat after goodbye. */
  private async handle(conversationId: string): Promise<void> {
    const author = `agent ${this.username}`;
    let answeredUpTo = 0;
    while (!this.ctx.stopping) {
      const view = this.desk.views.get(conversationId);
      const fresh = [...(view?.messages.values() ?? [])].filter((m) => m.authorKind === 'customer' && m.seq > answeredUpTo);
      if (fresh.length === 0) {
        await sleep(150);
        continue;
      }
      answeredUpTo = Math.max(...fresh.map((m) => m.seq));
      const path = `/api/conversations/${conversationId}/messages`;
      if (!(await sendTracked(this.ctx, author, conversationId, path, this.token, `${author} answers up to #${answeredUpTo}`))) break;
      if (fresh.some((m) => m.text.includes(GOODBYE))) {
        await request(this.ctx.balancer, 'POST', `/api/conversations/${conversationId}/end`, { token: this.token }).catch(() => null);
        break;
      }
    }
    this.held.delete(conversationId);
  }

  /**
   * What a panel refetches: every conversation this device shows (from its events, the
   * picklist, its own and those the soak started), each with all its messages.
   */
  private async refetch(token: string, socket: SoakSocket): Promise<Message[]> {
    const ids = new Set([...socket.views.keys(), ...this.ctx.conversations]);
    for (const view of ['picklist', 'mine'] as const) {
      const list = await requestOk<ConversationList>(this.ctx.balancer, 'GET', `/api/conversations?view=${view}`, { token });
      for (const c of list.conversations) ids.add(c.id);
    }
    const messages: Message[] = [];
    for (const id of ids) messages.push(...(await fetchAllMessages(this.ctx, `/api/conversations/${id}/messages`, token)));
    return messages;
  }
}
