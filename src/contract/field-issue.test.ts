import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SaveQueueRequestSchema } from './admin';
import { ApiErrorSchema } from './errors';
import { fieldIssueOf, fieldIssuesOf } from './field-issue';
import { QUEUE_NAME_MAX_LENGTH } from './limits';

const issuesOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a refusal');
  return fieldIssuesOf(result.error.issues, input, 'body').fieldIssues;
};

describe('field issues: a zod issue as a reason code and its limit', () => {
  const schema = z.object({
    name: z.string().trim().min(1, 'Enter a name').max(5),
    code: z.string().min(3).optional(),
    email: z.email().optional(),
    pattern: z.string().regex(/^[a-z]+$/).optional(),
    tags: z.array(z.string()).min(1).max(2).optional(),
    count: z.number().int().min(1).max(10).optional(),
    mode: z.enum(['pick', 'offer']).optional(),
    unique: z
      .array(z.string())
      .refine((l) => new Set(l).size === l.length, 'Each once')
      .optional(),
  });

  it('tells missing and empty (required) from too short and too long, with the limit', () => {
    expect(issuesOf(schema, {})).toEqual({ name: { code: 'required' } });
    expect(issuesOf(schema, { name: '   ' })).toEqual({ name: { code: 'required' } });
    expect(issuesOf(schema, { name: 'abcdef', code: 'ab' })).toEqual({ name: { code: 'too_long', maximum: 5 }, code: { code: 'too_short', minimum: 3 } });
  });

  it('names formats, lists, numbers and choices', () => {
    expect(issuesOf(schema, { name: 'a', email: 'nope', pattern: 'A1', tags: [], count: 0, mode: 'random' })).toEqual({
      email: { code: 'invalid_email' },
      pattern: { code: 'invalid_format' },
      tags: { code: 'too_few', minimum: 1 },
      count: { code: 'too_small', minimum: 1 },
      mode: { code: 'invalid_value' },
    });
    expect(issuesOf(schema, { name: 'a', tags: ['a', 'b', 'c'], count: 11 })).toEqual({ tags: { code: 'too_many', maximum: 2 }, count: { code: 'too_big', maximum: 10 } });
    expect(issuesOf(schema, { name: 'a', count: 1.5 })).toEqual({ count: { code: 'not_integer' } });
  });

  it('calls the contract’s own rules and wrong types just invalid (their English message says more)', () => {
    expect(issuesOf(schema, { name: 'a', unique: ['x', 'x'] })).toEqual({ unique: { code: 'invalid' } });
    expect(issuesOf(schema, { name: 42 })).toEqual({ name: { code: 'invalid' } });
  });

  it('keeps the first issue of each path, its English message beside the reason, and fits the error contract', () => {
    const input = { name: 'x'.repeat(QUEUE_NAME_MAX_LENGTH + 1), address: 'no', routingMode: 'pick', agentIds: [] };
    const result = SaveQueueRequestSchema.safeParse(input);
    expect(result.success).toBe(false);
    const { fields, fieldIssues } = fieldIssuesOf(result.error!.issues, input, 'body');
    expect(fields.name).toBe(`At most ${QUEUE_NAME_MAX_LENGTH} characters`);
    expect(fieldIssues.name).toEqual({ code: 'too_long', maximum: QUEUE_NAME_MAX_LENGTH });
    expect(Object.keys(fieldIssues)).toEqual(Object.keys(fields));
    expect(ApiErrorSchema.safeParse({ code: 'invalid_request', message: 'name: too long', fields, fieldIssues }).success).toBe(true);
  });

  it('reads a value zod reports on the issue before looking into the input', () => {
    const issue: z.core.$ZodIssue = { code: 'invalid_type', expected: 'string', input: undefined, path: ['name'], message: 'x' };
    expect(fieldIssueOf(issue, { name: 'present' })).toEqual({ code: 'required' });
  });
});
