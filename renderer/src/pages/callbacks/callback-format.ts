import dayjs from 'dayjs';
import type { TFunction } from 'i18next';

/** Seconds as staff read a call's length: 45 秒, 3 分 12 秒. */
export function formatSeconds(t: TFunction, seconds: number | null): string {
  if (seconds === null) return t('common.none');
  const s = Math.round(seconds);
  if (s < 60) return t('callbacks.workload.seconds', { s });
  return t('callbacks.workload.minutes', { m: Math.floor(s / 60), s: s % 60 });
}

/** A running clock for the call: 03:07, or 1:02:07 past an hour. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

export function formatPercent(ratio: number | null): string {
  return ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`;
}

/** Today's time alone (14:30); another day with its date (2026-11-23 10:00). */
export function formatWhen(iso: string): string {
  const d = dayjs(iso);
  return d.isSame(dayjs(), 'day') ? d.format('HH:mm') : d.format('YYYY-MM-DD HH:mm');
}

/** Whole days between two YYYY-MM-DD dates. */
export function daysBetween(from: string, to: string): number {
  return dayjs(to).diff(dayjs(from), 'day');
}

export const priorities = [1, 2, 3, 4, 5] as const;
export type Priority = (typeof priorities)[number];

export function asPriority(value: number): Priority {
  return (priorities.find((p) => p === value) ?? 5) as Priority;
}
