import { describe, expect, it } from 'vitest';
import { keptPayload, messagePayload, messagePreview, PREVIEW_MAX_LENGTH } from './push-payloads';

describe('Push payloads', () => {
  it('preview a message on one line, cut at whole characters, or say what it carried', () => {
    expect(messagePreview('  Hello\n\nthere  ', 0)).toBe('Hello there');
    const long = `${'a'.repeat(PREVIEW_MAX_LENGTH - 2)}😀😀😀`;
    const cut = messagePreview(long, 0);
    expect([...cut]).toHaveLength(PREVIEW_MAX_LENGTH);
    expect(cut.endsWith('😀…')).toBe(true);
    expect(messagePreview('', 1)).toBe('Sent an attachment');
    expect(messagePreview(null, 3)).toBe('Sent 3 attachments');
  });

  it('stay small: a long message is a short notification', () => {
    const payload = messagePayload({ conversationId: 'c1', customerName: 'Kim', preview: messagePreview('x'.repeat(4000), 0), count: 1 });
    expect(Buffer.byteLength(JSON.stringify(payload))).toBeLessThan(400);
  });

  it('say how many conversations are kept and for how long', () => {
    expect(keptPayload({ waiting: 2, held: 3, keepMinutes: 15 })).toMatchObject({
      title: '2 customers are waiting for you',
      body: 'Your 3 conversations stay yours for up to 15 minutes while this device can be reached. Open the panel to answer.',
    });
  });
});
