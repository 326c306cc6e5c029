import { createDemoData, mockData, type MockData } from './data';

/*
 * `npm run dev:mock` keeps its workspace in the browser's localStorage: sessions, chats and every
 * change survive a reload or a deep link opened in another tab. Only the browser worker uses this
 * (browser.ts); tests start from resetMockData().
 */

/** Bump when MockData changes shape: a stored workspace of another version is dropped for a fresh seed. */
export const MOCK_STATE_KEY = 'communication-panel:mock-state:v3';

type Tagged = { $map: [unknown, unknown][] } | { $set: unknown[] } | { $bytes: string };

// JSON has no Map, Set or bytes: they are stored tagged and rebuilt on reading.
function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value.entries()] } satisfies Tagged;
  if (value instanceof Set) return { $set: [...value] } satisfies Tagged;
  if (value instanceof Uint8Array) return { $bytes: btoa(String.fromCharCode(...value)) } satisfies Tagged;
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === '$map') return new Map((value as { $map: [unknown, unknown][] }).$map);
    if (keys.length === 1 && keys[0] === '$set') return new Set((value as { $set: unknown[] }).$set);
    if (keys.length === 1 && keys[0] === '$bytes') return Uint8Array.from(atob((value as { $bytes: string }).$bytes), (c) => c.charCodeAt(0));
  }
  return value;
}

export const serializeMockData = (data: MockData): string => JSON.stringify(data, replacer);

/** The stored workspace, or null when there is none or it does not have today's shape. */
export function parseMockData(text: string | null): MockData | null {
  if (!text) return null;
  try {
    const parsed = JSON.parse(text, reviver) as Partial<MockData>;
    const fresh = createDemoData();
    const sameShape = Object.keys(fresh).every((k) => k in parsed);
    return sameShape ? (parsed as MockData) : null;
  } catch {
    return null;
  }
}

/** Puts the stored workspace in place of the seed, if there is one; returns whether there was. */
export function restoreMockData(storage: Storage): boolean {
  const stored = parseMockData(storage.getItem(MOCK_STATE_KEY));
  if (stored) Object.assign(mockData, stored);
  return stored !== null;
}

export function saveMockData(storage: Storage): void {
  try {
    storage.setItem(MOCK_STATE_KEY, serializeMockData(mockData));
  } catch (err) {
    // Full storage (many large uploads): the mock keeps working, only without surviving a reload.
    console.warn('[mocks] could not keep the mock workspace for the next reload', err);
  }
}

export const forgetMockData = (storage: Storage) => storage.removeItem(MOCK_STATE_KEY);
