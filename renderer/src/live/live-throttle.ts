/**
 * The least time between two live refetches of one query. A burst of writes (twenty operators recording
 * calls) refetches a list at most once a second, not once per message, and a change still shows within the
 * two seconds issue 15 promises: the stream's batching (150 ms) + this gap + the fetch itself.
 */
export const liveRefetchGapMs = 1000;

export interface LiveThrottle {
  /** Run now if `key` last ran at least the gap ago; otherwise once, when the gap is over (later asks join it). */
  request(key: string, run: () => void): void;
  stop(): void;
}

export function createLiveThrottle(gapMs = liveRefetchGapMs): LiveThrottle {
  const lastRun = new Map<string, number>();
  const waiting = new Map<string, ReturnType<typeof setTimeout>>();
  const fire = (key: string, run: () => void) => {
    waiting.delete(key);
    lastRun.set(key, Date.now());
    run();
  };
  return {
    request(key, run) {
      if (waiting.has(key)) return;
      const wait = (lastRun.get(key) ?? -Infinity) + gapMs - Date.now();
      if (wait <= 0) fire(key, run);
      else
        waiting.set(
          key,
          setTimeout(() => fire(key, run), wait),
        );
    },
    stop() {
      for (const timer of waiting.values()) clearTimeout(timer);
      waiting.clear();
    },
  };
}
