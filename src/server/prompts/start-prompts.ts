import type { Sql } from '../db/database';
import { postPrompt } from './post-prompt';

/**
 * What a new conversation's customer reads first, after their own first message: the queue's
 * welcome, then where they stand in line (in queue). Inside the transaction that starts it.
 */
export async function postStartPrompts(tx: Sql, conversationId: string): Promise<void> {
  await postPrompt(tx, conversationId, 'welcome');
  await postPrompt(tx, conversationId, 'inQueue');
}
