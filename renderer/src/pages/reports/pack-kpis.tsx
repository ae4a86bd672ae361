import { useTranslation } from 'react-i18next';
import type { KpiFigure, ReportPack } from '../../../../electron/contract/reports';
import { Fig } from './pack-diff';
import { KpiSparkline } from './kpi-sparkline';
import type { ReportColumn } from './report-table';
import { ReportTable } from './report-table';
import { kpiValueText, numberText } from './report-text';

/** 1. KPI page: the month's value, the target, the last 12 months, and under the table each one's definition. */
export function PackKpis({ pack }: { pack: ReportPack }) {
  const { t } = useTranslation();
  const at = (k: KpiFigure, field: string) => `kpis[${k.code}].${field}`;
  const columns: ReportColumn<KpiFigure>[] = [
    { key: 'label', title: t('reports.kpi.columns.label'), cell: (k) => k.label },
    {
      key: 'value',
      title: t('reports.kpi.columns.value'),
      num: true,
      cell: (k) => (
        <strong>
          <Fig path={at(k, 'value')} value={k.value} format={(v) => kpiValueText(k.unit, v)} />
        </strong>
      ),
    },
    { key: 'target', title: t('reports.kpi.columns.target'), num: true, cell: (k) => k.targetText },
    {
      key: 'met',
      title: t('reports.kpi.columns.met'),
      cell: (k) => (
        <Fig
          path={at(k, 'meetsTarget')}
          value={k.meetsTarget}
          format={(v) => (v === null ? '—' : v ? t('reports.kpi.met') : t('reports.kpi.notMet'))}
        />
      ),
    },
    {
      key: 'ratio',
      title: t('reports.kpi.columns.ratio'),
      num: true,
      cell: (k) =>
        k.unit === 'rate' ? (
          <>
            <Fig path={at(k, 'numerator')} value={k.numerator} format={(v) => numberText(v)} /> /{' '}
            <Fig path={at(k, 'denominator')} value={k.denominator} format={(v) => numberText(v)} />
          </>
        ) : (
          '—'
        ),
    },
    { key: 'trend', title: t('reports.kpi.columns.trend'), cell: (k) => <KpiSparkline kpi={k} /> },
  ];
  return (
    <section className="rp-section rp-kpis">
      <h2>{t('reports.kpi.title')}</h2>
      <ReportTable columns={columns} rows={pack.kpis} rowKey={(k) => k.code} />
      <h3 className="rp-caption">{t('reports.kpi.definitions')}</h3>
      <ol className="rp-definitions">
        {pack.kpis.map((k) => (
          <li key={k.code}>
            <b>{k.label}</b>：{k.definition}
          </li>
        ))}
      </ol>
    </section>
  );
}
