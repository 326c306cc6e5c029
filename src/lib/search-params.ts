/*
 * Hand checks for the routes' search params (validateSearch), so that route files, which ride in
 * the staff panel's first load, need no zod. A value the check refuses either falls back (the
 * helpers below return undefined) or fails the route as a schema would (`invalidSearch`).
 */

/** `value` if it is one of `choices`; undefined otherwise. */
export const oneOf = <T extends string>(choices: readonly T[], value: unknown): T | undefined =>
  (choices as readonly unknown[]).includes(value) ? (value as T) : undefined;

/** `value` if it is a string; undefined otherwise. */
export const stringOr = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A whole number above zero, from a number or its digits; undefined otherwise. */
export function positiveInt(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Refuses a search param that has no fallback: the router shows the route's error, as a failed schema did. */
export function invalidSearch(name: string, value: unknown): never {
  throw new Error(`Invalid search param ${name}: ${JSON.stringify(value)}`);
}

/** `value` if it is one of `choices`, undefined if absent; anything else fails the route. */
export const optionalOneOf = <T extends string>(name: string, choices: readonly T[], value: unknown): T | undefined =>
  value === undefined ? undefined : (oneOf(choices, value) ?? invalidSearch(name, value));
