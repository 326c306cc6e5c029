import { passwordProblem, type PasswordEstimator, type PasswordOwner } from '../contract/password-rule';

let estimator: Promise<PasswordEstimator> | undefined;

/** zxcvbn and its dictionaries (megabytes): loaded on the first check, never with the first page. */
function loadEstimator(): Promise<PasswordEstimator> {
  estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([{ ZxcvbnFactory }, common, en]) => {
      const factory = new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...en.dictionary },
        graphs: common.adjacencyGraphs,
        translations: en.translations,
      });
      return (password, userInputs) => {
        const result = factory.check(password, userInputs);
        return { score: result.score, warning: result.feedback.warning };
      };
    },
  );
  return estimator;
}

/**
 * The server's password rule, run in the browser before a form is sent, with the same words.
 * When the dictionaries cannot load (offline), it answers null and the server still decides.
 */
export async function newPasswordProblem(password: string, owner: PasswordOwner): Promise<string | null> {
  try {
    return passwordProblem(password, owner, await loadEstimator());
  } catch {
    return null;
  }
}
