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

/**
 * A staff panel's realtime socket, open as `token`'s user: `workspaceEvents` waits (a while at the
 * most) until `count` workspace events of the given types have come, and returns those that did.
 */
async function watchWorkspace(t: ApiTarget, token: string) {
  const socket = await t.openSocket();
  const events: Json[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  socket.addEventListener('message', ({ data }) => {
    const frame = JSON.parse(String(data)) as { kind: string; event?: Json };
    if (frame.kind === 'ready') ready();
    if (frame.kind === 'workspace-event') events.push(frame.event!);
  });
  socket.send(JSON.stringify({ type: 'hello', token }));
  await isReady;
  return {
    async workspaceEvents(types: string[], count: number): Promise<Json[]> {
      const wanted = () => events.filter((e) => types.includes(e.type as string));
      for (let waited = 0; wanted().length < count && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      return wanted();
    },
    close: () => socket.close(),
  };
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
    name: 'sessions: listed per device, one logged out, then all',
    async run(t) {
      const phone = await login(t, 'ben');
      const desk = await login(t, 'ben');
      const listed = async (token: string) => (json((await t.call('GET', '/api/sessions', { token })).body).sessions as { id: string; current: boolean }[]) ?? [];
      const seenFromDesk = await listed(desk);
      const current = seenFromDesk.filter((s) => s.current).length;
      const phoneId = (json((await t.call('POST', '/api/auth/refresh', { token: phone })).body).session as { id: string }).id;
      const annas = await t.call('DELETE', `/api/sessions/${phoneId}`, { token: await login(t, 'anna') });
      const ended = await t.call('DELETE', `/api/sessions/${phoneId}`, { token: desk });
      const phoneAfter = await t.call('GET', '/api/auth/me', { token: phone });
      const stillListed = (await listed(desk)).some((s) => s.id === phoneId);
      const everywhere = await t.call('POST', '/api/auth/logout-everywhere', { token: desk });
      const deskAfter = await t.call('GET', '/api/auth/me', { token: desk });
      return {
        listsPhone: seenFromDesk.some((s) => s.id === phoneId),
        current,
        annas: error(annas),
        ended: ended.status,
        phoneAfter: error(phoneAfter),
        stillListed,
        everywhere: everywhere.status,
        deskAfter: error(deskAfter),
      };
    },
    expected: {
      listsPhone: true,
      current: 1,
      annas: { status: 404, code: 'not_found' },
      ended: 200,
      phoneAfter: { status: 401, code: 'unauthenticated' },
      stillListed: false,
      everywhere: 200,
      deskAfter: { status: 401, code: 'unauthenticated' },
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
    name: 'search: a word finds the messages an agent may see, marked; text without words is a 400',
    async run(t) {
      // A word of its own per run: the targets keep their data between scenarios.
      const word = `quokka${uuid().slice(0, 8)}`;
      const say = async (queue: string) =>
        t.call('POST', '/api/webchat/conversations', {
          body: { queueId: await queueId(t, queue), name: 'Searched Customer', email: `c-${uuid()}@example.com`, text: `Where is my ${word} parcel?`, clientMessageId: uuid() },
        });
      await say('Support');
      await say('Sales');
      const anna = await login(t, 'anna');
      const found = json((await t.call('GET', `/api/search?q=${word.slice(0, 9)}`, { token: anna })).body);
      const messages = found.messages as { conversation: { queueName: string }; snippet: { text: string; match: boolean }[] }[];
      return {
        queues: messages.map((m) => m.conversation.queueName),
        snippet: messages[0]?.snippet.map((s) => ({ ...s, text: s.text.replace(word, 'WORD') })),
        noWords: error(await t.call('GET', '/api/search?q=%21%21', { token: anna })),
      };
    },
    expected: {
      queues: ['Support'],
      snippet: [
        { text: 'Where is my ', match: false },
        { text: 'WORD', match: true },
        { text: ' parcel?', match: false },
      ],
      noWords: { status: 400, code: 'invalid_search' },
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
  {
    name: 'path ids: a malformed one names nothing (404), text that cannot be stored is a 400, upper case names the same row',
    async run(t) {
      const id = await startChat(t, 'Support');
      const [sara, adam] = [await login(t, 'sara'), await login(t, 'adam')];
      const notFound = (res: { status: number; body: unknown }) => ({ ...error(res), message: json(res.body).message });
      const queue = { name: 'Q', address: 'q@example.com', routingMode: 'pick', agentIds: [] };
      const upper = await t.call('GET', `/api/conversations/${id.toUpperCase()}`, { token: sara });
      const nul = await t.call('GET', '/api/conversations/a%00b', { token: sara });
      return {
        conversation: notFound(await t.call('GET', '/api/conversations/not-a-uuid', { token: sara })),
        pick: notFound(await t.call('POST', `/api/conversations/${id}x/pick`, { token: sara })),
        file: notFound(await t.call('GET', '/api/attachments/1', { token: sara })),
        queue: notFound(await t.call('PUT', '/api/admin/queues/not-a-uuid', { token: adam, body: queue })),
        nul: { ...error(nul), fields: Object.keys(json(nul.body).fields ?? {}) },
        upper: { status: upper.status, sameId: (json(upper.body).conversation as { id?: string } | undefined)?.id === id },
      };
    },
    expected: {
      conversation: { status: 404, code: 'not_found', message: 'This conversation was not found.' },
      pick: { status: 404, code: 'not_found', message: 'This conversation was not found.' },
      file: { status: 404, code: 'not_found', message: 'This file was not found.' },
      queue: { status: 404, code: 'not_found', message: 'This queue was not found.' },
      nul: { status: 400, code: 'invalid_request', fields: ['id'] },
      upper: { status: 200, sameId: true },
    },
  },
  {
    name: 'canned responses: personal ones stay their owner’s, shared ones are for managers to change and for their queue’s agents to use',
    async run(t) {
      const [anna, ben, sara] = [await login(t, 'anna'), await login(t, 'ben'), await login(t, 'sara')];
      const sales = await queueId(t, 'Sales');
      const panel = await watchWorkspace(t, ben);
      try {
        const post = (token: string, body: Record<string, unknown>) => t.call('POST', '/api/canned-responses', { token, body });
        const listIds = async (token: string) => (json((await t.call('GET', '/api/canned-responses', { token })).body).responses as { id: string }[]).map((r) => r.id);
        const withFields = (res: { status: number; body: unknown }) => ({ ...error(res), fields: json(res.body).fields });

        const personalRes = await post(anna, { scope: 'personal', shortcut: 'Conformance-Mine', text: 'Hello {{customer.name}}' });
        const personal = json(personalRes.body).response as { id: string; scope: string; shortcut: string; queue: unknown; useCount: number };
        const bensChange = await t.call('PUT', `/api/canned-responses/${personal.id}`, { token: ben, body: { shortcut: 'x', text: 'x' } });
        const bensDelete = await t.call('DELETE', `/api/canned-responses/${personal.id}`, { token: ben });
        const agentShared = await post(anna, { scope: 'shared', shortcut: 'conformance-shared', text: 'For everyone' });
        const sharedRes = await post(sara, { scope: 'shared', shortcut: 'conformance-sales', text: 'Our sales team', queueId: sales });
        const shared = json(sharedRes.body).response as { id: string; queue: { name: string } };
        const seen = { anna: (await listIds(anna)).includes(shared.id), ben: (await listIds(ben)).includes(shared.id) };
        const annasChange = await t.call('PUT', `/api/canned-responses/${shared.id}`, { token: anna, body: { shortcut: 'x', text: 'x' } });
        const uses = [await t.call('POST', `/api/canned-responses/${shared.id}/uses`, { token: ben }), await t.call('POST', `/api/canned-responses/${shared.id}/uses`, { token: ben })];
        const annasUse = await t.call('POST', `/api/canned-responses/${shared.id}/uses`, { token: anna });
        const renamed = await t.call('PUT', `/api/canned-responses/${shared.id}`, { token: sara, body: { shortcut: 'conformance-sales', text: 'Our sales team, changed', queueId: sales } });
        const deleted = await t.call('DELETE', `/api/canned-responses/${shared.id}`, { token: sara });
        return {
          personal: { status: personalRes.status, scope: personal.scope, shortcut: personal.shortcut, queue: personal.queue, useCount: personal.useCount },
          bensList: (await listIds(ben)).includes(personal.id),
          bensChange: error(bensChange),
          bensDelete: error(bensDelete),
          agentShared: error(agentShared),
          shared: { status: sharedRes.status, queue: shared.queue.name },
          seen,
          annasChange: error(annasChange),
          annasUse: error(annasUse),
          uses: uses.map((u) => json(u.body).useCount),
          duplicate: withFields(await post(anna, { scope: 'personal', shortcut: 'conformance-mine', text: 'Again' })),
          sameShortcutOtherScope: (await post(ben, { scope: 'personal', shortcut: 'conformance-mine', text: 'Mine too' })).status,
          empty: withFields(await post(anna, { scope: 'personal', shortcut: 'conformance-empty', text: ' ' })),
          syntax: withFields(await post(anna, { scope: 'personal', shortcut: 'two words', text: 'x' })),
          personalQueue: withFields(await post(anna, { scope: 'personal', shortcut: 'conformance-queue', text: 'x', queueId: sales })),
          changed: renamed.status,
          deleted: deleted.status,
          announced: (await panel.workspaceEvents(['canned-responses.updated'], 3)).map((e) => e.type),
        };
      } finally {
        panel.close();
      }
    },
    expected: {
      personal: { status: 201, scope: 'personal', shortcut: 'conformance-mine', queue: null, useCount: 0 },
      bensList: false,
      bensChange: { status: 404, code: 'not_found' },
      bensDelete: { status: 404, code: 'not_found' },
      agentShared: { status: 403, code: 'forbidden' },
      shared: { status: 201, queue: 'Sales' },
      seen: { anna: false, ben: true },
      annasChange: { status: 404, code: 'not_found' },
      annasUse: { status: 404, code: 'not_found' },
      uses: [1, 2],
      duplicate: {
        status: 409,
        code: 'duplicate_shortcut',
        fields: { shortcut: 'You already have a response with the shortcut /conformance-mine. Choose another shortcut.' },
      },
      sameShortcutOtherScope: 201,
      empty: { status: 400, code: 'invalid_request', fields: { text: 'Enter the text to insert' } },
      syntax: {
        status: 400,
        code: 'invalid_request',
        fields: { shortcut: 'Use letters, digits, - and _ only, starting with a letter or digit (no spaces, no /)' },
      },
      personalQueue: { status: 400, code: 'invalid_request', fields: { queueId: 'Personal responses are yours alone: they cannot be limited to a queue.' } },
      changed: 200,
      deleted: 200,
      announced: ['canned-responses.updated', 'canned-responses.updated', 'canned-responses.updated'],
    },
  },
  {
    name: 'admin changes are announced: user.updated for each user changed, queue.updated for a queue created or changed',
    async run(t) {
      const [adam, sara] = [await login(t, 'adam'), await login(t, 'sara')];
      const users = json((await t.call('GET', '/api/admin/users', { token: adam })).body).users as { id: string; username: string }[];
      const idOf = (username: string) => users.find((u) => u.username === username)!.id;
      const panel = await watchWorkspace(t, sara);
      try {
        const tag = uuid().slice(0, 8);
        const [name, renamed, address] = [`Returns ${tag}`, `Refunds ${tag}`, `returns-${tag}@acme.example`];
        const queue = json((await t.call('POST', '/api/admin/queues', { token: adam, body: { name, address, routingMode: 'pick', agentIds: [idOf('anna')] } })).body)
          .queue as { id: string };
        const changed = { name: renamed, address, routingMode: 'offer', agentIds: [idOf('ben')] };
        await t.call('PUT', `/api/admin/queues/${queue.id}`, { token: adam, body: changed });
        // Saved unchanged: nothing to announce.
        await t.call('PUT', `/api/admin/queues/${queue.id}`, { token: adam, body: changed });
        const body = { username: `carla-${tag}`, password: 'Quiet-harbour-lantern-71', displayName: 'Carla Diaz', role: 'agent', capacity: 3, queueIds: [queue.id] };
        const carla = json((await t.call('POST', '/api/admin/users', { token: adam, body })).body).user as { id: string };
        const { username: _username, password: _password, ...fields } = body;
        await t.call('PUT', `/api/admin/users/${carla.id}`, { token: adam, body: { ...fields, displayName: 'Carla Díaz', disabled: false } });
        await t.call('POST', `/api/admin/users/${carla.id}/password`, { token: adam, body: { password: 'Copper-meadow-violin-38' } });

        const events = await panel.workspaceEvents(['user.updated', 'queue.updated'], 8);
        const label = (n: string) => (n === name ? 'first name' : n === renamed ? 'new name' : n);
        return events.map((e) =>
          e.type === 'user.updated'
            ? ['user.updated', (e.user as { displayName: string }).displayName]
            : ['queue.updated', label((e.queue as { name: string }).name), (e.queue as { routingMode: string }).routingMode],
        );
      } finally {
        panel.close();
      }
    },
    expected: [
      ['user.updated', 'Anna Lindqvist'],
      ['queue.updated', 'first name', 'pick'],
      ['user.updated', 'Ben Okafor'],
      ['user.updated', 'Anna Lindqvist'],
      ['queue.updated', 'new name', 'offer'],
      ['user.updated', 'Carla Diaz'],
      ['user.updated', 'Carla Díaz'],
      ['user.updated', 'Carla Díaz'],
    ],
  },
  {
    name: 'wrap-up: only admins manage reasons; a queue that requires one refuses an end without it or with another queue\'s; the trail and the counts show it',
    async run(t) {
      const [adam, anna, sara] = [await login(t, 'adam'), await login(t, 'anna'), await login(t, 'sara')];
      const since = new Date(Date.now() - 60_000).toISOString();
      const users = json((await t.call('GET', '/api/admin/users', { token: adam })).body).users as { id: string; username: string }[];
      const tag = uuid().slice(0, 8);
      const untag = (text: string) => text.replaceAll(tag, '…');
      const newQueue = async (name: string, agentIds: string[]) =>
        (json((await t.call('POST', '/api/admin/queues', { token: adam, body: { name, address: `${name.toLowerCase().replace(/\W+/g, '-')}@acme.example`, routingMode: 'pick', agentIds } })).body)
          .queue as { id: string });
      const queue = await newQueue(`Wrap ${tag}`, [users.find((u) => u.username === 'anna')!.id]);
      const other = await newQueue(`Other ${tag}`, []);
      const newCode = (token: string, name: string, queueIds: string[]) =>
        t.call('POST', '/api/admin/wrap-up/codes', { token, body: { name, allQueues: false, queueIds } });
      // The answer's `code` is the created reason (not an error code).
      const created = async (res: Promise<{ body: unknown }>) => ((await res).body as { code: { id: string } }).code;
      const code = await created(newCode(adam, `Resolved ${tag}`, [queue.id]));
      const otherCode = await created(newCode(adam, `Elsewhere ${tag}`, [other.id]));
      const byAgent = await newCode(anna, `Sneaky ${tag}`, [queue.id]);
      const required = await t.call('PUT', `/api/admin/wrap-up/queues/${queue.id}`, { token: anna, body: { required: true } });
      await t.call('PUT', `/api/admin/wrap-up/queues/${queue.id}`, { token: adam, body: { required: true } });
      const options = json((await t.call('GET', `/api/queues/${queue.id}/wrap-up`, { token: anna })).body) as { required: boolean; codes: { name: string }[] };

      const id = await startChat(t, `Wrap ${tag}`);
      await t.call('POST', `/api/conversations/${id}/pick`, { token: anna });
      const none = await t.call('POST', `/api/conversations/${id}/end`, { token: anna, body: {} });
      const foreign = await t.call('POST', `/api/conversations/${id}/end`, { token: anna, body: { wrapUpCodeId: otherCode.id } });
      const ended = await t.call('POST', `/api/conversations/${id}/end`, { token: anna, body: { wrapUpCodeId: code.id, summary: ' Sent the form. ' } });
      const trail = json((await t.call('GET', `/api/conversations/${id}/audit`, { token: sara })).body).entries as { kind: string; summary: string }[];
      const counts = json((await t.call('GET', `/api/supervisor/wrap-up?since=${encodeURIComponent(since)}`, { token: sara })).body).counts as {
        queue: { id: string };
        code: { name: string };
        count: number;
      }[];
      return {
        byAgent: error(byAgent),
        required: error(required),
        options: { required: options.required, codes: options.codes.map((c) => untag(c.name)) },
        none: { ...error(none), fields: Object.keys(json(none.body).fields ?? {}) },
        foreign: { ...error(foreign), fields: Object.keys(json(foreign.body).fields ?? {}) },
        ended: state(ended),
        trail: trail.slice(-2).map((e) => [e.kind, untag(e.summary)]),
        counts: counts.filter((c) => c.queue.id === queue.id).map((c) => [untag(c.code.name), c.count]),
      };
    },
    expected: {
      byAgent: { status: 403, code: 'forbidden' },
      required: { status: 403, code: 'forbidden' },
      // The demo's reasons for every queue, and the queue's own.
      options: { required: true, codes: ['Follow-up needed', 'Not our topic', 'Resolved', 'Resolved …'] },
      none: { status: 422, code: 'wrap_up_required', fields: ['wrapUpCodeId'] },
      foreign: { status: 422, code: 'wrap_up_code_unavailable', fields: ['wrapUpCodeId'] },
      ended: { status: 200, state: 'ended' },
      trail: [
        ['ended', 'Ended by Anna Lindqvist'],
        ['wrapped_up', 'Reason: Resolved …. Summary: Sent the form.'],
      ],
      counts: [['Resolved …', 1]],
    },
  },
];
