import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import { viewConversation } from './access';
import { mockData } from './data';
import { publishUser } from './event-log';
import { route } from './route';
import { requireStaff } from './sessions';

/** Unsent text per user and conversation, as src/server/drafts. */

export const draftHandlers = {
  draft: route('draft', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id);
    return { draft: structuredClone(mockData.drafts.get(`${user.id}:${record.id}`)) ?? { text: '', updatedAt: null } };
  }),

  saveDraft: route('saveDraft', (ctx) => {
    const { user } = requireStaff(ctx);
    const conversationId = viewConversation(user, ctx.params.id).id;
    const key = `${user.id}:${conversationId}`;
    const draft = ctx.body.text === '' ? { text: '', updatedAt: null } : { text: ctx.body.text, updatedAt: new Date().toISOString() };
    if (draft.updatedAt === null) mockData.drafts.delete(key);
    else mockData.drafts.set(key, { text: draft.text, updatedAt: draft.updatedAt });
    publishUser(user.id, { type: 'draft.saved', conversationId, draft });
    return { draft: structuredClone(draft) };
  }),
} satisfies Partial<Record<RouteName, HttpHandler>>;
