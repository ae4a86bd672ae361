// The pack's own formatting (main's one home): the screen, the print view and the XLSX say the same thing, and a
// missing figure is 暂无数据, never 0.
import { noDataText } from '../../../../electron/domain/reports/report-format';

export {
  kpiValueText,
  moneyText,
  noDataText,
  percentText,
} from '../../../../electron/domain/reports/report-format';

/** Counts and 2-decimal amounts as they stand in the pack; null is no data. */
export function numberText(value: number | null, decimals = 0): string {
  if (value === null) return noDataText;
  return value.toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
