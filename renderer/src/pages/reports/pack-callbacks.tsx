import { useTranslation } from 'react-i18next';
import type { ReportPack } from '../../../../electron/contract/reports';
import { Fig } from './pack-diff';
import { ReportTable } from './report-table';
import { numberText, percentText } from './report-text';

type Section = ReportPack['callbacks'];
type TypeRow = Section['byType'][number];
type OperatorRow = Section['byOperator'][number];

const count = (v: number | null) => numberText(v);

/** 2. Call-backs: due, done, reached, reach rate, overdue; by call type and by operator. */
export function PackCallbacks({ pack }: { pack: ReportPack }) {
  const { t } = useTranslation();
  const c = pack.callbacks;
  const col = (k: string) => t(`reports.callbacks.columns.${k}` as 'reports.callbacks.columns.due');
  const sum = (k: 'due' | 'done' | 'reached' | 'overdue') => ({
    key: k,
    title: t(`reports.callbacks.summary.${k}`),
    num: true,
    cell: (s: Section) => <Fig path={`callbacks.${k}`} value={s[k]} format={count} />,
  });
  const typeNum = (k: 'due' | 'done' | 'reached' | 'overdue' | 'completedInMonth') => ({
    key: k,
    title: col(k),
    num: true,
    cell: (r: TypeRow) => <Fig path={`callbacks.byType[${r.ruleCode}].${k}`} value={r[k]} format={count} />,
  });
  const opNum = (k: 'assignedDue' | 'assignedDueDone' | 'done' | 'attempts' | 'reached') => ({
    key: k,
    title: col(k),
    num: true,
    cell: (r: OperatorRow) => (
      <Fig path={`callbacks.byOperator[${r.userId}].${k}`} value={r[k]} format={count} />
    ),
  });
  return (
    <section className="rp-section">
      <h2>{t('reports.callbacks.title')}</h2>
      <ReportTable
        columns={[
          sum('due'),
          sum('done'),
          sum('reached'),
          {
            key: 'reachRate',
            title: t('reports.callbacks.summary.reachRate'),
            num: true,
            cell: (s: Section) => <Fig path="callbacks.reachRate" value={s.reachRate} format={percentText} />,
          },
          sum('overdue'),
        ]}
        rows={[c]}
        rowKey={() => 'summary'}
      />
      <ReportTable
        caption={t('reports.callbacks.byType')}
        columns={[
          { key: 'ruleName', title: col('ruleName'), cell: (r: TypeRow) => r.ruleName },
          typeNum('due'),
          typeNum('done'),
          typeNum('reached'),
          typeNum('overdue'),
          typeNum('completedInMonth'),
        ]}
        rows={c.byType}
        rowKey={(r) => r.ruleCode}
        empty={t('reports.noData')}
      />
      <ReportTable
        caption={t('reports.callbacks.byOperator')}
        columns={[
          { key: 'operator', title: col('operator'), cell: (r: OperatorRow) => r.displayName },
          opNum('assignedDue'),
          opNum('assignedDueDone'),
          opNum('done'),
          opNum('attempts'),
          opNum('reached'),
          {
            key: 'reachRate',
            title: col('reachRate'),
            num: true,
            cell: (r) => (
              <Fig
                path={`callbacks.byOperator[${r.userId}].reachRate`}
                value={r.reachRate}
                format={percentText}
              />
            ),
          },
          {
            key: 'avgHandle',
            title: col('avgHandle'),
            num: true,
            cell: (r) => (
              <Fig
                path={`callbacks.byOperator[${r.userId}].avgHandleSeconds`}
                value={r.avgHandleSeconds}
                format={(v) =>
                  v === null ? t('reports.noData') : t('reports.callbacks.seconds', { n: Math.round(v) })
                }
              />
            ),
          },
        ]}
        rows={c.byOperator}
        rowKey={(r) => String(r.userId)}
        empty={t('reports.noData')}
      />
      <Notes notes={c.notes} />
    </section>
  );
}

export function Notes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="rp-notes">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
