import type { z } from 'zod';
import { fieldIssueOf, type FieldIssue } from '../contract/field-issue';
import { ApiRequestError } from './http';
import { activeLanguage, localize, S } from './i18n';
import en from '../locales/en/field-issue-strings.json';

/** Why a form field was refused, by the contract's reason code (src/contract/field-issue.ts), naming its limit. */
export const fieldIssueStrings = /* @__PURE__ */ localize('fieldIssue', en, {
  required: S,
  too_short: (minimum: number) => ({ minimum }),
  too_long: (maximum: number) => ({ maximum }),
  too_few: (minimum: number) => ({ minimum }),
  too_many: (maximum: number) => ({ maximum }),
  too_small: (minimum: number) => ({ minimum }),
  too_big: (maximum: number) => ({ maximum }),
  not_integer: S,
  invalid_email: S,
  invalid_format: S,
  invalid_value: S,
  invalid: S,
  taken: S,
  unknown_choice: S,
  not_allowed: S,
  too_weak: S,
});

/**
 * A field problem for the reader. English shows the contract's own sentence where there is one
 * (`english`: the server's `fields`, or the zod issue's message), which is often more specific
 * ("Enter a name", "A shortcut can be at most 30 characters"), as localizedError does for whole
 * refusals; any other language says the reason and its limit from the catalog.
 */
export function fieldIssueMessage(issue: FieldIssue, english?: string): string {
  if (english && activeLanguage() === 'en') return english;
  const s = fieldIssueStrings;
  switch (issue.code) {
    case 'too_short':
    case 'too_few':
    case 'too_small':
      return issue.minimum === undefined ? s.invalid : s[issue.code](issue.minimum);
    case 'too_long':
    case 'too_many':
    case 'too_big':
      return issue.maximum === undefined ? s.invalid : s[issue.code](issue.maximum);
    default:
      return s[issue.code];
  }
}

/** Each issue of a contract check as path and message in the reader's language. */
export const zodIssueMessages = (error: z.ZodError) =>
  error.issues.map((i): [path: string, message: string] => [i.path.map(String).join('.'), fieldIssueMessage(fieldIssueOf(i), i.message)]);

/** A 400's field messages as path and message, in the reader's language where `fieldIssues` says why. */
export function refusalFieldMessages(err: unknown): [path: string, message: string][] {
  const body = err instanceof ApiRequestError ? err.body : undefined;
  return Object.entries(body?.fields ?? {}).map(([path, english]) => {
    const issue = body?.fieldIssues?.[path];
    return [path, issue ? fieldIssueMessage(issue, english) : english];
  });
}
