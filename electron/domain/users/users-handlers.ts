import type { usersContract } from '../../contract/users';
import type { Handlers } from '../../server/handler-types';
import { listLockouts, unlockLogin } from './lockouts-service';
import { endUserSession, listUserSessions } from './user-sessions-service';
import { createUser, listDepartments, listUsers, resetPassword, updateUser } from './users-service';

export const usersHandlers: Handlers<keyof typeof usersContract> = {
  'users.list': (ctx) => listUsers(ctx),
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.update': (ctx, input) => updateUser(ctx, input),
  'users.resetPassword': (ctx, input) => resetPassword(ctx, input),
  'users.departments': (ctx) => listDepartments(ctx),
  'users.sessions': (ctx, input) => listUserSessions(ctx, input),
  'users.endSession': (ctx, input) => endUserSession(ctx, input),
  'users.lockouts': (ctx) => listLockouts(ctx),
  'users.unlock': (ctx, input) => unlockLogin(ctx, input),
};
