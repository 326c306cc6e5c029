/** How long a "typing" signal counts without being repeated; senders repeat well within it. */
export const TYPING_TTL_MS = 6_000;
/** How often a typist repeats the signal, and how long after the last keystroke they count as stopped. */
export const TYPING_REPEAT_MS = 2_500;
export const TYPING_IDLE_MS = 4_000;

type Listener = () => void;

/** Who is typing in which conversation, as the realtime connection reports it; entries expire by themselves. */
export class TypingTracker {
  private typists = new Map<string, { name: string; until: number }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<Listener>();

  subscribe = (listener: Listener) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The name of whoever is typing in the conversation, or null. */
  typist = (conversationId: string): string | null => this.typists.get(conversationId)?.name ?? null;

  update(conversationId: string, name: string, isTyping: boolean): void {
    clearTimeout(this.timers.get(conversationId));
    const next = new Map(this.typists);
    if (isTyping) {
      next.set(conversationId, { name, until: Date.now() + TYPING_TTL_MS });
      this.timers.set(conversationId, setTimeout(() => this.update(conversationId, name, false), TYPING_TTL_MS));
    } else {
      next.delete(conversationId);
    }
    this.typists = next;
    this.listeners.forEach((l) => l());
  }
}
