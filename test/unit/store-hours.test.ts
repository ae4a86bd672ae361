import { describe, expect, it } from 'vitest';
import {
  hoursLabel,
  isMinuteWithin,
  isWithinHours,
  nextWithinHours,
} from '../../electron/common/store-hours';
import { dateInZone, instantInZone, isTimeZone, wallClockAt } from '../../electron/common/store-time';

const calling = { start: '09:00', end: '20:00' };
const overnight = { start: '22:00', end: '02:00' };
const ms = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();

describe('store hours', () => {
  it('opens at the start minute and is closed from the end minute on', () => {
    expect(isMinuteWithin(9 * 60 - 1, calling)).toBe(false);
    expect(isMinuteWithin(9 * 60, calling)).toBe(true);
    expect(isMinuteWithin(20 * 60 - 1, calling)).toBe(true);
    expect(isMinuteWithin(20 * 60, calling)).toBe(false);
  });

  it('runs an overnight range across midnight', () => {
    expect(isMinuteWithin(23 * 60, overnight)).toBe(true);
    expect(isMinuteWithin(60, overnight)).toBe(true);
    expect(isMinuteWithin(2 * 60, overnight)).toBe(false);
    expect(isMinuteWithin(12 * 60, overnight)).toBe(false);
    expect(hoursLabel(overnight)).toBe('22:00–次日02:00');
    expect(hoursLabel(calling)).toBe('09:00–20:00');
  });

  it('keeps a time inside the hours, and moves one outside to the next opening on the store’s clock', () => {
    const zone = 'Asia/Shanghai';
    // 19:59 Beijing stays; 20:00 exactly (the end) goes to 09:00 the next day.
    expect(iso(nextWithinHours(ms('2026-12-01T11:59:00Z'), calling, zone))).toBe('2026-12-01T11:59:00.000Z');
    expect(iso(nextWithinHours(ms('2026-12-01T12:00:00Z'), calling, zone))).toBe('2026-12-02T01:00:00.000Z');
    // 01:38 Beijing (the reported retry) waits for 09:00 the same store day.
    expect(iso(nextWithinHours(ms('2026-11-30T17:38:00Z'), calling, zone))).toBe('2026-12-01T01:00:00.000Z');
    // Overnight hours: 03:00 waits for 22:00 that evening; 23:30 stays.
    expect(iso(nextWithinHours(ms('2026-11-30T19:00:00Z'), overnight, zone))).toBe(
      '2026-12-01T14:00:00.000Z',
    );
    expect(iso(nextWithinHours(ms('2026-12-01T15:30:00Z'), overnight, zone))).toBe(
      '2026-12-01T15:30:00.000Z',
    );
  });

  it('reads the same instant in the zone it is given', () => {
    const t = ms('2026-12-01T11:30:00Z'); // 19:30 Beijing, 11:30 London, 03:30 Los Angeles
    expect(isWithinHours(t, calling, 'Asia/Shanghai')).toBe(true);
    expect(isWithinHours(t, calling, 'Europe/London')).toBe(true);
    expect(isWithinHours(t, calling, 'America/Los_Angeles')).toBe(false);
    expect(iso(nextWithinHours(t, calling, 'America/Los_Angeles'))).toBe('2026-12-01T17:00:00.000Z');
    expect(iso(nextWithinHours(ms('2026-12-01T12:30:00Z'), calling, 'Asia/Shanghai'))).toBe(
      '2026-12-02T01:00:00.000Z',
    );
  });
});

describe('store wall clock', () => {
  it('knows real zones only', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Atlantis')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('turns instants into store dates and back, across a daylight-saving change', () => {
    expect(dateInZone(ms('2026-11-30T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-01');
    expect(dateInZone(ms('2026-11-30T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(wallClockAt(ms('2026-11-30T17:30:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2026-12-01',
      minute: 90,
      weekday: 2,
    });
    expect(iso(instantInZone('2026-12-01', 0, 'Asia/Shanghai'))).toBe('2026-11-30T16:00:00.000Z');
    // New York leaves daylight saving on 1 Nov 2026: midnight is 04:00Z before, 05:00Z after.
    expect(iso(instantInZone('2026-10-31', 0, 'America/New_York'))).toBe('2026-10-31T04:00:00.000Z');
    expect(iso(instantInZone('2026-11-02', 9 * 60, 'America/New_York'))).toBe('2026-11-02T14:00:00.000Z');
    expect(dateInZone(ms('2026-11-01T04:30:00Z'), 'America/New_York')).toBe('2026-11-01');
    expect(dateInZone(ms('2026-11-01T03:59:00Z'), 'America/New_York')).toBe('2026-10-31');
  });
});
