import type { TFunction } from 'i18next';
import { formatFen } from '../../format/money';

/** 2026-05-18 – 05-19: a multi-day event's dates, the year written once. */
export function formatEventDates(startsOn: string, endsOn: string): string {
  if (startsOn === endsOn) return startsOn;
  return startsOn.slice(0, 4) === endsOn.slice(0, 4)
    ? `${startsOn} – ${endsOn.slice(5)}`
    : `${startsOn} – ${endsOn}`;
}

/** 50 / 40 车: held against capacity (no capacity: just the count). */
export function seatsOf(
  t: TFunction,
  held: number,
  capacity: number | null,
  unit: 'cars' | 'people',
): string {
  const n = capacity === null ? String(held) : `${held} / ${capacity}`;
  return t(unit === 'cars' ? 'events.list.cars' : 'events.list.people', { n });
}

/** 0.4321 → 43.2%; null (nothing before it) → —. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}

export const thisYear = () => new Date().getFullYear();

/** A difference in fen with its sign in front of the yuan sign: +¥680.00, -¥25,820.00. */
export function formatSignedFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  if (fen === 0) return formatFen(0);
  return fen > 0 ? `+${formatFen(fen)}` : `-${formatFen(-fen)}`;
}
