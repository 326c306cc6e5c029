import { AttachmentDownloadQuerySchema, AttachmentPolicyResponseSchema, FileBytesSchema, UploadAttachmentResponseSchema } from './attachments';
import { MessagePageQuerySchema, MessagePageSchema, SendMessageRequestSchema, SendMessageResponseSchema } from './messages';
import type { RouteDef } from './route-def';
import { CustomerConversationResponseSchema, PublicQueueListSchema, StartChatRequestSchema, StartChatResponseSchema } from './webchat';

/**
 * The customers' routes, part of `api` (api.ts), which the server registers and the OpenAPI
 * document lists. The web chat imports them from here: importing api.ts would bring every staff
 * schema into the customers' page.
 */
export const webchatApi = {
  webchatQueues: { method: 'GET', path: '/api/webchat/queues', access: 'public', response: PublicQueueListSchema },
  webchatStart: { method: 'POST', path: '/api/webchat/conversations', access: 'public', body: StartChatRequestSchema, response: StartChatResponseSchema },
  webchatConversation: { method: 'GET', path: '/api/webchat/conversation', access: 'customer', response: CustomerConversationResponseSchema },
  webchatMessages: { method: 'GET', path: '/api/webchat/messages', access: 'customer', query: MessagePageQuerySchema, response: MessagePageSchema },
  webchatSend: { method: 'POST', path: '/api/webchat/messages', access: 'customer', body: SendMessageRequestSchema, response: SendMessageResponseSchema },
  webchatAttachmentPolicy: { method: 'GET', path: '/api/webchat/attachments/policy', access: 'customer', response: AttachmentPolicyResponseSchema },
  webchatUploadAttachment: { method: 'POST', path: '/api/webchat/attachments', access: 'customer', bodyFormat: 'multipart', response: UploadAttachmentResponseSchema },
  webchatDownloadAttachment: { method: 'GET', path: '/api/webchat/attachments/:id', access: 'customer', query: AttachmentDownloadQuerySchema, response: FileBytesSchema, responseFormat: 'binary' },
} as const satisfies Record<string, RouteDef>;
