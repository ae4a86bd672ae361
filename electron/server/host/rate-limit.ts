/**
 * Per-workstation request budget on the LAN: a token bucket per client address. Generous for people (a screen
 * opening fires a dozen calls; an operator's whole day is a few per second at most) and tight for a script
 * hammering the host, which would otherwise slow every colleague's screen. The host's own window and local
 * scripts come over loopback and are never limited.
 */
export interface RateLimitOptions {
  /** Requests a client may make at once. */
  burst: number;
  /** Requests per second refilled. */
  perSecond: number;
  now?: () => number;
}

export const lanRateLimit: RateLimitOptions = { burst: 240, perSecond: 60 };

export function isLoopback(address: string | null): boolean {
  if (address === null) return true; // driven in-process (tests), not from a socket
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export type RateLimiter = (
  client: string,
) => { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function createRateLimiter(opts: RateLimitOptions): RateLimiter {
  const now = opts.now ?? (() => Date.now());
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (client) => {
    const t = now();
    const b = buckets.get(client) ?? { tokens: opts.burst, at: t };
    b.tokens = Math.min(opts.burst, b.tokens + ((t - b.at) / 1000) * opts.perSecond);
    b.at = t;
    buckets.set(client, b);
    // Forget clients that went quiet, so a scan of many addresses cannot grow the map without end.
    if (buckets.size > 5000) for (const [k, v] of buckets) if (t - v.at > 60_000) buckets.delete(k);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.ceil((1 - b.tokens) / opts.perSecond) };
  };
}
