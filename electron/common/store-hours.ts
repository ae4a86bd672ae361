import { addCalendarDays, instantInZone, minuteOfHm, wallClockAt } from './store-time';

/**
 * The one rule for the store's opening hours (calling hours, service department hours), used by main to
 * schedule and validate and by the renderer to grey out picker times.
 *
 * A range is [start, end): a call may start at 09:00 and no later than 19:59 for 09:00–20:00, because a
 * slot at the closing minute cannot be worked. A range whose end is before its start runs overnight
 * (22:00–02:00). Every day counts: 4S stores call and service at weekends too.
 */
export interface HoursRange {
  /** 'HH:mm' */
  start: string;
  /** 'HH:mm' */
  end: string;
}

/** Whether `minute` (since the wall clock's midnight) falls inside the range. */
export function isMinuteWithin(minute: number, hours: HoursRange): boolean {
  const start = minuteOfHm(hours.start);
  const end = minuteOfHm(hours.end);
  if (start === end) return true;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** Whether instant `ms` falls inside the range on the zone's wall clock. */
export function isWithinHours(ms: number, hours: HoursRange, zone: string): boolean {
  return isMinuteWithin(wallClockAt(ms, zone).minute, hours);
}

/**
 * The first instant at or after `ms` inside the range: `ms` itself when it is inside, the same store day's
 * opening when it is before it, otherwise the next day's opening.
 */
export function nextWithinHours(ms: number, hours: HoursRange, zone: string): number {
  const wall = wallClockAt(ms, zone);
  if (isMinuteWithin(wall.minute, hours)) return ms;
  const start = minuteOfHm(hours.start);
  const day = wall.minute < start ? wall.date : addCalendarDays(wall.date, 1);
  return instantInZone(day, start, zone);
}

/** "09:00–20:00", as staff read it in messages. */
export function hoursLabel(hours: HoursRange): string {
  const overnight = minuteOfHm(hours.end) < minuteOfHm(hours.start);
  return `${hours.start}–${overnight ? '次日' : ''}${hours.end}`;
}
