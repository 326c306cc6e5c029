import type { User } from '../../contract/auth';
import type { PersonRef } from '../../contract/conversations';
import type { MentionCandidate } from '../../contract/notes';
import { canView, type ConversationFacts } from '../../domain/conversation-rules';
import { USER_COLUMNS, userFromRow } from '../auth/principal';
import type { Sql } from '../db/database';
import { typed } from '../db/kysely';
import { ApiError } from '../http/api-error';

type Facts = Pick<ConversationFacts, 'queueId' | 'agentId' | 'reservedForId'>;

/** Active staff members (all of them, or those named), as the domain's visibility rule needs them. */
async function activeStaff(db: Sql, ids?: readonly string[]): Promise<User[]> {
  let query = typed(db)
    .selectFrom('users as u')
    .select(USER_COLUMNS)
    .where('u.disabled', '=', false)
    .orderBy('u.display_name');
  if (ids) query = query.where('u.id', 'in', [...ids]);
  return (await query.execute()).map(userFromRow);
}

/**
 * Everyone but the writer, each saying whether they may see the conversation: the composer offers
 * the ones who may and explains why the others cannot be mentioned. Names and roles of colleagues
 * are no secret among staff; the conversation's content is, and it goes to nobody here.
 */
export async function mentionCandidates(db: Sql, writer: User, facts: Facts): Promise<MentionCandidate[]> {
  const staff = await activeStaff(db);
  return staff
    .filter((u) => u.id !== writer.id)
    .map((u) => ({ id: u.id, displayName: u.displayName, role: u.role, mayView: canView(u, facts) }));
}

/**
 * The mentioned users as the note stores them, or 422 naming the first who may not see the
 * conversation (or is unknown or disabled): a mention notifies, and a notification about a
 * conversation must never reach someone it is hidden from. The writer mentioning themself is dropped.
 */
export async function checkMentions(tx: Sql, writer: User, facts: Facts, ids: readonly string[]): Promise<PersonRef[]> {
  const wanted = [...new Set(ids.map((id) => id.toLowerCase()))].filter((id) => id !== writer.id);
  if (wanted.length === 0) return [];
  const found = new Map((await activeStaff(tx, wanted)).map((u) => [u.id, u]));
  const mentions: PersonRef[] = [];
  for (const id of wanted) {
    const user = found.get(id);
    if (!user) throw new ApiError(422, 'mention_not_allowed', 'A mentioned person is not an active staff member.');
    if (!canView(user, facts)) {
      throw new ApiError(422, 'mention_not_allowed', `${user.displayName} cannot see this conversation, so they cannot be mentioned in its notes.`);
    }
    mentions.push({ id: user.id, displayName: user.displayName });
  }
  return mentions;
}
