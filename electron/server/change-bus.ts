import type { LiveChange, LiveTopic } from '../contract/live-topics';
import { liveCustomerIdsCap } from '../contract/live-topics';

export type ChangeListener = (change: LiveChange) => void;

export interface ChangeBus {
  /**
   * Called by the router after a write succeeded; listeners hear it batched, within `batchMs`. `customers`:
   * the write changed only these customers' records of the topics (the channel's `changedCustomers`); absent,
   * the topics changed wholesale.
   */
  publish(topics: readonly LiveTopic[], customers?: readonly number[] | null): void;
  subscribe(listener: ChangeListener): () => void;
  /** Listeners connected now (the stream's clients and the desktop windows). */
  listeners(): number;
  stop(): void;
}

/**
 * One bus per running app: every transport's writes go through the one router, so every change is seen here.
 * Topics are batched over a short window: thirty workstations recording calls cause a few messages a second,
 * not one refetch storm per write, and a screen still refreshes well within two seconds. A topic's customers
 * are merged over the batch; one wholesale write of the topic, or more than the cap, makes it wholesale.
 */
export function createChangeBus(opts: { batchMs?: number; customerCap?: number } = {}): ChangeBus {
  const batchMs = opts.batchMs ?? 150;
  const cap = opts.customerCap ?? liveCustomerIdsCap;
  const listeners = new Set<ChangeListener>();
  let pending = new Set<LiveTopic>();
  /** Per pending topic, its customers so far; a pending topic missing here is wholesale. */
  let scoped = new Map<LiveTopic, Set<number>>();
  let timer: NodeJS.Timeout | null = null;
  let seq = 0;
  const flush = () => {
    timer = null;
    if (pending.size === 0) return;
    const change: LiveChange = { seq: ++seq, topics: [...pending] };
    if (scoped.size > 0) change.customers = Object.fromEntries([...scoped].map(([t, ids]) => [t, [...ids]]));
    pending = new Set();
    scoped = new Map();
    for (const listener of listeners) {
      try {
        listener(change);
      } catch {
        // A closed stream must not stop the others hearing the change.
      }
    }
  };
  return {
    publish(topics, customers) {
      if (topics.length === 0 || listeners.size === 0) return;
      for (const t of topics) {
        const wasPending = pending.has(t);
        pending.add(t);
        const ids = scoped.get(t);
        if (!customers || (wasPending && !ids)) {
          scoped.delete(t);
          continue;
        }
        const merged = ids ?? new Set<number>();
        for (const id of customers) merged.add(id);
        if (merged.size > cap) scoped.delete(t);
        else scoped.set(t, merged);
      }
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
