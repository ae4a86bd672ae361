import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { SessionUser } from '../../../electron/contract/auth';
import type { ChannelOutput } from '../../../electron/contract';
import { api } from '../api';
import { errorMessage } from '../forms/apply-server-errors';
import { authStatusKey } from './auth-keys';
import { LoginPage } from './login-page';
import { SetupPage } from './setup-page';
import { useLiveChanges } from '../live/use-live-changes';
import { useIdleHeartbeat } from './use-idle-heartbeat';
import type { AuthState } from './use-auth';
import { AuthContext } from './use-auth';

export type SignedIn = (user: SessionUser) => void;
type Status = ChannelOutput<'auth.status'>;

/** Decides between first-run setup, the login screen and the app, and keeps that decision current. */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const status = useQuery({
    queryKey: authStatusKey,
    queryFn: () => api.call('auth.status', {}),
    staleTime: Infinity,
  });

  const setUser = useCallback(
    (user: SessionUser | null) => {
      // Whatever the previous user could see must not linger in the cache for the next one.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authStatusKey[0] });
      queryClient.setQueryData<Status>(authStatusKey, { needsSetup: false, user });
    },
    [queryClient],
  );

  useEffect(
    () =>
      api.onUnauthenticated((error) => {
        // Several calls may fail at once; the one that ended the session for inactivity says so, the others
        // (its session already gone) must not turn that into a bare "expired".
        const idle = (error.details as { reason?: string } | undefined)?.reason === 'idle';
        setNotice((shown) => (idle ? t('accountSecurity.sessionIdle') : (shown ?? t('auth.sessionExpired'))));
        setUser(null);
      }),
    [setUser, t],
  );

  const signedIn = useCallback<SignedIn>(
    (user) => {
      setNotice(null);
      setUser(user);
    },
    [setUser],
  );

  const user = status.data?.user ?? null;
  useIdleHeartbeat(user !== null);
  useLiveChanges(user?.id ?? null);
  const auth = useMemo<AuthState | null>(
    () =>
      user && {
        user,
        can: (permission) => user.permissions.includes(permission),
        logout: async () => {
          try {
            await api.call('auth.logout', {});
          } catch {
            // The session may already be gone; signing out locally is what the user asked for either way.
          }
          setNotice(null);
          setUser(null);
          // The next person to sign in starts on their own role's screen, not on the last user's page.
          void navigate('/', { replace: true });
          void message.success(t('userMenu.loggedOut'));
        },
      },
    [user, setUser, message, t, navigate],
  );

  if (status.isPending) {
    return (
      <div className="full-page-center">
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  }
  if (status.isError) {
    return (
      <Result
        status="error"
        title={t('auth.statusFailed')}
        subTitle={errorMessage(status.error)}
        extra={
          <Button type="primary" onClick={() => void status.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (status.data.needsSetup) return <SetupPage onSignedIn={signedIn} />;
  if (!auth) return <LoginPage onSignedIn={signedIn} notice={notice} />;
  return <AuthContext value={auth}>{children}</AuthContext>;
}
