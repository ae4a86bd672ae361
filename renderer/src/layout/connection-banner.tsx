import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { connectionState, markReachable, subscribeConnection } from '../api/connection-state';

/** Seconds between tries while the server is away: soon at first, then every half minute. */
const backoff = [1, 2, 4, 8, 15, 30];

async function serverAnswers(): Promise<boolean> {
  try {
    const r = await fetch('/api/health', { cache: 'no-store' });
    return r.ok;
  } catch {
    return false;
  }
}

/**
 * The banner over every page while the server (the store host) cannot be reached: it says so, retries with
 * backoff (or at once on request), and once the host answers refreshes what the screen shows. Open forms keep
 * what was typed; a save that did not get through said so where it was made.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { online, lostAt } = useSyncExternalStore(subscribeConnection, connectionState);
  const [attempt, setAttempt] = useState(0);
  const [lastTryAt, setLastTryAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const tryNow = useCallback(async () => {
    setLastTryAt(Date.now());
    if (await serverAnswers()) {
      markReachable();
      setAttempt(0);
      setLastTryAt(null);
      await queryClient.invalidateQueries();
    } else {
      setAttempt((a) => a + 1);
    }
  }, [queryClient]);

  const wait = backoff[Math.min(attempt, backoff.length - 1)]! * 1000;
  const retryAt = (lastTryAt ?? lostAt ?? now) + wait;

  useEffect(() => {
    if (online) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    const timer = setTimeout(() => void tryNow(), Math.max(0, retryAt - Date.now()));
    return () => {
      clearInterval(tick);
      clearTimeout(timer);
    };
  }, [online, retryAt, tryNow]);

  const left = Math.max(0, Math.ceil((retryAt - now) / 1000));
  if (online) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      role="alert"
      className="connection-banner"
      title={t('connection.lost')}
      description={t('connection.retrying', { seconds: left })}
      action={
        <Button size="small" onClick={() => void tryNow()}>
          {t('connection.retryNow')}
        </Button>
      }
    />
  );
}
