import { describe, expect, it } from 'vitest';
import { SaveQueueRequestSchema } from '../../contract/admin';
import { ApiRequestError } from '../../lib/api-client';
import { apiFormErrors, zodFieldErrors } from './form-errors';

const FIELDS = ['name', 'address', 'routingMode', 'agentIds'] as const;

describe('form errors', () => {
  it('puts the contract’s messages on the fields, first message per field', () => {
    const result = SaveQueueRequestSchema.safeParse({ name: ' ', address: 'nope', routingMode: 'pick', agentIds: ['a', 'a'] });
    expect(result.success).toBe(false);
    expect(zodFieldErrors(result.error!, FIELDS)).toEqual({
      name: 'Enter a name',
      address: 'Enter an address like support@example.com',
      agentIds: 'Each agent can be listed once',
    });
  });

  it('shows a 400’s field messages on the fields and nothing above the form', () => {
    const err = new ApiRequestError(400, 'invalid_request', 'name: Taken', {
      code: 'invalid_request',
      message: 'name: Taken',
      fields: { name: 'A queue with this name exists', 'agentIds.1': 'Unknown agent' },
    });
    expect(apiFormErrors(err, FIELDS)).toEqual({ fields: { name: 'A queue with this name exists', agentIds: 'Unknown agent' }, form: null });
  });

  it('shows a conflict, or fields the form does not have, above the form', () => {
    const conflict = new ApiRequestError(409, 'invalid_request', 'That username is taken.', { code: 'invalid_request', message: 'That username is taken.' });
    expect(apiFormErrors(conflict, FIELDS)).toEqual({ fields: {}, form: 'That username is taken.' });
    const elsewhere = new ApiRequestError(400, 'invalid_request', 'body: Bad', { code: 'invalid_request', message: 'body: Bad', fields: { body: 'Bad' } });
    expect(apiFormErrors(elsewhere, FIELDS).form).toBe('body: Bad');
    expect(apiFormErrors(new Error('boom'), FIELDS).form).toBe('Something went wrong. Please try again.');
  });
});
