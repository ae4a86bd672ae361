import { createContext, useContext } from 'react';
import type { SessionUser } from '../../../electron/contract/auth';
import type { Permission } from '../../../electron/contract/permissions';

export interface AuthState {
  user: SessionUser;
  can(permission: Permission): boolean;
  logout(): Promise<void>;
}

export const AuthContext = createContext<AuthState | null>(null);

/** The signed-in user; only used below the auth gate, where a user always exists. */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside the signed-in part of the app');
  return state;
}
