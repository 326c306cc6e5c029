import { beforeAll, expect, it } from 'vitest';
import { AttachmentPolicyResponseSchema, DEFAULT_ATTACHMENT_POLICY } from '../../contract/attachments';
import {
  ATTACHMENT_DEFAULT_MAX_FILE_SIZE_BYTES,
  ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES,
  IMAGE_DEFAULT_MAX_PIXELS,
  IMAGE_MAX_PIXELS_CEILING,
} from '../../contract/limits';
import {
  DEFAULT_ROUTING_SETTINGS,
  DEFAULT_SECURITY_SETTINGS,
  RoutingSettingsResponseSchema,
  SettingsResponseSchema,
  type RoutingSettings,
  type UpdateSettingsRequest,
} from '../../contract/settings';
import { DEFAULT_CUSTOMER_CHAT_SETTINGS } from '../../contract/customer-chat';
import { describeEachBackend } from '../test-support/databases';
import { useDemoStaff, useTestServer, type Chat, type Staff } from '../test-support/test-server';

describeEachBackend('Settings', (backend) => {
  const server = useTestServer(backend);
  const demo = useDemoStaff(server);
  let chat: Chat;

  beforeAll(async () => {
    chat = await server.startChat('Support');
    await server.listen();
  });

  const put = (who: Staff | Chat | undefined, body: unknown) => server.request('PUT', '/api/settings', { auth: who, body });
  const valid: UpdateSettingsRequest = {
    agentUploads: { allowedTypes: ['png', 'pdf', 'mp4'], maxFileSizeBytes: 20 * 1024 * 1024, maxImagePixels: IMAGE_DEFAULT_MAX_PIXELS },
    customerUploads: { allowedTypes: ['jpeg', 'jpg', 'heic'], maxFileSizeBytes: 5 * 1024 * 1024, maxImagePixels: 12_000_000 },
  };

  it('starts with the default policy for agents and customers alike', async () => {
    const { settings } = (await server.get('/api/settings', demo.adam)).expect(200, SettingsResponseSchema);
    expect(settings).toEqual({
      agentUploads: DEFAULT_ATTACHMENT_POLICY,
      customerUploads: DEFAULT_ATTACHMENT_POLICY,
      customerChat: DEFAULT_CUSTOMER_CHAT_SETTINGS,
      routing: DEFAULT_ROUTING_SETTINGS,
      security: DEFAULT_SECURITY_SETTINGS,
      updatedAt: null,
      updatedBy: null,
    });
    expect(DEFAULT_ATTACHMENT_POLICY).toEqual({
      allowedTypes: ['gif', 'heic', 'jpeg', 'jpg', 'png', 'mp4', 'webm', 'mov'],
      maxFileSizeBytes: ATTACHMENT_DEFAULT_MAX_FILE_SIZE_BYTES,
      maxImagePixels: IMAGE_DEFAULT_MAX_PIXELS,
    });
    expect((await server.get('/api/attachments/policy', demo.anna)).expect(200, AttachmentPolicyResponseSchema).policy).toEqual(DEFAULT_ATTACHMENT_POLICY);
    expect((await server.get('/api/webchat/attachments/policy', chat)).expect(200, AttachmentPolicyResponseSchema).policy).toEqual(
      DEFAULT_ATTACHMENT_POLICY,
    );
  });

  it('lets only admins read and change the settings', async () => {
    for (const who of [demo.anna, demo.sara]) {
      (await server.get('/api/settings', who)).expectError(403, 'forbidden');
      (await put(who, valid)).expectError(403, 'forbidden');
    }
    (await server.get('/api/settings')).expectError(401, 'unauthenticated');
    (await put(undefined, valid)).expectError(401, 'unauthenticated');
    // A customer token is no staff session.
    (await put(chat, valid)).expectError(401, 'unauthenticated');
    (await server.get('/api/attachments/policy', chat)).expectError(401, 'unauthenticated');
    (await server.get('/api/webchat/attachments/policy', demo.anna)).expectError(401, 'unauthenticated');
  });

  it('saves both policies, each applying to its own uploaders, and tells open panels', async () => {
    const [annaSocket, chatSocket] = await Promise.all([server.connect({ token: demo.anna.token }), server.connect({ customerToken: chat.token })]);
    await Promise.all([annaSocket.ready(), chatSocket.ready()]);

    const { settings } = (await put(demo.adam, valid)).expect(200, SettingsResponseSchema);
    expect(settings).toMatchObject({ ...valid, updatedBy: { id: demo.adam.user.id, displayName: 'Adam Novak' } });
    expect(Date.now() - Date.parse(settings.updatedAt!)).toBeLessThan(60_000);
    expect((await server.get('/api/settings', demo.adam)).expect(200, SettingsResponseSchema).settings).toEqual(settings);
    expect((await server.get('/api/attachments/policy', demo.sara)).expect(200, AttachmentPolicyResponseSchema).policy).toEqual(valid.agentUploads);
    expect((await server.get('/api/webchat/attachments/policy', chat)).expect(200, AttachmentPolicyResponseSchema).policy).toEqual(
      valid.customerUploads,
    );

    const frame = await annaSocket.next((f) => f.kind === 'workspace-event');
    expect(frame).toMatchObject({ kind: 'workspace-event', event: { type: 'settings.updated', settings } });
    // Customers are not told of workspace settings; they read their policy when they attach a file.
    await server.customerSays(chat, 'After the settings changed');
    const customerFrames = await chatSocket.takeUntil((f) => f.kind === 'customer-event' && f.event.type === 'message.created');
    expect(customerFrames.map((f) => f.kind)).toEqual(['customer-event']);

    // Back to the defaults for the other tests.
    (await put(demo.adam, { agentUploads: DEFAULT_ATTACHMENT_POLICY, customerUploads: DEFAULT_ATTACHMENT_POLICY })).expect(200, SettingsResponseSchema);
  });

  it('refuses unknown types, repeated types and sizes out of range with 400, changing nothing', async () => {
    const before = (await server.get('/api/settings', demo.adam)).expect(200, SettingsResponseSchema).settings;
    const cases: [unknown, string][] = [
      [{ ...valid, agentUploads: { allowedTypes: ['png', 'exe'], maxFileSizeBytes: 1024 } }, 'agentUploads.allowedTypes.1'],
      [{ ...valid, agentUploads: { allowedTypes: ['svg'], maxFileSizeBytes: 1024 } }, 'agentUploads.allowedTypes.0'],
      [{ ...valid, customerUploads: { allowedTypes: ['png', 'png'], maxFileSizeBytes: 1024 } }, 'customerUploads.allowedTypes'],
      [{ ...valid, customerUploads: { allowedTypes: ['png'], maxFileSizeBytes: 0 } }, 'customerUploads.maxFileSizeBytes'],
      [{ ...valid, agentUploads: { allowedTypes: ['png'], maxFileSizeBytes: ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES + 1 } }, 'agentUploads.maxFileSizeBytes'],
      [{ ...valid, agentUploads: { allowedTypes: ['png'], maxFileSizeBytes: 1.5 } }, 'agentUploads.maxFileSizeBytes'],
      [{ ...valid, agentUploads: { ...valid.agentUploads, maxImagePixels: IMAGE_MAX_PIXELS_CEILING + 1 } }, 'agentUploads.maxImagePixels'],
      [{ ...valid, customerUploads: { ...valid.customerUploads, maxImagePixels: 1.5 } }, 'customerUploads.maxImagePixels'],
      [{ agentUploads: valid.agentUploads }, 'customerUploads'],
    ];
    for (const [body, field] of cases) {
      const error = (await put(demo.adam, body)).expectError(400, 'invalid_request');
      expect(Object.keys(error.fields ?? {}), JSON.stringify(body)).toContain(field);
    }
    const ceiling = (await put(demo.adam, { ...valid, agentUploads: { allowedTypes: [], maxFileSizeBytes: ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES } })).expect(
      200,
      SettingsResponseSchema,
    );
    expect(ceiling.settings.agentUploads).toEqual({ allowedTypes: [], maxFileSizeBytes: ATTACHMENT_MAX_FILE_SIZE_CEILING_BYTES, maxImagePixels: IMAGE_DEFAULT_MAX_PIXELS });
    (await put(demo.adam, { agentUploads: before.agentUploads, customerUploads: before.customerUploads })).expect(200, SettingsResponseSchema);
  });

  it('saves the routing settings, keeps them when an update leaves them out, and shows them to all staff', async () => {
    const routing: RoutingSettings = { offerTimeoutSeconds: 15, maxMissedOffers: 2, lostAgentGraceSeconds: 30, waitingLimitSeconds: 45, replyTimeLimitSeconds: 300, pushKeepChatsMinutes: 45 };
    const saved = (await put(demo.adam, { ...valid, routing })).expect(200, SettingsResponseSchema).settings;
    expect(saved.routing).toEqual(routing);
    // An older client that knows only the upload policies does not reset routing.
    expect((await put(demo.adam, valid)).expect(200, SettingsResponseSchema).settings.routing).toEqual(routing);
    // …nor does one that predates the push keep-chats limit reset that.
    const { pushKeepChatsMinutes: _, ...olderRouting } = routing;
    expect((await put(demo.adam, { ...valid, routing: olderRouting })).expect(200, SettingsResponseSchema).settings.routing).toEqual(routing);
    for (const who of [demo.anna, demo.sara, demo.adam]) {
      expect((await server.get('/api/settings/routing', who)).expect(200, RoutingSettingsResponseSchema).routing).toEqual(routing);
    }
    (await server.get('/api/settings/routing')).expectError(401, 'unauthenticated');
    (await server.get('/api/settings/routing', chat)).expectError(401, 'unauthenticated');

    const cases: [Partial<RoutingSettings>, string][] = [
      [{ offerTimeoutSeconds: 4 }, 'routing.offerTimeoutSeconds'],
      [{ offerTimeoutSeconds: 601 }, 'routing.offerTimeoutSeconds'],
      [{ maxMissedOffers: 0 }, 'routing.maxMissedOffers'],
      [{ lostAgentGraceSeconds: 9 }, 'routing.lostAgentGraceSeconds'],
      [{ replyTimeLimitSeconds: 2.5 }, 'routing.replyTimeLimitSeconds'],
      [{ pushKeepChatsMinutes: -1 }, 'routing.pushKeepChatsMinutes'],
      [{ pushKeepChatsMinutes: 1441 }, 'routing.pushKeepChatsMinutes'],
    ];
    for (const [change, field] of cases) {
      const error = (await put(demo.adam, { ...valid, routing: { ...routing, ...change } })).expectError(400, 'invalid_request');
      expect(Object.keys(error.fields ?? {}), JSON.stringify(change)).toContain(field);
    }
    expect((await server.get('/api/settings/routing', demo.anna)).expect(200, RoutingSettingsResponseSchema).routing).toEqual(routing);
    (await put(demo.adam, { ...valid, routing: DEFAULT_ROUTING_SETTINGS })).expect(200, SettingsResponseSchema);
  });
});
