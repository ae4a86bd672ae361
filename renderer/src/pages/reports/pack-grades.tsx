import { useTranslation } from 'react-i18next';
import type { GradeCounts, GradeTable, ReportPack } from '../../../../electron/contract/reports';
import { Fig } from './pack-diff';
import type { ReportColumn } from './report-table';
import { ReportTable } from './report-table';
import { numberText } from './report-text';

type TableKey = keyof ReportPack['grades'];
type Row = GradeTable['rows'][number];
const gradeKeys = ['premium', 'potential', 'normal', 'total'] as const;

/** One grade table: this year's counts beside the same month last year (from its frozen pack, else no data). */
function GradeTableView({ name, table, caption }: { name: TableKey; table: GradeTable; caption: string }) {
  const { t } = useTranslation();
  const total: Row = { key: 'total', label: t('reports.total'), ...table.total };
  const base = (r: Row) => (r === total ? `grades.${name}.total` : `grades.${name}.rows[${r.key}]`);
  const side = (year: 'thisYear' | 'lastYear'): ReportColumn<Row>[] =>
    gradeKeys.map((g) => ({
      key: `${year}-${g}`,
      title: t(`reports.grades.columns.${g}`),
      num: true,
      cell: (r: Row) => {
        const counts: GradeCounts | null = r[year];
        return (
          <Fig
            path={`${base(r)}.${year}.${g}`}
            value={counts ? counts[g] : null}
            format={(v) => numberText(v)}
          />
        );
      },
    }));
  return (
    <>
      <ReportTable
        caption={caption}
        head={
          <tr>
            <th />
            <th colSpan={4} className="rp-group-head">
              {t('reports.grades.thisYear')}
            </th>
            <th colSpan={4} className="rp-group-head">
              {t('reports.grades.lastYear')}
            </th>
          </tr>
        }
        columns={[
          { key: 'label', title: t('reports.grades.columns.group'), cell: (r) => r.label },
          ...side('thisYear'),
          ...side('lastYear'),
        ]}
        rows={table.rows}
        total={table.rows.length > 0 ? total : undefined}
        rowKey={(r) => r.key}
        empty={t('reports.noData')}
      />
      <p className="rp-definition">{table.definition}</p>
    </>
  );
}

/** 6. Base grade 优质/潜力/一般 by district (this year beside last), by industry, by age band. */
export function PackGrades({ pack }: { pack: ReportPack }) {
  const { t } = useTranslation();
  return (
    <section className="rp-section">
      <h2>{t('reports.grades.title')}</h2>
      {(['byDistrict', 'byIndustry', 'byAge'] as const).map((k) => (
        <GradeTableView key={k} name={k} table={pack.grades[k]} caption={t(`reports.grades.${k}`)} />
      ))}
    </section>
  );
}
