import { z } from 'zod';
import { PersonRefSchema, QueueRefSchema } from './conversations';
import { text } from './text';

/**
 * The customers' side of a chat's end (issue 16): the admin's web-chat settings, the customer
 * ending the chat, the transcript, the satisfaction survey and its figures for supervisors.
 */

/** The shortest idle warning delay and end delay: short enough for a test, never zero by mistake. */
export const IDLE_MIN_SECONDS = 5;
export const IDLE_MAX_SECONDS = 86_400;
export const RATING_COMMENT_MAX_LENGTH = 1000;

const idleSeconds = (what: string) =>
  z
    .number()
    .int('Whole seconds only')
    .min(0, 'At least 0 (0 turns it off)')
    .max(IDLE_MAX_SECONDS, 'At most 86400 seconds (24 hours)')
    .refine((v) => v === 0 || v >= IDLE_MIN_SECONDS, `${what}: at least ${IDLE_MIN_SECONDS} seconds, or 0 to turn it off`);

export const CustomerChatSettingsSchema = z.object({
  /** After the end, customers are asked for a rating (1–5) and an optional comment. */
  surveyEnabled: z.boolean(),
  /** The web chat's start form requires an email address (optional otherwise). */
  emailRequired: z.boolean(),
  /** Seconds without a message from either side before the idle warning; 0: no inactivity handling. */
  idleWarningSeconds: idleSeconds('Idle warning'),
  /** Seconds after the warning, still without a message, before the conversation ends; 0: never ends. */
  idleEndSeconds: idleSeconds('End after the warning'),
});
export type CustomerChatSettings = z.infer<typeof CustomerChatSettingsSchema>;

export const DEFAULT_CUSTOMER_CHAT_SETTINGS: CustomerChatSettings = {
  surveyEnabled: false,
  emailRequired: false,
  idleWarningSeconds: 0,
  idleEndSeconds: 0,
};

/** What the web chat's start form must know before a chat exists (public). */
export const WebchatFormSettingsSchema = z.object({ emailRequired: z.boolean() });

/** A customer's answer to the survey. */
export const RatingValueSchema = z.number().int('A whole number from 1 to 5').min(1, 'From 1 to 5').max(5, 'From 1 to 5');
export const RateChatRequestSchema = z.object({
  rating: RatingValueSchema,
  comment: text().trim().max(RATING_COMMENT_MAX_LENGTH, `At most ${RATING_COMMENT_MAX_LENGTH} characters`).optional(),
});
export type RateChatRequest = z.input<typeof RateChatRequestSchema>;

export const RatingSchema = z.object({ rating: RatingValueSchema, comment: z.string().nullable(), at: z.iso.datetime() });
export type Rating = z.infer<typeof RatingSchema>;

/** The survey as the customer's page sees it: whether to ask, and their answer once given. */
export const SurveyStateSchema = z.object({ enabled: z.boolean(), answer: RatingSchema.nullable() });
export type SurveyState = z.infer<typeof SurveyStateSchema>;
export const RatingResponseSchema = z.object({ rating: RatingSchema });

/** The transcript: plain text (never HTML), the messages with their times and authors. */
export const TranscriptSchema = z.object({ fileName: z.string(), text: z.string() });
export type Transcript = z.infer<typeof TranscriptSchema>;

/** An average rating and how many ratings it is made of; average null when there are none. */
export const RatingFigureSchema = z.object({ average: z.number().nullable(), count: z.number().int().nonnegative() });
export type RatingFigure = z.infer<typeof RatingFigureSchema>;
const periods = { today: RatingFigureSchema, week: RatingFigureSchema };
/** Supervisors: ratings per queue and per agent, since `today` (the reader's day start) and over the last 7 days. */
export const RatingStatsQuerySchema = z.object({ today: text().pipe(z.iso.datetime({ offset: true })) });
export const RatingStatsSchema = z.object({
  queues: z.array(z.object({ queue: QueueRefSchema, ...periods })),
  agents: z.array(z.object({ agent: PersonRefSchema, ...periods })),
});
export type RatingStats = z.infer<typeof RatingStatsSchema>;
