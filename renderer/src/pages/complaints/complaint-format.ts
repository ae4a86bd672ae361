import type { TFunction } from 'i18next';
import type { SlaUnit, TicketRow, TimerStatus } from '../../../../electron/contract/complaints';

/**
 * How long, as staff read a deadline: "3 小时 20 分", "2 天 4 小时". Minutes counted inside working hours are
 * not real days (a working day is 9 hours), so they are shown as working hours only, never folded into days.
 */
export function formatDuration(t: TFunction, minutes: number, working: boolean, compact = false): string {
  // A list chip past three hours: the hours say enough (the tooltip has the minutes), and the row stays narrow.
  const m = Math.abs(minutes);
  const coarse = compact && m >= 180 && (working || m < 24 * 60) ? Math.floor(m / 60) * 60 : minutes;
  const text = durationText(t, coarse, working);
  // Chips in a list row: the spaces between number and unit cost more width than they help.
  return compact ? text.replace(/(\d) (?=\D)|(?<=\D) (?=\d)/g, '$1') : text;
}

function durationText(t: TFunction, minutes: number, working: boolean): string {
  const m = Math.round(Math.abs(minutes));
  if (m < 60) return t('complaints.duration.minutes', { m });
  const hoursTotal = Math.floor(m / 60);
  const rest = m % 60;
  if (working) {
    // Past ten hours the minutes are noise beside the hours.
    return hoursTotal >= 10 || rest === 0
      ? t('complaints.duration.workHours', { h: hoursTotal })
      : t('complaints.duration.workHoursMinutes', { h: hoursTotal, m: rest });
  }
  if (hoursTotal < 24) {
    return rest === 0
      ? t('complaints.duration.hours', { h: hoursTotal })
      : t('complaints.duration.hoursMinutes', { h: hoursTotal, m: rest });
  }
  const days = Math.floor(hoursTotal / 24);
  const hours = hoursTotal % 24;
  return hours === 0
    ? t('complaints.duration.days', { d: days })
    : t('complaints.duration.daysHours', { d: days, h: hours });
}

export const isWorkingUnit = (unit: SlaUnit | undefined | null): boolean =>
  unit === 'working_hours' || unit === 'working_days';

/** "剩 3 小时" or "超 2 小时" for a timer's counted minutes. */
export function leftOrOver(t: TFunction, minutes: number, working: boolean): string {
  const time = formatDuration(t, minutes, working);
  return minutes < 0 ? t('complaints.sla.over', { time }) : t('complaints.sla.left', { time });
}

/** The timer of a row the chip speaks about, to know whether its minutes are working minutes. */
export function chipTimer(row: Pick<TicketRow, 'sla' | 'timers'>): TimerStatus | undefined {
  const next = row.sla.nextTimer;
  return next ? row.timers.find((x) => x.timer === next) : undefined;
}

/** "4 个工作小时", "24 小时（全天候）" for a target. */
export function targetLabel(t: TFunction, target: TimerStatus['target']): string {
  if (!target) return t('common.none');
  return t(`complaints.units.${target.unit}`, { count: target.amount });
}
