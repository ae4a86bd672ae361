import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { HoursRange } from '../../../electron/common/store-hours';
import { isWithinHours, nextWithinHours } from '../../../electron/common/store-hours';

/**
 * A date-time picker held to the store's hours. The picker shows this computer's clock; every candidate is
 * checked as an instant against the hours on the store's clock (electron/common/store-hours, the rule main
 * applies), so a workstation in another zone still only offers what main accepts.
 */
export interface HoursConstraint {
  allowed: (d: Dayjs) => boolean;
  disabledDate: (d: Dayjs) => boolean;
  disabledTime: (d: Dayjs | null) => {
    disabledHours: () => number[];
    disabledMinutes: (hour: number) => number[];
  };
  /** The time of day a freshly clicked date gets: the opening time. */
  openingTime: Dayjs;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export function hoursConstraint(
  hours: HoursRange,
  zone: string,
  now: Dayjs,
  minuteStep = 5,
): HoursConstraint {
  const allowed = (d: Dayjs) => isWithinHours(d.valueOf(), hours, zone);
  const minuteOk = (day: Dayjs, hour: number, minute: number) =>
    allowed(day.hour(hour).minute(minute).second(0).millisecond(0));
  const steps = range(60 / minuteStep).map((i) => i * minuteStep);
  return {
    allowed,
    // Days before today cannot be picked, nor today once its hours are over (every later day has hours).
    disabledDate: (d) =>
      d.isBefore(now, 'day') ||
      (d.isSame(now, 'day') &&
        !range(24).some((h) => steps.some((m) => minuteOk(d, h, m) && d.hour(h).minute(m).isAfter(now)))),
    disabledTime: (d) => {
      const day = d ?? now;
      return {
        disabledHours: () => range(24).filter((h) => !steps.some((m) => minuteOk(day, h, m))),
        disabledMinutes: (h) => range(60).filter((m) => !minuteOk(day, h, m)),
      };
    },
    openingTime: dayjs(nextWithinHours(now.startOf('day').valueOf(), hours, zone)),
  };
}
