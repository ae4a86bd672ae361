import type Database from 'better-sqlite3';
import type { HoursRange } from '../../common/store-hours';
import { hoursLabel, isWithinHours, nextWithinHours } from '../../common/store-hours';
import { AppError } from '../../contract/errors';
import { storeTimeZone } from '../clock';
import { loadStoreSettings } from '../settings/settings-service';

/**
 * Times an outcome sets, held to the store's hours: a customer is only rung in calling hours and only booked
 * into the service department's hours, on the store's wall clock. The rule itself is electron/common/store-hours.
 */
export interface CallHours {
  calling: HoursRange;
  service: HoursRange;
}

export function loadCallHours(sqlite: Database.Database): CallHours {
  const s = loadStoreSettings(sqlite);
  return { calling: s.callingHours, service: s.serviceHours };
}

/** When a no-answer (or any recycled) task comes back: after the delay, moved into the next calling hours. */
export function retryAt(at: Date, delayMinutes: number, hours: CallHours): string {
  return new Date(
    nextWithinHours(at.getTime() + delayMinutes * 60_000, hours.calling, storeTimeZone()),
  ).toISOString();
}

/** Rejects an appointment outside service hours or a call-back outside calling hours, changing nothing. */
export function checkOutcomeTimes(
  input: { appointmentAt: string | null; callBackAt: string | null },
  hours: CallHours,
): void {
  const zone = storeTimeZone();
  if (input.appointmentAt && !isWithinHours(Date.parse(input.appointmentAt), hours.service, zone)) {
    const message = `预约到店时间应在售后接待时段（${hoursLabel(hours.service)}）内`;
    throw new AppError('validation', message, { fields: { appointmentAt: message } });
  }
  if (input.callBackAt && !isWithinHours(Date.parse(input.callBackAt), hours.calling, zone)) {
    const message = `约定回电时间应在回访拨打时段（${hoursLabel(hours.calling)}）内`;
    throw new AppError('validation', message, { fields: { callBackAt: message } });
  }
}
