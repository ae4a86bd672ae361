import type { Clock } from '../../electron/domain/clock';

/** A clock a test sets and moves: pass `clock` to createTestApp({ clock }). */
export interface TestClock {
  clock: Clock;
  set(iso: string): void;
  advance(ms: number): void;
  now(): Date;
}

export function testClock(startIso: string): TestClock {
  let now = new Date(startIso);
  return {
    clock: () => new Date(now),
    set: (iso) => {
      now = new Date(iso);
    },
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    now: () => new Date(now),
  };
}
