import { beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { describeEachBackend } from '../test-support/databases';
import { useTestServer, type Staff } from '../test-support/test-server';

/** A raw socket that says hello and collects typing frames. */
async function open(url: string, hello: object) {
  const ws = new WebSocket(url);
  const typing: { from: string; name: string; isTyping: boolean; conversationId: string }[] = [];
  await new Promise<void>((resolve, reject) => {
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', ...hello })));
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.kind === 'ready') resolve();
      if (frame.kind === 'typing') typing.push(frame);
    });
    ws.on('error', reject);
  });
  return { ws, typing, send: (frame: object) => ws.send(JSON.stringify({ type: 'typing', ...frame })) };
}

const settle = () => new Promise((r) => setTimeout(r, 300));

describeEachBackend('Typing signals', (backend) => {
  const server = useTestServer(backend);
  let url: string;
  let anna: Staff;
  let ben: Staff;

  beforeAll(async () => {
    url = (await server.listen()).replace(/^http/, 'ws') + '/api/realtime';
    [anna, ben] = await Promise.all([server.staff('anna'), server.staff('ben')]);
  });

  it('reach the other side of the conversation only, and only from whoever may write in it', async () => {
    const chat = await server.startChat('Support');
    const other = await server.startChat('Support');
    await server.picked(anna, chat.conversationId);

    const customer = await open(url, { customerToken: chat.token });
    const otherCustomer = await open(url, { customerToken: other.token });
    const annaSocket = await open(url, { token: anna.token });
    const benSocket = await open(url, { token: ben.token });

    customer.send({ isTyping: true });
    await settle();
    expect(annaSocket.typing).toEqual([expect.objectContaining({ conversationId: chat.conversationId, from: 'customer', isTyping: true })]);
    // Ben serves the queue and may watch; the other customer hears nothing.
    expect(benSocket.typing).toHaveLength(1);
    expect(otherCustomer.typing).toEqual([]);
    expect(customer.typing).toEqual([]);

    annaSocket.send({ conversationId: chat.conversationId, isTyping: true });
    // Ben does not hold the chat: his signal goes nowhere.
    benSocket.send({ conversationId: chat.conversationId, isTyping: true });
    await settle();
    expect(customer.typing).toEqual([expect.objectContaining({ from: 'agent', name: 'Anna Lindqvist', isTyping: true })]);
    expect(otherCustomer.typing).toEqual([]);

    for (const s of [customer, otherCustomer, annaSocket, benSocket]) s.ws.close();
  });
});
