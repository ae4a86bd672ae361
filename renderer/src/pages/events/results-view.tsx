import { useTranslation } from 'react-i18next';
import type { EventResults, ResultGroup, RoiFigure } from '../../../../electron/contract/event-day';
import { formatFen } from '../../format/money';
import { formatSignedFen } from './event-format';

type Recorded = EventResults['recorded'];

/** A loss (service below the period before) with its sign in front of the yuan sign: -¥1,657.00. */
const money = (fen: number) => (fen < 0 ? formatSignedFen(fen) : formatFen(fen));
type Source = keyof Recorded | null;

/**
 * 效果: attendees beside the invited who stayed away (the comparison group, defined in one line), per customer
 * so the two sizes compare, the two ROI figures each with its attribution rule and what the attendees brought
 * beyond the comparison. A figure whose data the store does not keep at all reads 无数据, never 0. Shared by the
 * results tab and the printed report.
 */
export function ResultsView({ results }: { results: EventResults }) {
  const { t } = useTranslation();
  const noData = t('events.results.noData');
  const { recorded, comparison } = results;
  /** The figure, or 无数据 when the store keeps none of what it is made of (or it is not computable from nothing). */
  const known = (source: Source, text: () => string | null) =>
    source !== null && !recorded[source] ? noData : (text() ?? noData);
  const roiText = (r: RoiFigure, source: keyof Recorded) =>
    known(source, () => (r.percent === null ? t('events.results.roiNone') : `${r.percent}%`));
  const groups: [string, ResultGroup, keyof typeof comparison & ('attendees' | 'absent')][] = [
    [t('events.results.attendees'), results.attendees, 'attendees'],
    [t('events.results.absent'), results.absent, 'absent'],
  ];
  type Row = [string, Source, (g: ResultGroup, k: 'attendees' | 'absent') => string | null];
  const rows: Row[] = [
    [t('events.results.customers'), null, (g) => String(g.customers)],
    [t('events.results.metrics.leads'), null, (g) => String(g.leadsCreated)],
    [
      t('events.results.metrics.testDrives'),
      'testDrives',
      (g) => (g.testDrives === null ? null : String(g.testDrives)),
    ],
    [
      t('events.results.metrics.deliveries'),
      'deliveries',
      (g) =>
        `${g.deliveries.count} · ${formatFen(g.deliveries.revenueFen)}` +
        (g.deliveries.withoutPrice
          ? t('events.results.withoutPrice', { count: g.deliveries.withoutPrice })
          : ''),
    ],
    [
      t('events.results.perCustomer.deliveries'),
      'deliveries',
      (_, k) => {
        const v = comparison[k].deliveriesPerCustomer;
        return v === null ? null : v.toFixed(2);
      },
    ],
    [
      t('events.results.perCustomer.deliveryRevenue'),
      'deliveries',
      (_, k) => {
        const v = comparison[k].deliveryRevenueFen;
        return v === null ? null : formatFen(v);
      },
    ],
    [
      t('events.results.metrics.serviceVisits'),
      'serviceVisits',
      (g) => `${g.service.visits}（${t('events.results.before')} ${g.service.previousVisits}）`,
    ],
    [t('events.results.metrics.serviceRevenue'), 'serviceVisits', (g) => formatFen(g.service.revenueFen)],
    [
      t('events.results.metrics.serviceRevenueBefore'),
      'serviceVisits',
      (g) => formatFen(g.service.previousRevenueFen),
    ],
    [t('events.results.uplift'), 'serviceVisits', (g) => formatSignedFen(g.service.upliftFen)],
    [
      t('events.results.perCustomer.uplift'),
      'serviceVisits',
      (_, k) => {
        const v = comparison[k].serviceUpliftFen;
        return v === null ? null : formatSignedFen(v);
      },
    ],
    [t('events.results.metrics.referrals'), null, (g) => String(g.referrals)],
    [t('events.results.metrics.complaints'), null, (g) => String(g.complaints)],
    [
      `${t('events.results.roi')} · ${t('events.results.roiSales')}`,
      'deliveries',
      (g) => roiText(g.salesRoi, 'deliveries'),
    ],
    [
      `${t('events.results.roi')} · ${t('events.results.roiService')}`,
      'serviceVisits',
      (g) => roiText(g.serviceRoi, 'serviceVisits'),
    ],
  ];
  const cards = [
    {
      key: 'salesRoi' as const,
      label: t('events.results.roiSales'),
      source: 'deliveries' as const,
      extraFen: comparison.extraSalesFen,
      extraPercent: comparison.extraSalesRoiPercent,
    },
    {
      key: 'serviceRoi' as const,
      label: t('events.results.roiService'),
      source: 'serviceVisits' as const,
      extraFen: comparison.extraServiceFen,
      extraPercent: comparison.extraServiceRoiPercent,
    },
  ];
  return (
    <div className="ev-results">
      <div className="ev-results-window">
        {t('events.results.window', {
          days: results.windowDays,
          from: results.window.from,
          to: results.window.to,
        })}
        {results.windowOpen && <span className="ev-cell-sub"> · {t('events.results.windowOpen')}</span>}
      </div>
      <div className="ev-results-comparison" data-testid="results-comparison">
        {comparison.definition}
      </div>
      <div className="ev-roi-cards">
        {cards.map((c) => (
          <div className="ev-roi-card" key={c.key} data-roi={c.key}>
            <div className="ev-roi-label">
              {t('events.results.roi')} · {c.label}
            </div>
            <div className="ev-roi-value">{roiText(results.attendees[c.key], c.source)}</div>
            {recorded[c.source] && (
              <div className="ev-roi-money">
                {money(results.attendees[c.key].attributedRevenueFen)} ÷{' '}
                {formatFen(results.attendees[c.key].netCostFen)}
              </div>
            )}
            <div className="ev-roi-extra" data-extra={c.key}>
              {t('events.results.extra')}：
              {known(c.source, () =>
                c.extraFen === null
                  ? null
                  : `${formatSignedFen(c.extraFen)}${c.extraPercent === null ? '' : ` · ${c.extraPercent}%`}`,
              )}
            </div>
            <div className="ev-roi-rule">
              <strong>{t('events.results.rule')}：</strong>
              {results.attendees[c.key].rule}
            </div>
          </div>
        ))}
      </div>
      <table className="ev-results-table">
        <thead>
          <tr>
            <th />
            {groups.map(([label]) => (
              <th key={label}>{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, source, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {groups.map(([g, group, k]) => (
                <td key={g}>{known(source, () => value(group, k))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="ev-cell-sub ev-results-note">{results.testDrivesNote}</div>
    </div>
  );
}
