import type { LiveChange, LiveTopic } from '../contract/live-topics';

export type ChangeListener = (change: LiveChange) => void;

export interface ChangeBus {
  /** Called by the router after a write succeeded; listeners hear it batched, within `batchMs`. */
  publish(topics: readonly LiveTopic[]): void;
  subscribe(listener: ChangeListener): () => void;
  /** Listeners connected now (the stream's clients and the desktop windows). */
  listeners(): number;
  stop(): void;
}

/**
 * One bus per running app: every transport's writes go through the one router, so every change is seen here.
 * Topics are batched over a short window: thirty workstations recording calls cause a few messages a second,
 * not one refetch storm per write, and a screen still refreshes well within two seconds.
 */
export function createChangeBus(opts: { batchMs?: number } = {}): ChangeBus {
  const batchMs = opts.batchMs ?? 150;
  const listeners = new Set<ChangeListener>();
  let pending = new Set<LiveTopic>();
  let timer: NodeJS.Timeout | null = null;
  let seq = 0;
  const flush = () => {
    timer = null;
    if (pending.size === 0) return;
    const change: LiveChange = { seq: ++seq, topics: [...pending] };
    pending = new Set();
    for (const listener of listeners) {
      try {
        listener(change);
      } catch {
        // A closed stream must not stop the others hearing the change.
      }
    }
  };
  return {
    publish(topics) {
      if (topics.length === 0 || listeners.size === 0) return;
      for (const t of topics) pending.add(t);
      timer ??= setTimeout(flush, batchMs);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    listeners: () => listeners.size,
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      listeners.clear();
    },
  };
}
