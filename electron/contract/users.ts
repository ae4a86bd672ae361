import { z } from 'zod';
import { channel } from './channel';
import { id, personName, version } from './fields';
import { roles } from './permissions';
import { password, username } from './auth';

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

export const department = z.object({ id: z.number(), code: z.string(), name: z.string() });

export const usersContract = {
  'users.list': channel({
    summary: 'All staff accounts',
    access: 'users.manage',
    input: z.object({}),
    output: z.array(staffUser),
  }),
  'users.create': channel({
    summary: 'Create a staff account',
    access: 'users.manage',
    input: z.object({
      username,
      displayName: personName(32, '请填写姓名'),
      role: z.enum(roles),
      departmentId: id.nullish(),
      password,
    }),
    output: staffUser,
  }),
  'users.update': channel({
    summary: 'Change a staff account’s name, role, department or disabled flag',
    access: 'users.manage',
    input: z.object({
      id,
      version,
      displayName: personName(32, '请填写姓名').optional(),
      role: z.enum(roles).optional(),
      departmentId: id.nullable().optional(),
      disabled: z.boolean().optional(),
    }),
    output: staffUser,
  }),
  'users.resetPassword': channel({
    summary: 'Set a new password for a staff account and end its sessions',
    access: 'users.manage',
    input: z.object({ id, password }),
    output: z.object({ reset: z.literal(true) }),
  }),
  'users.departments': channel({
    summary: 'Departments that staff and tickets belong to',
    access: 'session',
    input: z.object({}),
    output: z.array(department),
  }),
};
