/** Whether the browser may show desktop notifications for the panel. */
export type DesktopPermission = NotificationPermission | 'unsupported';

/**
 * `blocked`: browsers keep a page silent until the user has interacted with it (autoplay rules);
 * any click or key press in the panel, or the test button, lifts that.
 */
export type AudioStatus = 'ready' | 'blocked' | 'unsupported';

export interface DesktopAlert {
  title: string;
  body: string;
  tag: string;
  onClick(): void;
}

type AudioContextCtor = typeof AudioContext;

/** How long a tab keeps its claim on an alert: longer than any two tabs take to receive one event. */
const ALERT_CLAIM_MS = 10_000;

/**
 * Every open tab of the panel receives the same event; only the first to claim it alerts, so two
 * tabs neither beep twice nor raise two notifications. The claim is a Web Lock, shared by the
 * tabs of one browser; where the browser has none, every tab alerts.
 */
export function claimAlert(key: string): Promise<boolean> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return Promise.resolve(true);
  return new Promise((resolve) => {
    locks
      .request(`cp-alert:${key}`, { ifAvailable: true }, async (lock) => {
        resolve(lock !== null);
        // Held a while, so a tab that receives the event a moment later finds it taken.
        if (lock) await new Promise((done) => setTimeout(done, ALERT_CLAIM_MS));
      })
      .catch(() => resolve(true));
  });
}

const audioContextCtor = (): AudioContextCtor | undefined =>
  typeof window === 'undefined'
    ? undefined
    : (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextCtor }).webkitAudioContext);

/** Two short rising notes, quiet enough not to startle. */
const TONE = [
  { frequency: 880, start: 0, duration: 0.12 },
  { frequency: 1318.5, start: 0.14, duration: 0.18 },
];
const TONE_VOLUME = 0.18;
/** Several events at once (a burst after reconnecting) ring once. */
const TONE_MIN_GAP_MS = 800;

/**
 * The browser side of notifications: desktop notifications through the Notification API and a
 * tone generated with Web Audio (no audio files to load). One per page, so the audio context
 * that a click unlocked is the one later notifications use.
 */
export class Notifier {
  private audio: AudioContext | undefined;
  private lastToneAt = 0;
  private readonly listeners = new Set<() => void>();
  private watchingPermission = false;

  /** For useSyncExternalStore: called when the permission or the audio status may have changed. */
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    this.watchPermission();
    return () => void this.listeners.delete(listener);
  };

  private emit() {
    for (const listener of this.listeners) listener();
  }

  readonly permission = (): DesktopPermission => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission);

  async requestPermission(): Promise<DesktopPermission> {
    if (typeof Notification === 'undefined') return 'unsupported';
    try {
      await Notification.requestPermission();
    } finally {
      this.emit();
    }
    return Notification.permission;
  }

  /** Raises a desktop notification if the browser allows it; clicking it brings the panel forward. */
  showDesktop(alert: DesktopAlert): boolean {
    if (this.permission() !== 'granted') return false;
    try {
      // renotify: a second message in the same conversation replaces the first and alerts again.
      const options: NotificationOptions & { renotify?: boolean } = { body: alert.body, tag: alert.tag, renotify: true };
      const notification = new Notification(alert.title, options);
      notification.onclick = () => {
        window.focus();
        alert.onClick();
        notification.close();
      };
      return true;
    } catch {
      // Some browsers (Android Chrome) allow notifications only from a service worker.
      return false;
    }
  }

  readonly audioStatus = (): AudioStatus => {
    if (!audioContextCtor()) return 'unsupported';
    // Not asked yet: prepareAudio() asks as soon as sound is turned on.
    if (!this.audio) return 'ready';
    return this.audio.state === 'running' ? 'ready' : 'blocked';
  };

  /**
   * Creates the audio context ahead of the first notification: whether the browser lets it run is
   * its answer to "may this page make sound now?", so the panel can say when it may not.
   */
  prepareAudio(): void {
    if (this.audio) return;
    this.context();
    this.emit();
  }

  /**
   * Called on the user's clicks and key presses: inside a gesture the browser lets the audio
   * context start, so later notifications can sound without one.
   */
  unlockAudio(): void {
    const context = this.context();
    if (context && context.state !== 'running') void context.resume().catch(() => undefined).finally(() => this.emit());
    else this.emit();
  }

  /** Plays the notification tone; false when the browser does not let the page make sound yet. */
  async playTone(): Promise<boolean> {
    const context = this.context();
    if (!context) return false;
    if (context.state !== 'running') {
      // Without a user gesture resume() may never settle: wait briefly, then report it blocked.
      await Promise.race([context.resume().catch(() => undefined), new Promise((r) => setTimeout(r, 300))]);
      this.emit();
      // Re-read: the state changed while we waited (TypeScript still holds the narrowed type).
      if ((context.state as AudioContextState) !== 'running') return false;
    }
    const now = Date.now();
    if (now - this.lastToneAt < TONE_MIN_GAP_MS) return true;
    this.lastToneAt = now;
    const t0 = context.currentTime + 0.01;
    for (const note of TONE) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = note.frequency;
      // A short fade in and out: a tone that starts or stops at full volume clicks.
      gain.gain.setValueAtTime(0, t0 + note.start);
      gain.gain.linearRampToValueAtTime(TONE_VOLUME, t0 + note.start + 0.015);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + note.start + note.duration);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(t0 + note.start);
      oscillator.stop(t0 + note.start + note.duration + 0.02);
    }
    return true;
  }

  private context(): AudioContext | undefined {
    if (this.audio) return this.audio;
    const Ctor = audioContextCtor();
    if (!Ctor) return undefined;
    try {
      this.audio = new Ctor();
    } catch {
      return undefined;
    }
    this.audio.addEventListener('statechange', () => this.emit());
    return this.audio;
  }

  /** The user may change the permission in the browser's site settings while the panel is open. */
  private watchPermission() {
    if (this.watchingPermission || typeof navigator === 'undefined' || !navigator.permissions) return;
    this.watchingPermission = true;
    navigator.permissions
      .query({ name: 'notifications' as PermissionName })
      .then((status) => status.addEventListener('change', () => this.emit()))
      .catch(() => undefined);
  }
}

export const notifier = new Notifier();
