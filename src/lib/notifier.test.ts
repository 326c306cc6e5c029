// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimAlert, Notifier } from './notifier';

/**
 * A stand-in AudioContext that behaves like a browser's under autoplay rules: it starts
 * suspended, and resume() settles only once `gesture()` has happened.
 */
class FakeAudioContext extends EventTarget {
  static instances: FakeAudioContext[] = [];
  static allowed = false;
  state: AudioContextState = FakeAudioContext.allowed ? 'running' : 'suspended';
  currentTime = 0;
  destination = {};
  oscillators = 0;
  private pending: (() => void)[] = [];

  constructor() {
    super();
    FakeAudioContext.instances.push(this);
  }
  resume() {
    return new Promise<void>((resolve) => {
      if (FakeAudioContext.allowed) return this.run(resolve);
      this.pending.push(() => this.run(resolve));
    });
  }
  gesture() {
    FakeAudioContext.allowed = true;
    for (const p of this.pending.splice(0)) p();
  }
  private run(resolve: () => void) {
    this.state = 'running';
    this.dispatchEvent(new Event('statechange'));
    resolve();
  }
  createOscillator() {
    this.oscillators += 1;
    return { type: 'sine', frequency: { value: 0 }, connect: (node: unknown) => node, start() {}, stop() {} };
  }
  createGain() {
    const param = { setValueAtTime() {}, linearRampToValueAtTime() {}, exponentialRampToValueAtTime() {} };
    return { gain: param, connect: (node: unknown) => node };
  }
}

beforeEach(() => {
  FakeAudioContext.instances = [];
  FakeAudioContext.allowed = false;
  vi.stubGlobal('AudioContext', FakeAudioContext);
});
afterEach(() => vi.unstubAllGlobals());

describe('Notifier sound', () => {
  it('reports sound blocked until a user gesture lets the audio context run', async () => {
    const notifier = new Notifier();
    const changes = vi.fn();
    notifier.subscribe(changes);
    expect(notifier.audioStatus()).toBe('ready');

    notifier.prepareAudio();
    expect(notifier.audioStatus()).toBe('blocked');
    await expect(notifier.playTone()).resolves.toBe(false);
    expect(FakeAudioContext.instances[0]!.oscillators).toBe(0);

    // A click in the panel: the browser lets the context run, and the notifier says so.
    FakeAudioContext.instances[0]!.gesture();
    notifier.unlockAudio();
    await vi.waitFor(() => expect(notifier.audioStatus()).toBe('ready'));
    expect(changes).toHaveBeenCalled();
    await expect(notifier.playTone()).resolves.toBe(true);
    expect(FakeAudioContext.instances[0]!.oscillators).toBe(2);
  });

  it('rings once for a burst of events', async () => {
    FakeAudioContext.allowed = true;
    const notifier = new Notifier();
    await notifier.playTone();
    await notifier.playTone();
    expect(FakeAudioContext.instances).toHaveLength(1);
    expect(FakeAudioContext.instances[0]!.oscillators).toBe(2);
  });

  it('says so when the browser has no Web Audio', () => {
    vi.stubGlobal('AudioContext', undefined);
    expect(new Notifier().audioStatus()).toBe('unsupported');
  });
});

describe('Notifier desktop notifications', () => {
  function stubNotification(permission: NotificationPermission) {
    const shown: { title: string; options?: NotificationOptions; instance: { onclick: (() => void) | null; close(): void } }[] = [];
    class StubNotification {
      static permission = permission;
      static requestPermission = vi.fn(async () => {
        StubNotification.permission = 'granted';
        return 'granted' as const;
      });
      onclick: (() => void) | null = null;
      close = vi.fn();
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, options, instance: this });
      }
    }
    vi.stubGlobal('Notification', StubNotification);
    return { shown, StubNotification };
  }

  it('shows nothing without permission, and asks for it on request', async () => {
    const { shown, StubNotification } = stubNotification('default');
    const notifier = new Notifier();
    expect(notifier.showDesktop({ title: 'T', body: 'B', tag: 't', onClick: vi.fn() })).toBe(false);
    expect(shown).toHaveLength(0);
    await expect(notifier.requestPermission()).resolves.toBe('granted');
    expect(StubNotification.requestPermission).toHaveBeenCalledOnce();
    expect(notifier.permission()).toBe('granted');
  });

  it('raises a tagged notification whose click focuses the panel and opens the conversation', () => {
    const { shown } = stubNotification('granted');
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => undefined);
    const onClick = vi.fn();
    expect(new Notifier().showDesktop({ title: 'New message from Kim', body: 'Hello?', tag: 'conversation-c1', onClick })).toBe(true);
    expect(shown[0]).toMatchObject({ title: 'New message from Kim', options: { body: 'Hello?', tag: 'conversation-c1' } });
    shown[0]!.instance.onclick?.();
    expect(focus).toHaveBeenCalled();
    expect(onClick).toHaveBeenCalled();
    expect(shown[0]!.instance.close).toHaveBeenCalled();
  });

  it('reports browsers without the Notification API', () => {
    vi.stubGlobal('Notification', undefined);
    expect(new Notifier().permission()).toBe('unsupported');
  });
});

/** The part of the Web Locks API claimAlert uses: named locks, one holder at a time, `ifAvailable`. */
class FakeLockManager {
  private readonly held = new Set<string>();
  async request(name: string, _options: { ifAvailable: boolean }, callback: (lock: { name: string } | null) => Promise<void>) {
    if (this.held.has(name)) return callback(null);
    this.held.add(name);
    try {
      return await callback({ name });
    } finally {
      this.held.delete(name);
    }
  }
}

describe('One alert per event across tabs', () => {
  it('lets the first tab to claim an event alert, and no other while it holds the claim', async () => {
    vi.useFakeTimers();
    try {
      // Tabs of one browser share its lock manager.
      vi.stubGlobal('navigator', { ...navigator, locks: new FakeLockManager() });
      expect(await claimAlert('41')).toBe(true);
      expect(await claimAlert('41')).toBe(false);
      // Another event is another claim.
      expect(await claimAlert('42')).toBe(true);
      // Long after, the claim is gone: a much later replay of the same event could alert again.
      await vi.advanceTimersByTimeAsync(11_000);
      expect(await claimAlert('41')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('alerts in every tab when the browser has no Web Locks', async () => {
    vi.stubGlobal('navigator', { ...navigator, locks: undefined });
    expect(await claimAlert('7')).toBe(true);
    expect(await claimAlert('7')).toBe(true);
  });
});
