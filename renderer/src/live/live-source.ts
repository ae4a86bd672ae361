import type { LiveChange } from '../../../electron/contract/live-topics';
import type { ApiTransport } from '../api/transport';

export interface LiveHandlers {
  change(change: LiveChange): void;
  /** The stream came back after a break: changes may have been missed, everything shown is suspect. */
  resumed(): void;
  /** The server ended the stream: the session is over (the next call shows the login). */
  ended(): void;
}

const firstRetryMs = 1000;
const maxRetryMs = 30_000;

/**
 * Listens to the live changes: the desktop's push when the preload offers it, otherwise GET /api/changes
 * (server-sent events, the session cookie like every call). A dropped stream reconnects with backoff
 * (1 s, 2 s, 4 s … up to 30 s, reset once it is up again). Returns the stop.
 */
export function listenToChanges(transport: ApiTransport | undefined, on: LiveHandlers): () => void {
  if (transport?.onChanges) return transport.onChanges(on.change);
  let source: EventSource | null = null;
  let retryMs = firstRetryMs;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let broken = false;

  const connect = () => {
    timer = null;
    if (stopped) return;
    const es = new EventSource('/api/changes');
    source = es;
    es.addEventListener('ready', () => {
      retryMs = firstRetryMs;
      if (broken) on.resumed();
      broken = false;
    });
    es.addEventListener('change', (e) => {
      try {
        on.change(JSON.parse((e as MessageEvent<string>).data) as LiveChange);
      } catch {
        // A malformed message changes nothing on screen.
      }
    });
    es.addEventListener('ended', () => {
      es.close();
      on.ended();
    });
    es.onerror = () => {
      // EventSource's own retry has a fixed delay; ours backs off so a host that is down is not hammered.
      es.close();
      if (stopped) return;
      broken = true;
      timer = setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, maxRetryMs);
    };
  };
  connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    source?.close();
  };
}
