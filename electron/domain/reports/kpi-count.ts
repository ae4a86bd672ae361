/** A KPI's figure for one month: null value is 暂无数据 (nothing to count), never 0. */
export interface KpiCount {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export const noData: KpiCount = { value: null, numerator: null, denominator: null };

/** A share of counted customers or answers, rounded to 3 decimals. */
export function rateOf(numerator: number, denominator: number): KpiCount {
  if (denominator <= 0) return { value: null, numerator, denominator };
  return { value: Math.round((numerator / denominator) * 1000) / 1000, numerator, denominator };
}
