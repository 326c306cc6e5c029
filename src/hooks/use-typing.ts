import { createContext, useContext, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { TYPING_IDLE_MS, TYPING_REPEAT_MS, type TypingTracker } from '../lib/typing';

export interface TypingChannel {
  tracker: TypingTracker;
  send(conversationId: string, isTyping: boolean): void;
}

/** Provided by whoever owns the realtime connection (the agent panel, the web chat). */
export const TypingContext = createContext<TypingChannel | null>(null);

/** Who is typing on the other side of this conversation, or null. `own`: a channel the caller holds itself. */
export function useTypist(conversationId: string, own?: TypingChannel): string | null {
  const provided = useContext(TypingContext);
  const channel = own ?? provided;
  return useSyncExternalStore(
    channel?.tracker.subscribe ?? noopSubscribe,
    () => channel?.tracker.typist(conversationId) ?? null,
  );
}

const noopSubscribe = () => () => {};

/**
 * Turns keystrokes into typing signals: "typing" at once and then every few seconds while keys
 * keep coming, "stopped" after a pause, on send, or when leaving the conversation.
 */
export function useTypingSignal(conversationId: string, own?: TypingChannel) {
  const provided = useContext(TypingContext);
  const channel = own ?? provided;
  const state = useRef({ lastSent: 0, typing: false, idle: undefined as ReturnType<typeof setTimeout> | undefined });

  const api = useMemo(() => {
    const stop = () => {
      clearTimeout(state.current.idle);
      if (!state.current.typing) return;
      state.current.typing = false;
      channel?.send(conversationId, false);
    };
    const input = (text: string) => {
      if (!text.trim()) return stop();
      const now = Date.now();
      if (!state.current.typing || now - state.current.lastSent > TYPING_REPEAT_MS) {
        state.current = { ...state.current, typing: true, lastSent: now };
        channel?.send(conversationId, true);
      }
      clearTimeout(state.current.idle);
      state.current.idle = setTimeout(stop, TYPING_IDLE_MS);
    };
    return { input, stop };
  }, [channel, conversationId]);

  useEffect(() => api.stop, [api]);
  return api;
}
