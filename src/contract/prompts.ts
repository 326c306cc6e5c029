import { z } from 'zod';
import { text } from './text';

/*
 * Chat prompts: what the workspace says to a customer on its own (welcome, waiting, ending, …),
 * written per queue by admins. Each is plain text with placeholders such as {customer.name},
 * posted into the conversation as a system line (agents see it in the thread; web-chat and
 * channel customers receive it), or shown by the web chat where there is no conversation
 * (service closed, queue full). See src/domain/prompt-render.ts for how placeholders fill in.
 */

/** Every prompt a queue has, in the order the admin editor lists them. */
export const PROMPT_KINDS = [
  'welcome',
  'inQueue',
  'queueFull',
  'serviceClosed',
  'idleWarning',
  'endedByInactivity',
  'agentSessionLost',
  'transferred',
  'closing',
] as const;
export const PromptKindSchema = z.enum(PROMPT_KINDS);
export type PromptKind = z.infer<typeof PromptKindSchema>;

/** The values a prompt may name, written as {name} in its text. */
export const PROMPT_PLACEHOLDERS = ['customer.name', 'queue.name', 'queue.position', 'queue.estimatedWait', 'queue.openingHours'] as const;
export type PromptPlaceholder = (typeof PROMPT_PLACEHOLDERS)[number];

export const PROMPT_TEXT_MAX_LENGTH = 1000;

export const PromptSettingSchema = z
  .object({
    enabled: z.boolean(),
    text: text()
      .trim()
      .max(PROMPT_TEXT_MAX_LENGTH, `A prompt can be at most ${PROMPT_TEXT_MAX_LENGTH} characters`),
  })
  // A switched-off prompt may keep an empty text; one that is on must say something.
  .check(z.refine((p) => !p.enabled || p.text !== '', { path: ['text'], message: 'Write the prompt, or switch it off' }));
export type PromptSetting = z.infer<typeof PromptSettingSchema>;

/** A queue's prompts: one setting per kind. */
export const QueuePromptsSchema = z.object(
  Object.fromEntries(PROMPT_KINDS.map((kind) => [kind, PromptSettingSchema])) as Record<PromptKind, typeof PromptSettingSchema>,
);
export type QueuePrompts = z.infer<typeof QueuePromptsSchema>;

/**
 * What each prompt says until an admin changes it. A line naming a value that is not known at
 * the time (no estimate yet, no opening hours) is left out when rendered. Welcome, in queue and
 * closing add lines to every conversation, so they start switched off (their texts ready): the
 * admin switches them on per queue. The others replace fixed texts or come with features the
 * admin turns on (opening hours, a queue limit, inactivity), so they start on.
 */
export const DEFAULT_PROMPTS: QueuePrompts = {
  welcome: { enabled: false, text: 'Hello {customer.name}, thank you for contacting {queue.name}. An agent will be with you shortly.' },
  inQueue: { enabled: false, text: 'You are number {queue.position} in the queue.\nEstimated wait about {queue.estimatedWait}.' },
  queueFull: { enabled: true, text: 'Sorry, all our agents are busy and the queue is full. Please try again later.' },
  serviceClosed: { enabled: true, text: 'We are closed right now.\nOpening hours: {queue.openingHours}' },
  idleWarning: { enabled: true, text: 'Are you still there? This chat will end soon if there is no new message.' },
  endedByInactivity: { enabled: true, text: 'This chat has ended because there were no new messages for a while.' },
  agentSessionLost: { enabled: true, text: 'Your agent lost their connection. The next available agent will continue with you.' },
  transferred: { enabled: true, text: 'You are being transferred to the {queue.name} team.' },
  closing: { enabled: false, text: 'This chat has ended. Thank you for contacting {queue.name}.' },
};

/** Admin screens: a queue's prompts with the placeholders they may use. */
export const QueuePromptsResponseSchema = z.object({ queueId: z.string(), prompts: QueuePromptsSchema });
export type QueuePromptsResponse = z.infer<typeof QueuePromptsResponseSchema>;

/** PUT replaces every prompt of the queue. */
export const SaveQueuePromptsRequestSchema = z.object({ prompts: QueuePromptsSchema });
export type SaveQueuePromptsRequest = z.infer<typeof SaveQueuePromptsRequestSchema>;
