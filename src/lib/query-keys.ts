import type { ConversationView } from '../contract/conversations';

/** Every query key of the SPA, built in one place so invalidations never retype them. */
export const queryKeys = {
  session: () => ['session'] as const,
  setup: () => ['setup'] as const,
  queues: () => ['queues'] as const,
  transferTargets: () => ['transfer-targets'] as const,
  attachmentPolicy: () => ['attachment-policy'] as const,
  settings: () => ['settings'] as const,
  conversations: {
    all: () => ['conversations'] as const,
    lists: () => ['conversations', 'list'] as const,
    list: (view: ConversationView) => ['conversations', 'list', view] as const,
    detail: (id: string) => ['conversations', id] as const,
    messages: (id: string) => ['conversations', id, 'messages'] as const,
    notes: (id: string) => ['conversations', id, 'notes'] as const,
    history: (id: string, order: 'newest' | 'oldest') => ['conversations', id, 'history', order] as const,
    earlier: (id: string) => ['conversations', id, 'earlier'] as const,
    transfers: (id: string) => ['conversations', id, 'transfers'] as const,
    draft: (id: string) => ['conversations', id, 'draft'] as const,
    handled: (filters: { search: string; sort: string; order: string }) => ['conversations', 'handled', filters] as const,
  },
  webchat: {
    queues: () => ['webchat', 'queues'] as const,
    all: (token: string) => ['webchat', token] as const,
    attachmentPolicy: (token: string) => ['webchat', token, 'attachment-policy'] as const,
    conversation: (token: string) => ['webchat', token, 'conversation'] as const,
    messages: (token: string) => ['webchat', token, 'messages'] as const,
  },
};
