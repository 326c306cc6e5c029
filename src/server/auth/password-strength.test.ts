import { describe, expect, it } from 'vitest';
import { AdminUserResponseSchema } from '../../contract/admin';
import { LoginResponseSchema } from '../../contract/auth';
import { passwordProblem, type PasswordEstimator } from '../../contract/password-rule';
import { describeEachBackend } from '../test-support/databases';
import { useTestServer } from '../test-support/test-server';

describeEachBackend('Password rule on setup', (backend) => {
  const server = useTestServer(backend, { seed: false });

  it('refuses a common password and one containing the username or the name, on the field', async () => {
    const admin = { username: 'root.admin', displayName: 'Margarethe Root' };
    const cases: [string, RegExp][] = [
      ['password1234', /Too easy to guess/],
      ['qwertyuiop123', /Too easy to guess/],
      ['xx-root.admin-xx', /username/],
      ['margarethe-is-the-boss', /name/],
    ];
    for (const [password, message] of cases) {
      const error = (await server.post('/api/setup', undefined, { ...admin, password })).expectError(400, 'invalid_request');
      expect(error.fields?.password, password).toMatch(message);
      expect(error.message).toBe(error.fields?.password);
    }
    (await server.post('/api/setup', undefined, { ...admin, password: 'violet-harbour-lantern' })).expect(200, LoginResponseSchema);
  });
});

describeEachBackend('Password rule on admin user changes', (backend) => {
  const server = useTestServer(backend);

  it('refuses weak passwords when an admin creates a user or resets a password', async () => {
    const adam = await server.staff('adam');
    const user = { username: 'nora', displayName: 'Nora Quist', role: 'agent', capacity: 3, queueIds: [] };
    for (const password of ['password1234', 'nora-password-x', 'quist-summer-sun']) {
      const error = (await server.post('/api/admin/users', adam, { ...user, password })).expectError(400, 'invalid_request');
      expect(error.fields?.password).toBeDefined();
    }
    const created = (await server.post('/api/admin/users', adam, { ...user, password: 'violet-harbour-lantern' })).expect(201, AdminUserResponseSchema);
    const reset = (password: string) => server.post(`/api/admin/users/${created.user.id}/password`, adam, { password });
    expect((await reset('iloveyou1234')).expectError(400, 'invalid_request').fields?.password).toMatch(/Too easy to guess/);
    expect((await reset('my-name-is-nora')).expectError(400, 'invalid_request').fields?.password).toMatch(/username/);
    (await reset('amber-quay-meadow')).expect(200, AdminUserResponseSchema);
  });
});

describe('The password rule', () => {
  const weakEstimate: PasswordEstimator = () => ({ score: 1, warning: 'This is a commonly used password.' });
  const strongEstimate: PasswordEstimator = () => ({ score: 4, warning: null });

  it('words its refusals the same wherever it runs', () => {
    expect(passwordProblem('whatever-it-is', {}, weakEstimate)).toBe('Too easy to guess: This is a commonly used password. Add more words or characters.');
    expect(passwordProblem('Anna.L-2024', { username: 'anna.l' }, strongEstimate)).toBe('Must not contain the username.');
    expect(passwordProblem('lindqvist-rules', { displayName: 'Anna Lindqvist' }, strongEstimate)).toBe('Must not contain the name of the person.');
    // Very short name parts are too common to forbid.
    expect(passwordProblem('bold-li-tower', { displayName: 'Li Wu' }, strongEstimate)).toBeNull();
  });
});
