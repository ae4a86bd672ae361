import { nameSearchKeys } from '../customers/name-keys';
import type { MobileAllocator } from './identity';
import type { Rng } from './rng';
import type { Inserts } from './statements';
import type { InteractionText } from './texts';
import type { PlateAllocator, VinAllocator } from './vehicle-ids';

/** An earlier owner who can be named as referrer or as the seller of a used car. */
export interface PastOwner {
  id: number;
  /** Day the customer first took a car. */
  since: number;
}

export interface DemoCounts {
  customers: number;
  vehicles: number;
  serviceVisits: number;
  interactions: number;
}

export interface DemoContext {
  readonly rng: Rng;
  /** The consent ledger's own stream, so adding it left every other generated row as it was. */
  readonly ledgerRng: Rng;
  readonly ins: Inserts;
  /** The store's date of `now`; nothing is dated later than the day before. */
  readonly today: number;
  readonly lastDay: number;
  /** Six years back: the oldest delivery. */
  readonly firstDay: number;
  readonly mobiles: MobileAllocator;
  readonly vins: VinAllocator;
  readonly plates: PlateAllocator;
  readonly referrers: PastOwner[];
  readonly sellers: PastOwner[];
  /** Sellers of used cars: their last visit may now be on a car they no longer own, fixed up at the end. */
  readonly sellersUsed: Set<number>;
  nextVehicleId: number;
  readonly counts: DemoCounts;
  readonly keyCache: Map<string, { pinyin: string; initials: string }>;
}

/** Pinyin is the slowest step per customer and names repeat a lot, so keys are cached per name. */
export function keysOf(ctx: DemoContext, name: string): { pinyin: string; initials: string } {
  let keys = ctx.keyCache.get(name);
  if (!keys) {
    keys = nameSearchKeys(name);
    ctx.keyCache.set(name, keys);
  }
  return keys;
}

/** A wall-clock minute in opening hours (08:30–20:00). */
export function businessMinute(rng: Rng): number {
  return rng.int(510, 1200);
}

/** Picks an earlier owner who already had a car before `beforeDay`, or null after a few misses. */
export function pickPastOwner(rng: Rng, pool: readonly PastOwner[], beforeDay: number): PastOwner | null {
  if (pool.length === 0) return null;
  for (let i = 0; i < 6; i++) {
    const o = pool[rng.int(0, pool.length - 1)]!;
    if (o.since < beforeDay) return o;
  }
  return null;
}

export interface DatedInteraction extends InteractionText {
  day: number;
}
