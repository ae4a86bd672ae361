import { z } from 'zod';
import { channel } from './channel';
import { editBase, id, personName, version } from './fields';
import { roles } from './permissions';
import { password, passwordNotUsername, username } from './auth';

export const staffUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
});
export type StaffUser = z.infer<typeof staffUser>;

export const userSession = z.object({
  /** A public id for this list and users.endSession, never the token or its hash. */
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  /** "desktop" or the workstation's address. */
  client: z.string().nullable(),
  /** The caller's own session. */
  current: z.boolean(),
});
export type UserSession = z.infer<typeof userSession>;

export const loginLockout = z.object({
  /** user: that username from that address (or everywhere when several addresses guess at it); address: any name. */
  scope: z.enum(['user', 'address']),
  username: z.string().nullable(),
  /** The account's id and name when the username is one (unknown names are locked out the same way). */
  userId: z.number().nullable(),
  displayName: z.string().nullable(),
  address: z.string(),
  lockedUntil: z.string(),
  /** Lockouts in a row, this one included: the next lasts twice as long, up to 30 minutes. */
  lockouts: z.number(),
});
export type LoginLockout = z.infer<typeof loginLockout>;

export const department = z.object({ id: z.number(), code: z.string(), name: z.string() });

export const usersContract = {
  'users.list': channel({
    summary: 'All staff accounts',
    access: 'users.manage',
    input: z.object({}),
    output: z.array(staffUser),
  }),
  'users.create': channel({
    touches: ['users'],
    summary: 'Create a staff account',
    access: 'users.manage',
    input: z
      .object({
        username,
        displayName: personName(32, '请填写姓名'),
        role: z.enum(roles),
        departmentId: id.nullish(),
        password,
      })
      .superRefine(passwordNotUsername),
    output: staffUser,
  }),
  'users.update': channel({
    touches: ['users'],
    summary: 'Change a staff account’s name, role, department or disabled flag',
    access: 'users.manage',
    input: z.object({
      id,
      version,
      displayName: personName(32, '请填写姓名').optional(),
      role: z.enum(roles).optional(),
      departmentId: id.nullable().optional(),
      disabled: z.boolean().optional(),
      base: editBase,
    }),
    output: staffUser,
  }),
  'users.resetPassword': channel({
    touches: ['users'],
    summary: 'Set a new password for a staff account and end its sessions',
    access: 'users.manage',
    input: z.object({ id, password }),
    output: z.object({ reset: z.literal(true) }),
  }),
  'users.sessions': channel({
    summary: 'A staff account’s sessions still in use (signed in when, last used, from where)',
    access: 'users.manage',
    input: z.object({ userId: id }),
    output: z.array(userSession),
  }),
  'users.endSession': channel({
    touches: ['users'],
    summary: 'End one session of a staff account at once (that workstation must sign in again)',
    access: 'users.manage',
    input: z.object({ userId: id, sessionId: z.string().trim().min(1, '请选择会话').max(64) }),
    output: z.object({ ended: z.literal(true) }),
  }),
  'users.lockouts': channel({
    summary:
      'Sign-in lockouts in force (too many wrong passwords), per username at an address or per address',
    access: 'users.unlock',
    input: z.object({}),
    output: z.array(loginLockout),
  }),
  'users.unlock': channel({
    touches: ['users'],
    summary: 'Lift the sign-in lockouts of a username (every address) or of one address',
    access: 'users.unlock',
    input: z
      .object({
        username: z.string().trim().min(1).max(64).optional(),
        address: z.string().trim().min(1).max(64).optional(),
      })
      .refine((v) => v.username !== undefined || v.address !== undefined, '请指定要解除锁定的用户名或地址'),
    output: z.object({ unlocked: z.number() }),
  }),
  'users.departments': channel({
    summary: 'Departments that staff and tickets belong to',
    access: 'session',
    input: z.object({}),
    output: z.array(department),
  }),
};
