/**
 * Wall-clock arithmetic in a named IANA time zone, without the host's zone: the store's calendar is Beijing
 * time whether the computer running the app is set to UTC or not. Shared by main and the renderer.
 *
 * Cheap enough for hot paths (a full call-back pass reads hundreds of thousands of instants): a zone's UTC
 * offset is looked up once per UTC day, and only a day on which it changes (daylight saving) is looked up per
 * quarter hour, since every real zone changes offset on a quarter-hour boundary. Plain UTC field arithmetic
 * does the rest.
 */

const quarterHourMs = 15 * 60_000;
const dayMs = 86_400_000;
const maxCachedSlots = 100_000;
/** A day whose offset changes during it. */
const mixed = Number.NaN;

interface ZoneCache {
  format: Intl.DateTimeFormat;
  /** UTC day number → the offset all that day, or `mixed`. */
  days: Map<number, number>;
  /** Quarter-hour number → offset, for mixed days only. */
  offsets: Map<number, number>;
}

const zones = new Map<string, ZoneCache>();

function zoneCache(zone: string): ZoneCache {
  let cache = zones.get(zone);
  if (!cache) {
    cache = {
      format: new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
      days: new Map(),
      offsets: new Map(),
    };
    zones.set(zone, cache);
  }
  return cache;
}

/** True for a time-zone name this runtime knows (e.g. 'Asia/Shanghai'); false for anything else. */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function computeOffset(cache: ZoneCache, at: number): number {
  const parts: Record<string, number> = {};
  for (const p of cache.format.formatToParts(new Date(at))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - at;
}

function remember<V>(map: Map<number, V>, key: number, value: V): void {
  if (map.size >= maxCachedSlots) map.clear();
  map.set(key, value);
}

/** How far the zone's wall clock is ahead of UTC at instant `ms`, in milliseconds. */
export function zoneOffsetMs(ms: number, zone: string): number {
  const cache = zoneCache(zone);
  const day = Math.floor(ms / dayMs);
  let offset = cache.days.get(day);
  if (offset === undefined) {
    const start = computeOffset(cache, day * dayMs);
    // The same offset at both ends of the day: no change in between (zones change at most once a day).
    offset = start === computeOffset(cache, (day + 1) * dayMs - quarterHourMs) ? start : mixed;
    remember(cache.days, day, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const slot = Math.floor(ms / quarterHourMs);
  let exact = cache.offsets.get(slot);
  if (exact === undefined) {
    exact = computeOffset(cache, slot * quarterHourMs);
    remember(cache.offsets, slot, exact);
  }
  return exact;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export interface WallClock {
  /** YYYY-MM-DD */
  date: string;
  /** Minutes since the wall clock's midnight, 0–1439. */
  minute: number;
  /** 0 Sunday … 6 Saturday */
  weekday: number;
}

/** The zone's calendar date, time of day and weekday at instant `ms`. */
export function wallClockAt(ms: number, zone: string): WallClock {
  const d = new Date(ms + zoneOffsetMs(ms, zone));
  const date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  return { date, minute: d.getUTCHours() * 60 + d.getUTCMinutes(), weekday: d.getUTCDay() };
}

const dayStrings = new Map<number, string>();

/** The zone's calendar date at instant `ms`, YYYY-MM-DD (strings made once per calendar day). */
export function dateInZone(ms: number, zone: string): string {
  const day = Math.floor((ms + zoneOffsetMs(ms, zone)) / dayMs);
  let date = dayStrings.get(day);
  if (date === undefined) {
    const d = new Date(day * dayMs);
    date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
    remember(dayStrings, day, date);
  }
  return date;
}

/**
 * The instant when the zone's wall clock shows `date` at `minute` past midnight. A wall time skipped by a
 * daylight-saving jump lands an hour off; one that occurs twice gives either.
 */
export function instantInZone(date: string, minute: number, zone: string): number {
  const wall =
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) +
    minute * 60_000;
  // The offset at the wall time read as UTC is a first guess; the offset at that guess settles it.
  const guess = wall - zoneOffsetMs(wall, zone);
  return wall - zoneOffsetMs(guess, zone);
}

/** 'HH:mm' → minutes since midnight. */
export function minuteOfHm(hm: string): number {
  return Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
}

/** Minutes since midnight → 'HH:mm'. */
export function hmOfMinute(minute: number): string {
  return `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
}

/** 'YYYY-MM-DD' plus whole days, in calendar arithmetic. */
export function addCalendarDays(date: string, days: number): string {
  const d = new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) +
      days * 86_400_000,
  );
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}
