import type { Handlers } from '../../server/handler-types';
import { authStatus, changePassword, login, logout, setupAdministrator } from './auth-service';

export const authHandlers: Handlers<
  'auth.status' | 'auth.setup' | 'auth.login' | 'auth.logout' | 'auth.me' | 'auth.changePassword'
> = {
  'auth.status': (ctx) => authStatus(ctx),
  'auth.setup': (ctx, input) => setupAdministrator(ctx, input),
  'auth.login': (ctx, input) => login(ctx, input),
  'auth.logout': (ctx) => logout(ctx),
  'auth.me': (ctx) => ctx.user,
  'auth.changePassword': (ctx, input) => changePassword(ctx, input),
};
