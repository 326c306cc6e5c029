import { z } from 'zod';
import { RateChatRequestSchema, RatingResponseSchema, RatingSchema, SurveyStateSchema, TranscriptSchema, WebchatFormSettingsSchema } from './customer-chat';
import { ConversationParamsSchema } from './path-params';
import type { RouteDef } from './route-def';
import { CustomerConversationResponseSchema } from './webchat';
import { webchatRoutes as at } from './webchat-routes';

/**
 * The chat's end (issue 16): the customer's End chat, transcript and survey, and the rating for
 * staff. Apart from `api` (api.ts) so that the first loads that import api.ts do not carry their
 * schemas; the web chat calls them by name (webchat-routes.ts). all-routes.ts joins them.
 */
export const customerChatApi = {
  webchatFormSettings: { ...at.webchatFormSettings, response: WebchatFormSettingsSchema },
  webchatEnd: { ...at.webchatEnd, response: CustomerConversationResponseSchema },
  webchatTranscript: { ...at.webchatTranscript, response: TranscriptSchema },
  webchatSurvey: { ...at.webchatSurvey, response: SurveyStateSchema },
  webchatRate: { ...at.webchatRate, body: RateChatRequestSchema, response: RatingResponseSchema },
  conversationRating: { method: 'GET', path: '/api/conversations/:id/rating', access: 'staff', params: ConversationParamsSchema, response: z.object({ rating: RatingSchema.nullable() }) },
} as const satisfies Record<string, RouteDef>;
