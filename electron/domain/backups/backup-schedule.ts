import { addCalendarDays } from '../../common/store-time';
import { storeDate, storeDateTime } from '../clock';

/** The latest instant at or before `now` when the store's clock showed `time` ('HH:mm'). */
export function lastSlot(now: Date, time: string): Date {
  const today = storeDate(now);
  const slot = storeDateTime(today, time);
  return slot.getTime() <= now.getTime() ? slot : storeDateTime(addCalendarDays(today, -1), time);
}

/** The next instant after `now` when the store's clock shows `time`. */
export function nextSlot(now: Date, time: string): Date {
  const today = storeDate(now);
  const slot = storeDateTime(today, time);
  return slot.getTime() > now.getTime() ? slot : storeDateTime(addCalendarDays(today, 1), time);
}

/**
 * Whether the daily copy is due: no good copy since the latest slot. A slot missed while the computer was off
 * (closed at 22:00 with the copy set for 23:00) is made up as soon as the app runs again, and a backup made by
 * hand after the slot counts for that day.
 */
export function isBackupDue(now: Date, time: string, lastGoodAt: Date | null): boolean {
  return !lastGoodAt || lastGoodAt.getTime() < lastSlot(now, time).getTime();
}

/** When the next daily copy will be made: now if one is due, else the next slot. */
export function nextBackupAt(now: Date, time: string, lastGoodAt: Date | null): Date {
  return isBackupDue(now, time, lastGoodAt) ? now : nextSlot(now, time);
}
