/**
 * The least time between two live refetches of one query. A burst of writes (twenty operators recording
 * calls) refetches a list at most once a second, not once per message, and a change still shows within the
 * two seconds issue 15 promises: the stream's batching (150 ms) + this gap + the fetch itself.
 */
export const liveRefetchGapMs = 1000;

/**
 * A screen that was quiet waits a random moment, up to this, before its first refetch: every workstation hears
 * the same message at the same instant, and twenty call screens asking the host for their counters in the same
 * millisecond make everyone's requests wait behind them. Later refetches keep that offset (a gap after the
 * last), so the screens stay spread over the second. Less than the gap: the promise above still holds.
 */
export const liveRefetchJitterMs = 500;

export interface LiveThrottle {
  /**
   * Run `key` after a random moment if it last ran at least the gap ago, else once when the gap is over;
   * asks meanwhile join the one waiting.
   */
  request(key: string, run: () => void): void;
  stop(): void;
}

export function createLiveThrottle(
  opts: { gapMs?: number; jitterMs?: number; random?: () => number } = {},
): LiveThrottle {
  const gapMs = opts.gapMs ?? liveRefetchGapMs;
  const jitterMs = opts.jitterMs ?? liveRefetchJitterMs;
  const random = opts.random ?? Math.random;
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
      const sinceGap = (lastRun.get(key) ?? -Infinity) + gapMs - Date.now();
      const wait = sinceGap > 0 ? sinceGap : Math.floor(random() * jitterMs);
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
