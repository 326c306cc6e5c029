import { AttachmentDownloadQuerySchema, AttachmentPolicyResponseSchema, FileBytesSchema, UploadAttachmentResponseSchema } from './attachments';
import { FileParamsSchema } from './path-params';
import { MessagePageQuerySchema, MessagePageSchema, SendMessageRequestSchema, SendMessageResponseSchema } from './messages';
import type { RouteDef } from './route-def';
import { CustomerConversationResponseSchema, PublicQueueListSchema, StartChatRequestSchema, StartChatResponseSchema } from './webchat';
import { webchatRoutes as at } from './webchat-routes';

/**
 * The customers' routes, part of `api` (api.ts), which the server registers and the OpenAPI
 * document lists: their addresses (webchat-routes.ts, which the web chat calls) with their schemas.
 * The web chat never imports this file, nor api.ts, which would bring every staff schema too.
 */
export const webchatApi = {
  webchatQueues: { ...at.webchatQueues, response: PublicQueueListSchema },
  webchatStart: { ...at.webchatStart, body: StartChatRequestSchema, response: StartChatResponseSchema },
  webchatConversation: { ...at.webchatConversation, response: CustomerConversationResponseSchema },
  webchatMessages: { ...at.webchatMessages, query: MessagePageQuerySchema, response: MessagePageSchema },
  webchatSend: { ...at.webchatSend, body: SendMessageRequestSchema, response: SendMessageResponseSchema },
  webchatAttachmentPolicy: { ...at.webchatAttachmentPolicy, response: AttachmentPolicyResponseSchema },
  webchatUploadAttachment: { ...at.webchatUploadAttachment, bodyFormat: 'multipart', response: UploadAttachmentResponseSchema },
  webchatDownloadAttachment: { ...at.webchatDownloadAttachment, params: FileParamsSchema, query: AttachmentDownloadQuerySchema, response: FileBytesSchema, responseFormat: 'binary' },
} as const satisfies Record<string, RouteDef>;
