/**
 * The rule for new passwords, shared by the server and the browser forms so both say the same.
 * Length is the schemas' job; this judges guessability. The strength estimate itself (zxcvbn
 * with its dictionaries) is passed in: the server loads it at start, the browser only when a
 * password form is used, so the dictionaries stay out of the contract and the first page.
 */

/** zxcvbn's verdict: 0 (guessed at once) to 4 (very unguessable), and its warning when it has one. */
export interface PasswordEstimate {
  score: number;
  warning: string | null;
}

export type PasswordEstimator = (password: string, userInputs: string[]) => PasswordEstimate;

/** zxcvbn's "safely unguessable": about 10^8 guesses, beyond online attacks and slow offline ones. */
export const PASSWORD_MIN_SCORE = 3;

/** Parts of a name this short are too common to forbid ("Al", "Li"). */
const MIN_NAME_PART = 3;

const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Who the password is for: it must not contain their username or name. */
export interface PasswordOwner {
  username?: string;
  displayName?: string;
}

/** Why `password` is refused, in words for the person choosing it; null when it is fine. */
export function passwordProblem(password: string, owner: PasswordOwner, estimate: PasswordEstimator): string | null {
  const plain = letters(password);
  const username = letters(owner.username ?? '');
  if (username.length >= MIN_NAME_PART && plain.includes(username)) return 'Must not contain the username.';
  const nameParts = (owner.displayName ?? '').split(/\s+/).map(letters).filter((p) => p.length >= MIN_NAME_PART);
  const fullName = letters(owner.displayName ?? '');
  if ((fullName.length >= MIN_NAME_PART && plain.includes(fullName)) || nameParts.some((p) => plain.includes(p))) {
    return 'Must not contain the name of the person.';
  }
  const inputs = [owner.username, owner.displayName, ...(owner.displayName ?? '').split(/\s+/)].filter((s): s is string => Boolean(s));
  const { score, warning } = estimate(password, inputs);
  if (score >= PASSWORD_MIN_SCORE) return null;
  return `Too easy to guess${warning ? `: ${warning.replace(/\.$/, '')}` : ''}. Add more words or characters.`;
}
