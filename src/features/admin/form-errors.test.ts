import { afterEach, describe, expect, it } from 'vitest';
import { SaveQueueRequestSchema } from '../../contract/admin';
import { QUEUE_NAME_MAX_LENGTH } from '../../contract/limits';
import { ApiRequestError } from '../../lib/api-client';
import { activate } from '../../lib/i18n';
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

  describe('in another language', () => {
    afterEach(() => activate('en'));
    const tooLong = { name: 'x'.repeat(QUEUE_NAME_MAX_LENGTH + 1), address: 'q@acme.example', routingMode: 'pick', agentIds: [] };

    it('says the contract’s refusal before sending in the reader’s language, naming the limit', async () => {
      await activate('de');
      const result = SaveQueueRequestSchema.safeParse(tooLong);
      expect(zodFieldErrors(result.error!, FIELDS)).toEqual({ name: `Höchstens ${QUEUE_NAME_MAX_LENGTH} Zeichen.` });
      await activate('fi');
      expect(zodFieldErrors(SaveQueueRequestSchema.safeParse({ ...tooLong, name: ' ' }).error!, FIELDS)).toEqual({ name: 'Täytä tämä kenttä.' });
    });

    it('says the server’s refusal the same way, from its fieldIssues; a field without one keeps the English', async () => {
      await activate('de');
      const err = new ApiRequestError(400, 'invalid_request', 'x', {
        code: 'invalid_request',
        message: 'name: At most 60 characters',
        fields: { name: 'At most 60 characters', address: 'A queue already uses this address' },
        fieldIssues: { name: { code: 'too_long', maximum: 60 } },
      });
      expect(apiFormErrors(err, FIELDS).fields).toEqual({ name: 'Höchstens 60 Zeichen.', address: 'A queue already uses this address' });
    });

    it('falls back to English sentences where a partial catalog (Arabic) has none', async () => {
      await activate('ar');
      expect(zodFieldErrors(SaveQueueRequestSchema.safeParse({ ...tooLong, agentIds: 'x' }).error!, FIELDS).agentIds).toBe('هذه القيمة غير صالحة.');
      expect(zodFieldErrors(SaveQueueRequestSchema.safeParse({ ...tooLong, name: 'ok', address: 'no' }).error!, FIELDS).address).toBe(
        'Enter an email address like name@example.com.',
      );
    });
  });
});
