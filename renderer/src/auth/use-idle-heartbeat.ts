import { useEffect } from 'react';
import { api } from '../api';

/** Often enough that an unattended screen leaves within a minute of the idle timeout. */
const everyMs = 60_000;

/**
 * While signed in, asks main once a minute whether the session still stands. Sent as background unless
 * someone used the screen in the last minute, so it keeps an active session alive on a page that makes no
 * calls of its own (a long form being typed), and lets an unattended one end: the answer `unauthenticated`
 * (reason idle) brings the login screen up, and customers' data off the screen.
 */
export function useIdleHeartbeat(signedIn: boolean): void {
  useEffect(() => {
    if (!signedIn) return;
    const timer = window.setInterval(() => {
      api.call('auth.me', {}).catch(() => {
        // An ended session is handled by the unauthenticated listener; a network blip by the next beat.
      });
    }, everyMs);
    return () => window.clearInterval(timer);
  }, [signedIn]);
}
