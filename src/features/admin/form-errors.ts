import type { z } from 'zod';
import { errorMessage } from '../../lib/api-client';
import { refusalFieldMessages, zodIssueMessages } from '../../lib/field-issue-strings';

/** Messages per form field, keyed by the body's top-level field name. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** The first message per top-level field (`agentIds.2` counts as `agentIds`). */
function byField<F extends string>(entries: Iterable<[path: string, message: string]>, known: readonly F[]) {
  const fields: FieldErrors<F> = {};
  const unplaced: string[] = [];
  for (const [path, message] of entries) {
    const field = path.split('.')[0] as F;
    if (known.includes(field)) fields[field] ??= message;
    else unplaced.push(message);
  }
  return { fields, unplaced };
}

/**
 * What the contract says is wrong with a form's body, per field, before anything is sent: the
 * same reason and words as the server's refusal of that body (fieldIssueOf on both sides).
 */
export function zodFieldErrors<F extends string>(error: z.ZodError, known: readonly F[]): FieldErrors<F> {
  return byField(zodIssueMessages(error), known).fields;
}


/**
 * Splits the server's refusal into messages for the form's fields (a 400's `fields`, in the
 * reader's language where `fieldIssues` says why) and one for the whole form: a conflict (409), a
 * refusal without fields, or fields this form does not show.
 */
export function apiFormErrors<F extends string>(err: unknown, known: readonly F[]): { fields: FieldErrors<F>; form: string | null } {
  const { fields, unplaced } = byField(refusalFieldMessages(err), known);
  const placed = Object.keys(fields).length > 0;
  return { fields, form: placed && unplaced.length === 0 ? null : errorMessage(err) };
}
