import { describe, expect, it } from 'vitest';
import { renderTranscript } from './transcript';

const conversation = { id: '0a1b2c3d-0000-4000-8000-000000000001', queueName: 'Support', state: 'ended' as const, customerName: 'Kim', agentName: 'Ben', arrivedAt: '2026-12-01T10:00:00.000Z', endedAt: '2026-12-01T10:05:00.000Z', heldUntil: null };
const message = (seq: number, authorKind: 'customer' | 'agent' | 'system', authorName: string, text: string) => ({
  id: `m${seq}`, conversationId: conversation.id, seq, clientMessageId: null, authorKind, authorId: null, authorName, text, attachments: [], createdAt: `2026-12-01T10:0${seq}:00.000Z`,
});

describe('the transcript', () => {
  it('lists each message with its UTC time and author, as plain text', () => {
    const t = renderTranscript(conversation, [message(1, 'customer', 'Kim', 'Hello <script>x</script>\nsecond line'), message(2, 'system', 'System', 'Kim left the chat.')]);
    expect(t.fileName).toBe('chat-2026-12-01-0a1b2c3d.txt');
    expect(t.text).toContain('Chat transcript: Support\nStarted: 2026-12-01 10:00:00 UTC\nEnded: 2026-12-01 10:05:00 UTC');
    expect(t.text).toContain('[2026-12-01 10:01:00 UTC] Kim:\n  Hello <script>x</script>\n  second line');
    expect(t.text).toContain('[2026-12-01 10:02:00 UTC] System (system):\n  Kim left the chat.');
  });
});
