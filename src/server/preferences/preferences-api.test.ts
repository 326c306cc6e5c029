import { beforeAll, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, PreferencesResponseSchema } from '../../contract/preferences';
import { describeEachBackend } from '../test-support/databases';
import { useTestServer, type Staff } from '../test-support/test-server';

describeEachBackend('Preferences', (backend) => {
  const server = useTestServer(backend);
  let anna: Staff;
  let ben: Staff;

  beforeAll(async () => {
    [anna, ben] = await Promise.all([server.staff('anna'), server.staff('ben')]);
  });

  const put = (who: Staff | undefined, body: unknown) => server.request('PUT', '/api/preferences', { auth: who, body });
  const get = async (who: Staff) => (await server.get('/api/preferences', who)).expect(200, PreferencesResponseSchema).preferences;

  it('starts from the defaults and changes only what an update names, per user', async () => {
    expect(await get(anna)).toEqual(DEFAULT_PREFERENCES);
    (await put(anna, { conversationSort: 'unread-first' })).expect(200, PreferencesResponseSchema);
    const { preferences } = (await put(anna, { notifications: { desktop: true } })).expect(200, PreferencesResponseSchema);
    expect(preferences).toEqual({
      ...DEFAULT_PREFERENCES,
      conversationSort: 'unread-first',
      notifications: { ...DEFAULT_PREFERENCES.notifications, desktop: true },
      sidePanel: DEFAULT_PREFERENCES.sidePanel,
      language: null,
    });
    expect(await get(anna)).toEqual(preferences);
    expect(await get(ben)).toEqual(DEFAULT_PREFERENCES);
  });

  it('keeps only what a user chose: a default reaches those who never chose it, a choice saved earlier stays', async () => {
    const adam = await server.staff('adam');
    (await put(adam, { conversationSort: 'customer-name' })).expect(200, PreferencesResponseSchema);
    // Sound is on by default, for someone who saved preferences without touching it too.
    expect((await get(adam)).notifications.sound).toBe(true);
    const [row] = await server.db.query<{ preferences: unknown }>('SELECT preferences FROM user_preferences WHERE user_id = $1', [adam.user.id]);
    const stored = (typeof row!.preferences === 'string' ? JSON.parse(row!.preferences) : row!.preferences) as Record<string, unknown>;
    expect(stored).toEqual({ conversationSort: 'customer-name', notifications: {} });

    // A row saved before (a full copy, sound off as it then was by default) keeps its switches.
    const legacy = { conversationSort: 'arrived-oldest', notifications: { newMessages: true, newConversations: true, desktop: false, sound: false } };
    await server.db.query('UPDATE user_preferences SET preferences = $2 WHERE user_id = $1', [adam.user.id, JSON.stringify(legacy)]);
    expect((await get(adam)).notifications.sound).toBe(false);
    (await put(adam, { notifications: { desktop: true } })).expect(200, PreferencesResponseSchema);
    expect((await get(adam)).notifications).toEqual({ newMessages: true, newConversations: true, desktop: true, sound: false });
  });

  it('keeps the language a user chose for all their devices; null follows the browser again; unknown languages are refused', async () => {
    const sara = await server.staff('sara');
    expect((await get(sara)).language).toBeNull();
    expect((await put(sara, { language: 'de' })).expect(200, PreferencesResponseSchema).preferences.language).toBe('de');
    (await put(sara, { sidePanel: { open: true } })).expect(200, PreferencesResponseSchema);
    expect((await get(sara)).language).toBe('de');
    (await put(sara, { language: 'xx' as never })).expectError(400, 'invalid_request');
    expect((await put(sara, { language: null })).expect(200, PreferencesResponseSchema).preferences.language).toBeNull();
  });

  it('keeps the side panel open or closed, at the section last chosen, and refuses unknown sections', async () => {
    const sara = await server.staff('sara');
    expect((await get(sara)).sidePanel).toEqual({ open: true, section: 'customer' });
    (await put(sara, { sidePanel: { open: true, section: 'notes' } })).expect(200, PreferencesResponseSchema);
    const { preferences } = (await put(sara, { sidePanel: { open: false } })).expect(200, PreferencesResponseSchema);
    expect(preferences.sidePanel).toEqual({ open: false, section: 'notes' });
    expect(await get(sara)).toEqual({ ...DEFAULT_PREFERENCES, sidePanel: { open: false, section: 'notes' } });
    (await put(sara, { sidePanel: { section: 'everything' } })).expectError(400, 'invalid_request');
    expect((await get(sara)).sidePanel).toEqual({ open: false, section: 'notes' });
  });

  it('keeps the colour scheme and the shortcuts switch, and refuses an unknown scheme', async () => {
    const sara = await server.staff('sara');
    expect(await get(sara)).toMatchObject({ colorScheme: 'system', keyboardShortcuts: true });
    const { preferences } = (await put(sara, { colorScheme: 'dark', keyboardShortcuts: false })).expect(200, PreferencesResponseSchema);
    expect(preferences).toMatchObject({ colorScheme: 'dark', keyboardShortcuts: false });
    (await put(sara, { colorScheme: 'sepia' })).expectError(400, 'invalid_request');
    expect(await get(sara)).toMatchObject({ colorScheme: 'dark', keyboardShortcuts: false });
  });

  it('tells every device of the user, and nobody else', async () => {
    const [phone, benSocket] = await Promise.all([server.connect({ token: (await server.login('anna')).token }), server.connect({ token: ben.token })]);
    await Promise.all([phone.ready(), benSocket.ready()]);
    const { preferences } = (await put(anna, { conversationSort: 'customer-name', notifications: { sound: true } })).expect(200, PreferencesResponseSchema);
    expect(await phone.next((f) => f.kind === 'user-event')).toMatchObject({ kind: 'user-event', event: { type: 'preferences.updated', preferences } });
    (await put(ben, { conversationSort: 'arrived-newest' })).expect(200, PreferencesResponseSchema);
    const benFrames = await benSocket.takeUntil((f) => f.kind === 'user-event');
    expect(benFrames.filter((f) => f.kind === 'user-event').map((f) => f.kind === 'user-event' && f.event.type === 'preferences.updated' && f.event.preferences.conversationSort)).toEqual(['arrived-newest']);
  });

  it('refuses unknown sort orders and non-boolean switches with 400, and callers without a session with 401', async () => {
    const before = await get(anna);
    const error = (await put(anna, { conversationSort: 'random' })).expectError(400, 'invalid_request');
    expect(Object.keys(error.fields ?? {})).toContain('conversationSort');
    (await put(anna, { notifications: { sound: 'yes' } })).expectError(400, 'invalid_request');
    (await put(undefined, { conversationSort: 'arrived-newest' })).expectError(401, 'unauthenticated');
    (await server.get('/api/preferences')).expectError(401, 'unauthenticated');
    expect(await get(anna)).toEqual(before);
  });
});
