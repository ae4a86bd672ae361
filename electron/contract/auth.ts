import { z } from 'zod';
import {
  isCommonPassword,
  isUsernamePassword,
  minPasswordLength,
  passwordRuleMessages,
} from '../common/password-rules';
import { channel } from './channel';
import { personName } from './fields';
import { permissions, roles } from './permissions';

export const username = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(32, '用户名不能超过 32 个字符')
  .regex(/^[a-zA-Z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和减号');
/** Longer passwords are refused before hashing: scrypt of a megabyte would hold a worker for seconds. */
export const maxPasswordLength = 128;
const passwordText = z.string().max(maxPasswordLength, `密码不能超过 ${maxPasswordLength} 位`);
/** A password being chosen (setup, change, create, reset): long enough and not a common one. */
export const password = passwordText
  .min(minPasswordLength, passwordRuleMessages.tooShort)
  .refine((p) => !isCommonPassword(p), passwordRuleMessages.common);
/**
 * For inputs that carry both: the password may not be the username (forwards or backwards). Inputs without
 * the username (change own, reset) are checked in main against the account's name.
 */
export function passwordNotUsername(v: { username: string; password: string }, ctx: z.RefinementCtx): void {
  if (isUsernamePassword(v.password, v.username)) {
    ctx.addIssue({ code: 'custom', message: passwordRuleMessages.sameAsUsername, path: ['password'] });
  }
}
/** A password being typed to prove who one is: any length up to the same cap. */
export const enteredPassword = passwordText.min(1, '请输入密码');

export const sessionUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  permissions: z.array(z.enum(permissions)),
});
export type SessionUser = z.infer<typeof sessionUser>;

const loginResult = z.object({
  /** Omitted by transports that keep the token themselves (httpOnly cookie, IPC main). */
  token: z.string().optional(),
  expiresAt: z.string(),
  user: sessionUser,
});

export const authContract = {
  'auth.status': channel({
    summary: 'Whether first-run setup is needed, and who is signed in',
    access: 'public',
    input: z.object({}),
    output: z.object({ needsSetup: z.boolean(), user: sessionUser.nullable() }),
  }),
  'auth.setup': channel({
    summary: 'First run: create the administrator with a chosen password and sign in',
    access: 'public',
    input: z
      .object({ username, displayName: personName(32, '请填写姓名'), password })
      .superRefine(passwordNotUsername),
    output: loginResult,
  }),
  'auth.login': channel({
    summary: 'Sign in with username and password; returns a session token',
    access: 'public',
    input: z.object({
      username: z.string().trim().min(1, '请输入用户名'),
      password: enteredPassword,
    }),
    output: loginResult,
  }),
  'auth.logout': channel({
    summary: 'End the current session',
    access: 'session',
    input: z.object({}),
    output: z.object({ loggedOut: z.literal(true) }),
  }),
  'auth.me': channel({
    summary: 'The signed-in user and their permissions',
    access: 'session',
    input: z.object({}),
    output: sessionUser,
  }),
  'auth.changePassword': channel({
    summary: 'Change one’s own password',
    access: 'session',
    input: z.object({ currentPassword: enteredPassword, newPassword: password }),
    output: z.object({ changed: z.literal(true) }),
  }),
};
