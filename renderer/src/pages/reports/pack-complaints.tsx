import { useTranslation } from 'react-i18next';
import type { ReportPack } from '../../../../electron/contract/reports';
import { Notes } from './pack-callbacks';
import { Fig } from './pack-diff';
import type { ReportColumn } from './report-table';
import { ReportTable } from './report-table';
import { numberText, percentText } from './report-text';

type Section = ReportPack['complaints'];
type Group = Section['kpis']['byCategory'][number];
type CountRow = Section['byGrade'][number];
type TimerRow = Section['timers'][number];

const count = (v: number | null) => numberText(v);
const hours = (v: number | null) => numberText(v, 1);

/** 3. Complaints: by grade, category and department; timers met; FCR; satisfaction; repeat rate; top causes. */
export function PackComplaints({ pack }: { pack: ReportPack }) {
  const { t } = useTranslation();
  const c = pack.complaints;
  const col = (k: string) => t(`reports.complaints.columns.${k}` as 'reports.complaints.columns.count');
  const rate = (k: 'fcr' | 'satisfaction' | 'aAnsweredIn24h' | 'repeatRate', title: string) => ({
    key: k,
    title,
    num: true,
    cell: (s: Section) => (
      <Fig path={`complaints.kpis.${k}.rate`} value={s.kpis[k].rate} format={percentText} />
    ),
  });
  const plain = (k: 'received' | 'closed' | 'reopened', title: string) => ({
    key: k,
    title,
    num: true,
    cell: (s: Section) => <Fig path={`complaints.kpis.${k}`} value={s.kpis[k]} format={count} />,
  });
  const groupColumns = (list: 'byCategory' | 'byDepartment', first: string): ReportColumn<Group>[] => {
    const at = (r: Group, f: string) => `complaints.kpis.${list}[${r.key}].${f}`;
    const num = (k: 'tickets' | 'closed' | 'breached') => ({
      key: k,
      title: col(k),
      num: true,
      cell: (r: Group) => <Fig path={at(r, k)} value={r[k]} format={count} />,
    });
    return [
      { key: 'label', title: first, cell: (r) => r.label },
      num('tickets'),
      num('closed'),
      num('breached'),
      {
        key: 'fcr',
        title: col('fcr'),
        num: true,
        cell: (r) => <Fig path={at(r, 'fcr.rate')} value={r.fcr.rate} format={percentText} />,
      },
      {
        key: 'avgHours',
        title: col('avgHours'),
        num: true,
        cell: (r) => <Fig path={at(r, 'averageCloseHours')} value={r.averageCloseHours} format={hours} />,
      },
    ];
  };
  const countColumns = (list: 'byGrade' | 'topRootCauses', first: string): ReportColumn<CountRow>[] => [
    { key: 'label', title: first, cell: (r) => r.label },
    {
      key: 'count',
      title: col('count'),
      num: true,
      cell: (r) => <Fig path={`complaints.${list}[${r.key}].count`} value={r.count} format={count} />,
    },
  ];
  const s = (k: string) => t(`reports.complaints.summary.${k}` as 'reports.complaints.summary.fcr');
  return (
    <section className="rp-section">
      <h2>{t('reports.complaints.title')}</h2>
      <ReportTable
        columns={[
          plain('received', s('received')),
          plain('closed', s('closed')),
          rate('fcr', s('fcr')),
          rate('satisfaction', s('satisfaction')),
          rate('aAnsweredIn24h', s('aIn24h')),
          rate('repeatRate', s('repeatRate')),
          plain('reopened', s('reopened')),
        ]}
        rows={[c]}
        rowKey={() => 'summary'}
      />
      <div className="rp-pair">
        <ReportTable
          caption={t('reports.complaints.byGrade')}
          columns={countColumns('byGrade', col('grade'))}
          rows={c.byGrade}
          rowKey={(r) => r.key}
          empty={t('reports.noData')}
        />
        <ReportTable
          caption={t('reports.complaints.timers')}
          columns={[
            { key: 'label', title: col('timer'), cell: (r: TimerRow) => r.label },
            {
              key: 'met',
              title: col('met'),
              num: true,
              cell: (r) => <Fig path={`complaints.timers[${r.timer}].met`} value={r.met} format={count} />,
            },
            {
              key: 'breached',
              title: col('breached'),
              num: true,
              cell: (r) => (
                <Fig path={`complaints.timers[${r.timer}].breached`} value={r.breached} format={count} />
              ),
            },
            {
              key: 'metRate',
              title: col('metRate'),
              num: true,
              cell: (r) => (
                <Fig path={`complaints.timers[${r.timer}].metRate`} value={r.metRate} format={percentText} />
              ),
            },
          ]}
          rows={c.timers}
          rowKey={(r) => r.timer}
          empty={t('reports.noData')}
        />
      </div>
      <ReportTable
        caption={t('reports.complaints.byCategory')}
        columns={groupColumns('byCategory', col('label'))}
        rows={c.kpis.byCategory}
        rowKey={(r) => r.key}
        empty={t('reports.noData')}
      />
      <ReportTable
        caption={t('reports.complaints.byDepartment')}
        columns={groupColumns('byDepartment', col('label'))}
        rows={c.kpis.byDepartment}
        rowKey={(r) => r.key}
        empty={t('reports.noData')}
      />
      <ReportTable
        caption={t('reports.complaints.topCauses')}
        columns={countColumns('topRootCauses', col('cause'))}
        rows={c.topRootCauses}
        rowKey={(r) => r.key}
        empty={t('reports.noData')}
      />
      <Notes notes={c.notes} />
    </section>
  );
}
