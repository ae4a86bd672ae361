import type { KpiFigure } from '../../contract/reports';

/** What the pack prints for a missing figure: no data is not zero. */
export const noDataText = '暂无数据';

export function percentText(rate: number | null): string {
  return rate === null ? noDataText : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** ¥1,234.56 from fen, integer arithmetic to the last fen. */
export function moneyText(fen: number | null): string {
  if (fen === null) return noDataText;
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

export function kpiValueText(unit: KpiFigure['unit'], value: number | null): string {
  if (value === null) return noDataText;
  if (unit === 'rate') return percentText(value);
  if (unit === 'fen') return moneyText(value);
  return value.toFixed(1);
}
