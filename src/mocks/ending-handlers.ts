import type { HttpHandler } from 'msw';
import type { RouteName } from '../contract/api';
import type { RatingFigure, RatingStats } from '../contract/customer-chat';
import { messageFor } from '../contract/messages';
import { toCustomerConversation } from '../contract/webchat';
import { renderTranscript } from '../domain/transcript';
import { byName, ownConversation, systemMessage, viewConversation } from './access';
import { appendMessage, messagesOf, mockData, toConversation, type MockRating } from './data';
import { publish, scopeOf } from './event-log';
import { MockApiError } from './mock-errors';
import { route } from './route';
import { requireCustomer, requireStaff } from './sessions';

/** The chat's end, as src/server/webchat/chat-ending.ts, rating-routes.ts and supervision/rating-stats.ts. */

type EndingRoute = 'webchatFormSettings' | 'webchatEnd' | 'webchatTranscript' | 'webchatSurvey' | 'webchatRate' | 'conversationRating' | 'ratingStats';

const DAY_MS = 86_400_000;
const rating = (r: MockRating) => ({ rating: r.rating, comment: r.comment, at: r.at });

function figure(ratings: MockRating[]): RatingFigure {
  if (ratings.length === 0) return { average: null, count: 0 };
  const avg = ratings.reduce((sum, r) => sum + r.rating, 0) / ratings.length;
  return { average: Math.round(avg * 100) / 100, count: ratings.length };
}

/** Grouped as the server's GROUPING SETS: only queues and agents with a rating in the week. */
function stats(today: number): RatingStats {
  const week = [...mockData.ratings.values()].filter((r) => Date.parse(r.at) >= Math.min(today, Date.now() - 7 * DAY_MS));
  const periods = (of: MockRating[]) => ({ today: figure(of.filter((r) => Date.parse(r.at) >= today)), week: figure(of) });
  const queues = mockData.queues
    .filter((q) => week.some((r) => r.queueId === q.id))
    .map((q) => ({ queue: { id: q.id, name: q.name }, ...periods(week.filter((r) => r.queueId === q.id)) }));
  const agents = mockData.users
    .filter((u) => week.some((r) => r.agentId === u.id))
    .map((u) => ({ agent: { id: u.id, displayName: u.displayName }, ...periods(week.filter((r) => r.agentId === u.id)) }));
  const order = (a: string, b: string) => byName({ name: a }, { name: b });
  return { queues: queues.sort((a, b) => order(a.queue.name, b.queue.name)), agents: agents.sort((a, b) => order(a.agent.displayName, b.agent.displayName)) };
}

export const endingHandlers: { [R in EndingRoute]: HttpHandler } = {
  webchatFormSettings: route('webchatFormSettings', () => ({ emailRequired: mockData.settings.customerChat.emailRequired })),

  webchatEnd: route('webchatEnd', (ctx) => {
    const { conversationId } = requireCustomer(ctx);
    const record = ownConversation(conversationId);
    if (record.state === 'ended') throw new MockApiError(409, 'conversation_ended', 'This chat has already ended.');
    const name = toConversation(record).customer.name;
    Object.assign(record, { state: 'ended', endedAt: new Date().toISOString(), endedBy: 'customer', endReason: null });
    const line = appendMessage(record.id, systemMessage(`${name} left the chat.`));
    const conversation = toConversation(record);
    publish(scopeOf(record), { type: 'message.created', message: line });
    publish(scopeOf(record), { type: 'conversation.ended', conversation });
    return { conversation: toCustomerConversation(conversation) };
  }),

  webchatTranscript: route('webchatTranscript', (ctx) => {
    const { conversationId } = requireCustomer(ctx);
    const record = ownConversation(conversationId);
    const messages = messagesOf(record.id).map((m) => messageFor(structuredClone(m), { kind: 'customer' }));
    return renderTranscript(toCustomerConversation(toConversation(record)), messages);
  }),

  webchatSurvey: route('webchatSurvey', (ctx) => {
    const { conversationId } = requireCustomer(ctx);
    const answer = mockData.ratings.get(conversationId);
    return { enabled: mockData.settings.customerChat.surveyEnabled, answer: answer ? rating(answer) : null };
  }),

  webchatRate: route('webchatRate', (ctx) => {
    const { conversationId } = requireCustomer(ctx);
    if (!mockData.settings.customerChat.surveyEnabled) throw new MockApiError(409, 'survey_off', 'The satisfaction survey is switched off.');
    const record = ownConversation(conversationId);
    if (record.state !== 'ended') throw new MockApiError(409, 'conversation_open', 'You can rate the chat once it has ended.');
    if (mockData.ratings.has(record.id)) throw new MockApiError(409, 'already_rated', 'You have already rated this chat. Thank you!');
    const answer: MockRating = {
      rating: ctx.body.rating,
      comment: ctx.body.comment || null,
      at: new Date().toISOString(),
      queueId: record.queueId,
      agentId: record.agentId,
    };
    mockData.ratings.set(record.id, answer);
    publish(scopeOf(record), { type: 'conversation.rated', conversationId: record.id, rating: rating(answer) });
    ctx.setStatus(201);
    return { rating: rating(answer) };
  }),

  conversationRating: route('conversationRating', (ctx) => {
    const { user } = requireStaff(ctx);
    const record = viewConversation(user, ctx.params.id);
    const answer = mockData.ratings.get(record.id);
    return { rating: answer ? rating(answer) : null };
  }),

  ratingStats: route('ratingStats', (ctx) => {
    const { user } = requireStaff(ctx);
    if (user.role === 'agent') throw new MockApiError(403, 'forbidden', 'Only supervisors and admins can do this.');
    return stats(Date.parse(ctx.query.today));
  }),
} satisfies Partial<Record<RouteName, HttpHandler>>;

