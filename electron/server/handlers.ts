import type { ChannelName } from '../contract';
import { changePassword, authStatus, login, logout, setupAdministrator } from '../domain/auth/auth-service';
import { createCustomer, getCustomer, updateCustomer } from '../domain/customers/customer-card';
import { listCustomers } from '../domain/customers/customer-list';
import { generateDemoOnEmpty, systemInfo } from '../domain/system/system-service';
import { createUser, listDepartments, listUsers, resetPassword, updateUser } from '../domain/users/users-service';
import type { Handlers } from './handler-types';

/** Channel → service. Handlers only adapt; the rules live in the services. */
export const handlers: Handlers<ChannelName> = {
  'auth.status': (ctx) => authStatus(ctx),
  'auth.setup': (ctx, input) => setupAdministrator(ctx, input),
  'auth.login': (ctx, input) => login(ctx, input),
  'auth.logout': (ctx) => logout(ctx),
  'auth.me': (ctx) => ctx.user,
  'auth.changePassword': (ctx, input) => changePassword(ctx, input),

  'users.list': (ctx) => listUsers(ctx),
  'users.create': (ctx, input) => createUser(ctx, input),
  'users.update': (ctx, input) => updateUser(ctx, input),
  'users.resetPassword': (ctx, input) => resetPassword(ctx, input),
  'users.departments': (ctx) => listDepartments(ctx),

  'customers.list': (ctx, input) => listCustomers(ctx, input),
  'customers.get': (ctx, input) => getCustomer(ctx, input.id),
  'customers.create': (ctx, input) => createCustomer(ctx, input),
  'customers.update': (ctx, input) => updateCustomer(ctx, input),

  'system.info': (ctx) => systemInfo(ctx),
  'demo.generate': (ctx, input) => generateDemoOnEmpty(ctx, input),
};
