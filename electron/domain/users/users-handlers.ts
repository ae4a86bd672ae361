import type { usersContract } from '../../contract/users';
import type { Handlers } from '../../server/handler-types';
import { createUser, listDepartments, listUsers, resetPassword, updateUser } from './users-service';

export const usersHandlers: Handlers<keyof typeof usersContract> = {
  'users.list': (ctx) => listUsers(ctx),
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.update': (ctx, input) => updateUser(ctx, input),
  'users.resetPassword': (ctx, input) => resetPassword(ctx, input),
  'users.departments': (ctx) => listDepartments(ctx),
};
