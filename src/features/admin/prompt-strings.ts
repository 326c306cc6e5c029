import { localize, S } from '../../lib/i18n';
import en from '../../locales/en/prompt-strings.json';
import type { PromptKind } from '../../contract/prompts';

const each = { welcome: S, inQueue: S, queueFull: S, serviceClosed: S, idleWarning: S, endedByInactivity: S, agentSessionLost: S, transferred: S, closing: S } satisfies Record<PromptKind, string>;

/** Admin → Queues → Prompts. */
export const promptStrings = /* @__PURE__ */ localize('prompts', en, {
  title: (queue: string) => ({ queue }),
  intro: S,
  on: (label: string) => ({ label }),
  text: (label: string) => ({ label }),
  insert: (placeholder: string, label: string) => ({ placeholder, label }),
  placeholders: S,
  preview: S,
  /** The preview region's name, after the prompt's label. */
  previewLabel: (label: string) => ({ label }),
  off: S,
  save: S,
  saved: (queue: string) => ({ queue }),
  loadFailed: S,
  count: (n: number, max: number) => ({ n, max }),
  /** Each prompt's name. */
  labels: each,
  /** When each prompt is sent. */
  when: { ...each },
});
