// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { StartChatResponseSchema } from '../contract/webchat';
import { mockData } from './data';
import { mockQueuePosition } from './queue-positions';
import { logInMock, setUpMockApi } from './testing';

/** The mocked web chat hears its place in the line as the server's hub sends it (queue-positions.ts there). */
setUpMockApi();

const start = async (queueId: string) => {
  const res = await fetch('/api/webchat/conversations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ queueId, name: 'Line Customer', email: 'line@example.com', text: 'Hi', clientMessageId: crypto.randomUUID() }),
  });
  expect(res.status).toBe(201);
  return StartChatResponseSchema.parse(await res.json()).conversation.id;
};

describe('mocked queue position', () => {
  it('moves up as the ones ahead are picked, and is gone once the chat is picked', async () => {
    const anna = await logInMock('anna');
    const support = mockData.queues.find((q) => q.name === 'Support')!;
    const first = await start(support.id);
    const second = await start(support.id);
    const ahead = mockQueuePosition(first)!.position;
    expect(mockQueuePosition(second)).toMatchObject({ kind: 'queue-position', conversationId: second, position: ahead + 1 });

    const picked = await fetch(`/api/conversations/${first}/pick`, { method: 'POST', headers: { Authorization: `Bearer ${anna.token}` } });
    expect(picked.status).toBe(200);
    expect(mockQueuePosition(first)).toBeNull();
    expect(mockQueuePosition(second)!.position).toBe(ahead);
  });
});
