import type { Rating } from '../contract/customer-chat';

/** The audit trail's line for a survey answer; the server and the mocks write the same. */
export function ratingAuditSummary(r: Pick<Rating, 'rating' | 'comment'>): string {
  return `Rated the chat ${r.rating} of 5${r.comment ? `: “${r.comment}”` : ''}`;
}
