import { useMemo } from 'react';
import type { KpiFigure } from '../../../../electron/contract/reports';
import { chartSvg } from './echarts-svg';

/** The KPI's last 12 months as a small line (a month without data is a gap, not a zero), target dashed. */
export function KpiSparkline({
  kpi,
  width = 150,
  height = 36,
}: {
  kpi: KpiFigure;
  width?: number;
  height?: number;
}) {
  const svg = useMemo(
    () =>
      chartSvg(
        {
          grid: { left: 2, right: 2, top: 4, bottom: 4 },
          xAxis: { type: 'category', show: false, data: kpi.last12.map((m) => m.month) },
          yAxis: { type: 'value', show: false, scale: true },
          series: [
            {
              type: 'line',
              data: kpi.last12.map((m) => m.value),
              connectNulls: false,
              symbol: 'circle',
              symbolSize: 3,
              lineStyle: { width: 1.5, color: '#1f5fbf' },
              itemStyle: { color: '#1f5fbf' },
              markLine:
                kpi.target === null
                  ? undefined
                  : {
                      silent: true,
                      symbol: 'none',
                      label: { show: false },
                      lineStyle: { type: 'dashed', color: '#c0392b', width: 1 },
                      data: [{ yAxis: kpi.target }],
                    },
            },
          ],
        },
        width,
        height,
      ),
    [kpi, width, height],
  );
  return (
    <span className="rp-spark" role="img" aria-label={kpi.label} dangerouslySetInnerHTML={{ __html: svg }} />
  );
}
