/**
 * Runs sign-in attempts that share a key (the username, the address) one after another. Checking the
 * lockout, hashing (~50 ms, off the main thread) and counting the failure must not interleave: a hundred
 * guesses sent at once would otherwise all pass the check before the first failure is counted. One process
 * serves one database, so an in-process queue is enough.
 */
const tails = new Map<string, Promise<void>>();

export function oneAtATime<T>(keys: readonly string[], run: () => Promise<T>): Promise<T> {
  const before = Promise.all(keys.map((k) => tails.get(k)));
  const result = before.then(run);
  const tail = result.then(
    () => undefined,
    () => undefined,
  );
  for (const k of keys) tails.set(k, tail);
  void tail.then(() => {
    for (const k of keys) if (tails.get(k) === tail) tails.delete(k);
  });
  return result;
}
