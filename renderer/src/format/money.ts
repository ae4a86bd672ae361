const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const wholeYuanFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** Money is stored in fen (integer) so sums never drift; staff read yuan. ¥1,234,567.89 */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `¥${yuanFormat.format(fen / 100)}`;
}

/** Budgets and prices in lists read better without cents: ¥150,000 */
export function formatFenWhole(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `¥${wholeYuanFormat.format(Math.round(fen / 100))}`;
}

export function yuanToFen(yuan: number | null | undefined): number | null {
  return yuan === null || yuan === undefined ? null : Math.round(yuan * 100);
}

export function fenToYuan(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / 100;
}

/** Thousands separators while typing whole yuan; antd's default parser strips them (and ¥) again. */
export const yuanInputFormatter = (value: number | string | undefined): string =>
  value === undefined || value === '' ? '' : `${value}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
