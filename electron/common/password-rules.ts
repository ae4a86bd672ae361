import { commonPasswords } from './common-passwords';

/**
 * Rules for a password being chosen (first-run setup, a new account, a reset, changing one's own), shared by
 * the contract, main and the forms. Passwords set before these rules still sign in: only new ones are checked.
 */
export const minPasswordLength = 8;

export const passwordRuleMessages = {
  tooShort: `密码至少 ${minPasswordLength} 位`,
  common: '该密码过于常见，容易被猜中，请换一个',
  sameAsUsername: '密码不能与用户名相同（包括倒序）',
} as const;

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

export function isCommonPassword(password: string): boolean {
  return commonPasswords.has(fold(password));
}

/** The username forwards or backwards, in any case, is the first thing anyone guesses. */
export function isUsernamePassword(password: string, username: string): boolean {
  const p = fold(password);
  const u = fold(username.trim());
  return u !== '' && (p === u || p === [...u].reverse().join(''));
}

/** The first rule a new password breaks, as the field's message, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | null {
  if ([...password].length < minPasswordLength) return passwordRuleMessages.tooShort;
  if (username !== undefined && isUsernamePassword(password, username)) {
    return passwordRuleMessages.sameAsUsername;
  }
  if (isCommonPassword(password)) return passwordRuleMessages.common;
  return null;
}
