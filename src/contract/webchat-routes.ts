import type { z } from 'zod';
import type { RouteDef } from './route-def';
import type { customerChatApi } from './customer-chat-api';
import type { webchatApi } from './webchat-api';

/**
 * The customers' routes without their schemas: where each one is and who may call it. The web
 * chat calls them from here, so its first load carries no zod; webchat-api.ts adds the schemas
 * for the server, the OpenAPI document and the types below.
 */
export const webchatRoutes = {
  webchatQueues: { method: 'GET', path: '/api/webchat/queues', access: 'public' },
  webchatStart: { method: 'POST', path: '/api/webchat/conversations', access: 'public' },
  webchatConversation: { method: 'GET', path: '/api/webchat/conversation', access: 'customer' },
  webchatMessages: { method: 'GET', path: '/api/webchat/messages', access: 'customer' },
  webchatSend: { method: 'POST', path: '/api/webchat/messages', access: 'customer' },
  webchatAttachmentPolicy: { method: 'GET', path: '/api/webchat/attachments/policy', access: 'customer' },
  webchatUploadAttachment: { method: 'POST', path: '/api/webchat/attachments', access: 'customer' },
  webchatDownloadAttachment: { method: 'GET', path: '/api/webchat/attachments/:id', access: 'customer' },
  // The chat's end (issue 16; contract/customer-chat.ts).
  webchatFormSettings: { method: 'GET', path: '/api/webchat/form-settings', access: 'public' },
  webchatEnd: { method: 'POST', path: '/api/webchat/conversation/end', access: 'customer' },
  webchatTranscript: { method: 'GET', path: '/api/webchat/transcript', access: 'customer' },
  webchatSurvey: { method: 'GET', path: '/api/webchat/survey', access: 'customer' },
  webchatRate: { method: 'POST', path: '/api/webchat/survey', access: 'customer' },
} as const satisfies Record<string, Pick<RouteDef, 'method' | 'path' | 'access'>>;

export type WebchatRoute = keyof typeof webchatRoutes;

/** A customers' route's answer, as the server sends it (its schema's output). */
export type WebchatAnswer<K extends WebchatRoute> = z.output<(typeof webchatApi & typeof customerChatApi)[K]['response']>;
