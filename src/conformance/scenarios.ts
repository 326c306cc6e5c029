import type { ApiTarget } from './api-target';

/*
 * API scenarios both the server and the mocks must answer alike: each runs its requests on a
 * target and returns what was observed (statuses, error codes and the fields that matter, never
 * ids or times), which the tests compare with the expected observation on every target.
 */

type Json = Record<string, unknown> & { code?: string; fields?: Record<string, string> };
const json = (body: unknown) => body as Json;
const uuid = () => crypto.randomUUID();

async function login(t: ApiTarget, username: string): Promise<string> {
  const res = await t.call('POST', '/api/auth/login', { body: { username, password: t.password } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return json(res.body).token as string;
}

async function queueId(t: ApiTarget, name: string): Promise<string> {
  const res = await t.call('GET', '/api/webchat/queues');
  const queues = json(res.body).queues as { id: string; name: string }[];
  return queues.find((q) => q.name === name)!.id;
}

/** A new customer's chat in `queue`: its conversation id. */
async function startChat(t: ApiTarget, queue: string): Promise<string> {
  const res = await t.call('POST', '/api/webchat/conversations', {
    body: { queueId: await queueId(t, queue), name: 'Conformance Customer', email: `c-${uuid()}@example.com`, text: 'Hello', clientMessageId: uuid() },
  });
  if (res.status !== 201) throw new Error(`start chat: ${res.status} ${JSON.stringify(res.body)}`);
  return (json(res.body).conversation as { id: string }).id;
}

const error = (res: { status: number; body: unknown }) => ({ status: res.status, code: json(res.body).code });
const ids = (res: { body: unknown }) => (json(res.body).conversations as { id: string }[]).map((c) => c.id);
const state = (res: { status: number; body: unknown }) => ({ status: res.status, state: (json(res.body).conversation as { state?: string } | undefined)?.state });

export interface Scenario {
  name: string;
  run(t: ApiTarget): Promise<unknown>;
  expected: unknown;
}

export const scenarios: Scenario[] = [
  {
    name: 'login, session and logout',
    async run(t) {
      const wrong = await t.call('POST', '/api/auth/login', { body: { username: 'anna', password: 'not-the-password' } });
      const token = await login(t, 'anna');
      const me = await t.call('GET', '/api/auth/me', { token });
      const logout = await t.call('POST', '/api/auth/logout', { token });
      const after = await t.call('GET', '/api/auth/me', { token });
      const user = json(me.body).user as { username: string; role: string };
      return { wrong: error(wrong), me: { status: me.status, username: user.username, role: user.role }, logout: logout.status, after: error(after) };
    },
    expected: {
      wrong: { status: 401, code: 'invalid_credentials' },
      me: { status: 200, username: 'anna', role: 'agent' },
      logout: 200,
      after: { status: 401, code: 'unauthenticated' },
    },
  },
  {
    name: 'list views: who sees a new Sales chat in their picklist',
    async run(t) {
      const id = await startChat(t, 'Sales');
      const [anna, ben, sara] = await Promise.all(['anna', 'ben', 'sara'].map((u) => login(t, u)));
      const has = async (token: string, view: string) => ids(await t.call('GET', `/api/conversations?view=${view}&limit=100`, { token })).includes(id);
      return { anna: await has(anna!, 'picklist'), ben: await has(ben!, 'picklist'), sara: await has(sara!, 'picklist'), benMine: await has(ben!, 'mine') };
    },
    expected: { anna: false, ben: true, sara: true, benMine: false },
  },
  {
    name: 'pick: the first agent wins, the second gets 409',
    async run(t) {
      const id = await startChat(t, 'Support');
      const [anna, ben] = [await login(t, 'anna'), await login(t, 'ben')];
      const won = await t.call('POST', `/api/conversations/${id}/pick`, { token: anna });
      const lost = await t.call('POST', `/api/conversations/${id}/pick`, { token: ben });
      const mine = ids(await t.call('GET', '/api/conversations?view=mine&limit=100', { token: anna })).includes(id);
      return { won: state(won), lost: error(lost), inMine: mine };
    },
    expected: { won: { status: 200, state: 'picked' }, lost: { status: 409, code: 'already_picked' }, inMine: true },
  },
  {
    name: 'send: anonymous, invalid and valid messages',
    async run(t) {
      const id = await startChat(t, 'Support');
      const anna = await login(t, 'anna');
      const anonymous = await t.call('POST', `/api/conversations/${id}/messages`, { body: { text: 'no id' } });
      const invalid = await t.call('POST', `/api/conversations/${id}/messages`, { token: anna, body: { text: 'no id' } });
      const notHolder = await t.call('POST', `/api/conversations/${id}/messages`, { token: anna, body: { text: 'Hi', clientMessageId: uuid() } });
      await t.call('POST', `/api/conversations/${id}/pick`, { token: anna });
      const sent = await t.call('POST', `/api/conversations/${id}/messages`, { token: anna, body: { text: 'Hi there', clientMessageId: uuid() } });
      const message = json(sent.body).message as { text: string; authorKind: string };
      return {
        anonymous: error(anonymous),
        invalid: { ...error(invalid), fields: Object.keys(json(invalid.body).fields ?? {}) },
        notHolder: error(notHolder),
        sent: { status: sent.status, text: message.text, authorKind: message.authorKind },
      };
    },
    expected: {
      anonymous: { status: 401, code: 'unauthenticated' },
      invalid: { status: 400, code: 'invalid_request', fields: ['clientMessageId'] },
      notHolder: { status: 409, code: 'not_holder' },
      sent: { status: 201, text: 'Hi there', authorKind: 'agent' },
    },
  },
  {
    name: 'notes: an agent adds one, a retry returns it',
    async run(t) {
      const id = await startChat(t, 'Support');
      const anna = await login(t, 'anna');
      const body = { clientNoteId: uuid(), text: 'VIP customer' };
      const first = await t.call('POST', `/api/conversations/${id}/notes`, { token: anna, body });
      const retry = await t.call('POST', `/api/conversations/${id}/notes`, { token: anna, body });
      const list = json((await t.call('GET', `/api/conversations/${id}/notes`, { token: anna })).body).notes as { text: string }[];
      return { first: [first.status, json(first.body).created], retry: [retry.status, json(retry.body).created], texts: list.map((n) => n.text) };
    },
    expected: { first: [201, true], retry: [200, false], texts: ['VIP customer'] },
  },
  {
    name: 'transfer to a queue: it waits again there',
    async run(t) {
      const id = await startChat(t, 'Support');
      const [anna, ben] = [await login(t, 'anna'), await login(t, 'ben')];
      await t.call('POST', `/api/conversations/${id}/pick`, { token: anna });
      const moved = await t.call('POST', `/api/conversations/${id}/transfer`, { token: anna, body: { target: { kind: 'queue', queueId: await queueId(t, 'Sales') } } });
      const conversation = json(moved.body).conversation as { state: string; queue: { name: string }; agent: unknown };
      const inBens = ids(await t.call('GET', '/api/conversations?view=picklist&limit=100', { token: ben })).includes(id);
      return { status: moved.status, state: conversation.state, queue: conversation.queue.name, agent: conversation.agent, inBens };
    },
    expected: { status: 200, state: 'queued', queue: 'Sales', agent: null, inBens: true },
  },
  {
    name: 'end, end again, and history',
    async run(t) {
      const id = await startChat(t, 'Support');
      const anna = await login(t, 'anna');
      await t.call('POST', `/api/conversations/${id}/pick`, { token: anna });
      const ended = await t.call('POST', `/api/conversations/${id}/end`, { token: anna });
      const again = await t.call('POST', `/api/conversations/${id}/end`, { token: anna });
      const handled = ids(await t.call('GET', '/api/conversations/handled', { token: anna })).includes(id);
      return { ended: state(ended), again: error(again), handled };
    },
    expected: { ended: { status: 200, state: 'ended' }, again: { status: 409, code: 'conversation_ended' }, handled: true },
  },
  {
    name: 'forbidden: a supervisor may not pick; an agent may not see an unserved queue',
    async run(t) {
      const id = await startChat(t, 'Sales');
      const [sara, anna] = [await login(t, 'sara'), await login(t, 'anna')];
      return {
        supervisorPick: error(await t.call('POST', `/api/conversations/${id}/pick`, { token: sara })),
        agentView: error(await t.call('GET', `/api/conversations/${id}`, { token: anna })),
        adminOnly: error(await t.call('GET', '/api/admin/users', { token: anna })),
      };
    },
    expected: {
      supervisorPick: { status: 403, code: 'forbidden' },
      agentView: { status: 404, code: 'not_found' },
      adminOnly: { status: 403, code: 'forbidden' },
    },
  },
  {
    name: 'validation: a bad query names its field',
    async run(t) {
      const anna = await login(t, 'anna');
      const res = await t.call('GET', '/api/conversations?view=everything', { token: anna });
      return { ...error(res), fields: Object.keys(json(res.body).fields ?? {}) };
    },
    expected: { status: 400, code: 'invalid_request', fields: ['view'] },
  },
];
