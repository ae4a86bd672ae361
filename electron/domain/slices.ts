import { addDays, daysBetween } from './callbacks/dates';

/**
 * A pass over every member written once and run two ways: it yields between units of work, and the caller
 * decides what a yield means — nothing inside one transaction (the manual run, the demo), or "commit, let the
 * requests waiting in between be answered, open the next transaction" in the daily upkeep.
 */
export type Sliced<T> = Generator<void, T, void>;

/** Runs a sliced pass to its end at once (inside the caller's transaction). */
export function drain<T>(pass: Sliced<T>): T {
  for (;;) {
    const step = pass.next();
    if (step.done) return step.value;
  }
}

/** Work per slice: short enough that a request arriving meanwhile is not held up noticeably. */
const sliceTargetMs = 10;

/** How wide the first range is and how narrow or wide later ones may get. */
interface RangeWidths {
  start: number;
  min: number;
  max: number;
}

/**
 * Integer ranges [lo, hi] covering [first, last] (customer ids, day offsets), each sized from the last one's
 * time so that it takes about sliceTargetMs (a busy machine or a dense range gets narrower ones); yields after
 * each but the last.
 */
export function* customerRanges(
  first: number,
  last: number,
  work: (lo: number, hi: number) => void,
  widths: RangeWidths = { start: 1000, min: 20, max: 200_000 },
): Sliced<void> {
  let width = widths.start;
  for (let lo = first; lo <= last;) {
    const hi = Math.min(last, lo + width - 1);
    const started = performance.now();
    work(lo, hi);
    const took = Math.max(0.25, performance.now() - started);
    width = Math.max(widths.min, Math.min(widths.max, Math.round((width * sliceTargetMs) / took)));
    lo = hi + 1;
    if (lo <= last) yield;
  }
}

/** Day ranges [from, to] covering [first, last] (ISO dates), sized the same way. */
export function* dayRanges(
  first: string,
  last: string,
  work: (from: string, to: string) => void,
  startDays = 7,
): Sliced<void> {
  yield* customerRanges(0, daysBetween(first, last), (a, b) => work(addDays(first, a), addDays(first, b)), {
    start: startDays,
    min: 1,
    max: 400,
  });
}

/** Works through `items`, yielding whenever the current slice has taken sliceTargetMs (and at the end). */
export function* timedSlices<T>(items: Iterable<T>, each: (item: T) => void): Sliced<void> {
  let started = performance.now();
  for (const item of items) {
    each(item);
    if (performance.now() - started >= sliceTargetMs) {
      yield;
      started = performance.now();
    }
  }
}
