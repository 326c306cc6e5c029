import { beforeAll, expect, it } from 'vitest';
import { describePostgresOnly } from '../test-support/databases';
import { heic, mp4 } from '../test-support/files';
import { useTwoInstances, type TestServer } from '../test-support/test-server';
import { download, uploaded } from '../test-support/uploads';

/** Files live in the database: whichever instance stored one, every other serves it. */
describePostgresOnly('Attachments across two server instances', () => {
  const instances = useTwoInstances();
  let a: TestServer;
  let b: TestServer;
  beforeAll(() => void ({ a, b } = instances));

  it('serves from instance B, whole and by range, what was uploaded through instance A', async () => {
    const adam = await a.login('adam');
    const policy = { allowedTypes: ['mp4', 'heic'], maxFileSizeBytes: 2 * 1024 * 1024 };
    expect((await a.request('PUT', '/api/settings', { auth: adam, body: { agentUploads: policy, customerUploads: policy } })).status).toBe(200);
    const chat = await a.startChat('Support');
    const photo = await uploaded(a, { chat }, 'photo.heic', heic().bytes);
    const video = mp4(700 * 1024);
    const clip = await uploaded(a, { chat }, 'clip.mp4', video);

    const whole = await download(b, clip.url);
    expect(whole.bytes.equals(video)).toBe(true);
    const part = await download(b, clip.url, { headers: { range: 'bytes=524280-524300' } });
    expect(part.status).toBe(206);
    expect(part.bytes.equals(video.subarray(524280, 524301))).toBe(true);
    const shown = await download(b, photo.url);
    expect(shown.headers['content-type']).toBe('image/jpeg');
    expect((await download(b, `/api/webchat/attachments/${clip.id}`, { token: chat.token })).status).toBe(200);
  });
});
