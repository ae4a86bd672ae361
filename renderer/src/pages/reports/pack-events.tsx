import { useTranslation } from 'react-i18next';
import type { ReportPack } from '../../../../electron/contract/reports';
import { formatEventDates } from '../events/event-format';
import { Notes } from './pack-callbacks';
import { Fig } from './pack-diff';
import type { ReportColumn } from './report-table';
import { ReportTable } from './report-table';
import { moneyText, numberText, percentText } from './report-text';

type Row = ReportPack['events']['rows'][number];
type Totals = ReportPack['events']['totals'];
/** The totals row carries no event of its own; its cells read the totals. */
type Line = { kind: 'row'; row: Row } | { kind: 'total'; totals: Totals };

const count = (v: number | null) => numberText(v);

/** 4. Events held: funnel, cost against budget, subsidy, cost per person, ROI. Wide: a landscape page. */
export function PackEvents({ pack }: { pack: ReportPack }) {
  const { t } = useTranslation();
  const e = pack.events;
  const col = (k: string) => t(`reports.events.columns.${k}` as 'reports.events.columns.title');
  const fig = (
    k:
      | 'invited'
      | 'reached'
      | 'accepted'
      | 'confirmed'
      | 'plannedFen'
      | 'actualFen'
      | 'subsidyReceivedFen'
      | 'netCostFen'
      | 'costPerPersonFen',
    title: string,
    format: (v: number | null) => string,
  ): ReportColumn<Line> => ({
    key: k,
    title,
    num: true,
    cell: (l) =>
      l.kind === 'row' ? (
        <Fig path={`events.rows[${l.row.eventId}].${k}`} value={l.row[k]} format={format} />
      ) : (
        <Fig path={`events.totals.${k}`} value={l.totals[k]} format={format} />
      ),
  });
  const columns: ReportColumn<Line>[] = [
    {
      key: 'title',
      title: col('title'),
      cell: (l) =>
        l.kind === 'row' ? (
          <>
            {l.row.title}
            <div className="rp-sub">
              {l.row.eventNo} · {l.row.typeLabel}
            </div>
          </>
        ) : (
          t('reports.events.total', { n: l.totals.events })
        ),
    },
    {
      key: 'dates',
      title: col('dates'),
      cell: (l) => (l.kind === 'row' ? formatEventDates(l.row.startsOn, l.row.endsOn) : ''),
    },
    fig('invited', col('invited'), count),
    fig('reached', col('reached'), count),
    fig('accepted', col('accepted'), count),
    fig('confirmed', col('confirmed'), count),
    {
      key: 'checkedIn',
      title: col('checkedIn'),
      num: true,
      cell: (l) => {
        const base = l.kind === 'row' ? `events.rows[${l.row.eventId}]` : 'events.totals';
        const v = l.kind === 'row' ? l.row : l.totals;
        return (
          <>
            <Fig path={`${base}.checkedIn`} value={v.checkedIn} format={count} /> /{' '}
            <Fig path={`${base}.checkedInPeople`} value={v.checkedInPeople} format={count} />
          </>
        );
      },
    },
    fig('plannedFen', col('planned'), moneyText),
    fig('actualFen', col('actual'), moneyText),
    fig('subsidyReceivedFen', col('subsidy'), moneyText),
    fig('netCostFen', col('net'), moneyText),
    fig('costPerPersonFen', col('perPerson'), moneyText),
    {
      key: 'roi',
      title: col('roi'),
      num: true,
      cell: (l) =>
        l.kind === 'row' ? (
          <Fig path={`events.rows[${l.row.eventId}].roi`} value={l.row.roi} format={percentText} />
        ) : (
          ''
        ),
    },
  ];
  return (
    <section className="rp-section rp-wide-section">
      <h2>{t('reports.events.title')}</h2>
      <ReportTable
        columns={columns}
        rows={e.rows.map((row): Line => ({ kind: 'row', row }))}
        total={e.rows.length > 0 ? { kind: 'total', totals: e.totals } : undefined}
        rowKey={(l) => (l.kind === 'row' ? String(l.row.eventId) : 'total')}
        empty={t('reports.events.empty')}
        wide
      />
      <Notes notes={e.notes} />
    </section>
  );
}
