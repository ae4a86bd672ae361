import { dateInZone, hmOfMinute, instantInZone, minuteOfHm, wallClockAt } from '../common/store-time';
import { storeTimeZoneDefault } from '../contract/settings';

/** Injected everywhere time matters so rules can be tested with a fixed date. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/*
 * The store's time zone, the single source of every calendar date and time of day main computes (never the
 * host's zone: a store server set to UTC must still start its day at Beijing midnight).
 *
 * It is process state on purpose: one process serves one store's database, exactly as the host zone it
 * replaces was process state, and keeping it here leaves the many `localDate(d)` callers unchanged.
 * app-core sets it from store_settings when it opens the database, settings.update sets it after saving,
 * and the import worker (its own thread, so its own copy of this module) reads it from its database too.
 */
let storeZone: string = storeTimeZoneDefault;

export function setStoreTimeZone(zone: string): void {
  storeZone = zone;
}

export function storeTimeZone(): string {
  return storeZone;
}

/** The store's calendar date at an instant, YYYY-MM-DD. */
export function storeDate(d: Date): string {
  return dateInZone(d.getTime(), storeZone);
}

/** The store's calendar date at an instant, YYYY-MM-DD (the name most callers use). */
export const localDate = storeDate;

/** The store's wall-clock time of day at an instant, 'HH:mm'. */
export function storeTimeOfDay(d: Date): string {
  return hmOfMinute(wallClockAt(d.getTime(), storeZone).minute);
}

/** "YYYY-MM-DD HH:mm" on the store's wall clock, for summaries staff read. */
export function storeDateTimeLabel(d: Date): string {
  const wall = wallClockAt(d.getTime(), storeZone);
  return `${wall.date} ${hmOfMinute(wall.minute)}`;
}

/** The instant the store's wall clock shows `date` at `time` ('HH:mm', default midnight). */
export function storeDateTime(date: string, time = '00:00'): Date {
  return new Date(instantInZone(date, minuteOfHm(time), storeZone));
}

/** The instant the store day `date` begins. */
export function storeDayStart(date: string): Date {
  return storeDateTime(date, '00:00');
}
