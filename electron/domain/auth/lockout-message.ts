import { AppError } from '../../contract/errors';
import { storeDate, storeTimeOfDay } from '../clock';

/**
 * "请于 10:42 后再试" on the store's clock. The time is rounded up to the minute, so trying at the minute
 * named always works; the date is added when the lockout ends on another store day.
 */
export function lockoutMessage(until: Date, now: Date): string {
  const shown = new Date(Math.ceil(until.getTime() / 60_000) * 60_000);
  const day = storeDate(shown);
  const [, month, date] = day.split('-');
  const when =
    day === storeDate(now)
      ? storeTimeOfDay(shown)
      : `${Number(month)}月${Number(date)}日 ${storeTimeOfDay(shown)}`;
  return `密码错误次数过多，请于 ${when} 后再试`;
}

export function lockedOutError(until: Date, now: Date): AppError {
  return new AppError('forbidden', lockoutMessage(until, now), {
    reason: 'locked',
    lockedUntil: until.toISOString(),
  });
}
