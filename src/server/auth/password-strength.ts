import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { passwordProblem, type PasswordEstimator, type PasswordOwner } from '../../contract/password-rule';
import { ApiError } from '../http/api-error';

let factory: ZxcvbnFactory | undefined;

/** zxcvbn with the common and English dictionaries; built on first use (it takes a moment). */
const estimate: PasswordEstimator = (password, userInputs) => {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  const result = factory.check(password, userInputs);
  return { score: result.score, warning: result.feedback.warning };
};

/** Refuses a new password that is easy to guess or contains the owner's username or name: 400 on the field. */
export function requireStrongPassword(password: string, owner: PasswordOwner, field = 'password'): void {
  const problem = passwordProblem(password, owner, estimate);
  if (problem) throw new ApiError(400, 'invalid_request', problem, { fields: { [field]: problem }, fieldIssues: { [field]: { code: 'too_weak' } } });
}
