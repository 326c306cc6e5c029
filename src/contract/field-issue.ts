import type { z } from 'zod';

/*
 * A field problem in words a program can read: why a field of a request was refused, and the limit
 * it broke. The server sends one per field beside the English `fields` (ApiErrorSchema), and the
 * admin forms derive the same from their own zod check before sending, so a refusal reads the
 * same in the user's language whichever side found it (src/lib/field-issue-strings.ts).
 * Only types from zod here: the mapping runs in the client without pulling zod in by itself.
 */

/** The reasons, a small fixed set derived from zod's issue codes. */
export const FIELD_ISSUE_CODES = [
  /** Missing, or an empty text where one is needed. */
  'required',
  /** A text shorter than `minimum` characters / longer than `maximum`. */
  'too_short',
  'too_long',
  /** A list with fewer than `minimum` items / more than `maximum`. */
  'too_few',
  'too_many',
  /** A number below `minimum` / above `maximum`, or not a whole number. */
  'too_small',
  'too_big',
  'not_integer',
  'invalid_email',
  /** A text not in the expected form (a pattern, a URL, an id). */
  'invalid_format',
  /** Not one of the values allowed here. */
  'invalid_value',
  /** Anything else (the contract's own rule, a value of the wrong type): the English message says which. */
  'invalid',
  /** Refused by the server's rules after the schema: the name (username, address, shortcut) is another's. */
  'taken',
  /** A chosen item (a queue, an agent) does not exist, or no longer. */
  'unknown_choice',
  /** A rule of the workspace forbids it (one's own account, the last admin, a role that cannot). */
  'not_allowed',
  /** A password too easy to guess (the server's strength check). */
  'too_weak',
] as const;
/** The reasons the server's own rules give (fieldError): the schema never produces them. */
export type RuleIssueCode = 'taken' | 'unknown_choice' | 'not_allowed' | 'too_weak';
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

export interface FieldIssue {
  code: FieldIssueCode;
  minimum?: number;
  maximum?: number;
}

/** `fieldIssueOf` without the checked input. */
const NOT_GIVEN: unique symbol = Symbol('not given');

type Limit = number | bigint | Date;
/** A limit as a plain number (dates as milliseconds); undefined for none. */
const limit = (value: Limit | undefined) => (value === undefined ? undefined : Number(value instanceof Date ? value.getTime() : value));

/** The value at `path` inside `root`, where zod did not report it on the issue. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The reason for one zod issue. `input` is the whole value that was checked: zod does not repeat
 * a missing field's value on its issue, so whether a field was missing (rather than of a wrong
 * type) is read there; without it, a value of the wrong type and a missing one are both `invalid`.
 */
export function fieldIssueOf(issue: z.core.$ZodIssue, input: unknown = NOT_GIVEN): FieldIssue {
  switch (issue.code) {
    case 'invalid_type': {
      const value = 'input' in issue ? issue.input : input === NOT_GIVEN ? NOT_GIVEN : valueAt(input, issue.path);
      if (value === undefined || value === null) return { code: 'required' };
      return issue.expected === 'int' && typeof value === 'number' ? { code: 'not_integer' } : { code: 'invalid' };
    }
    case 'too_small': {
      const minimum = limit(issue.minimum);
      if (issue.origin === 'string') return minimum === 1 ? { code: 'required' } : { code: 'too_short', minimum };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_few', minimum };
      return { code: 'too_small', minimum };
    }
    case 'too_big': {
      const maximum = limit(issue.maximum);
      if (issue.origin === 'string') return { code: 'too_long', maximum };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_many', maximum };
      return { code: 'too_big', maximum };
    }
    case 'invalid_format':
      return { code: issue.format === 'email' ? 'invalid_email' : 'invalid_format' };
    case 'invalid_value':
    case 'invalid_union':
      return { code: 'invalid_value' };
    default:
      return { code: 'invalid' };
  }
}

/** A body's problems per field path (`agentIds.2`; `what` for the body itself): the first issue of each path. */
export function fieldIssuesOf(issues: readonly z.core.$ZodIssue[], input: unknown, what: string) {
  const fields: Record<string, string> = {};
  const fieldIssues: Record<string, FieldIssue> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || what;
    if (key in fields) continue;
    fields[key] = issue.message;
    fieldIssues[key] = fieldIssueOf(issue, input);
  }
  return { fields, fieldIssues };
}
