import { useTranslation } from 'react-i18next';
import type { EventResults, ResultGroup, RoiFigure } from '../../../../electron/contract/event-day';
import { formatFen } from '../../format/money';
import { formatSignedFen } from './event-format';

function roiText(t: (k: string) => string, r: RoiFigure): string {
  return r.percent === null ? t('events.results.roiNone') : `${r.percent}%`;
}

/**
 * 效果: attendees beside the invited who stayed away (the comparison group), the two ROI figures each with its
 * attribution rule written next to it. Shared by the results tab and the printed report.
 */
export function ResultsView({ results }: { results: EventResults }) {
  const { t } = useTranslation();
  const tt = t as unknown as (k: string) => string;
  const groups: [string, ResultGroup][] = [
    [t('events.results.attendees'), results.attendees],
    [t('events.results.absent'), results.absent],
  ];
  const rows: [string, (g: ResultGroup) => string][] = [
    [t('events.results.customers'), (g) => String(g.customers)],
    [t('events.results.metrics.leads'), (g) => String(g.leadsCreated)],
    [t('events.results.metrics.testDrives'), (g) => (g.testDrives === null ? '—' : String(g.testDrives))],
    [
      t('events.results.metrics.deliveries'),
      (g) => `${g.deliveries.count} · ${formatFen(g.deliveries.revenueFen)}`,
    ],
    [
      t('events.results.metrics.serviceVisits'),
      (g) => `${g.service.visits}（${t('events.results.before')} ${g.service.previousVisits}）`,
    ],
    [t('events.results.metrics.serviceRevenue'), (g) => formatFen(g.service.revenueFen)],
    [t('events.results.metrics.serviceRevenueBefore'), (g) => formatFen(g.service.previousRevenueFen)],
    [t('events.results.uplift'), (g) => formatSignedFen(g.service.upliftFen)],
    [t('events.results.metrics.referrals'), (g) => String(g.referrals)],
    [t('events.results.metrics.complaints'), (g) => String(g.complaints)],
    [`${t('events.results.roi')} · ${t('events.results.roiSales')}`, (g) => roiText(tt, g.salesRoi)],
    [`${t('events.results.roi')} · ${t('events.results.roiService')}`, (g) => roiText(tt, g.serviceRoi)],
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
      <div className="ev-roi-cards">
        {(['salesRoi', 'serviceRoi'] as const).map((k) => (
          <div className="ev-roi-card" key={k} data-roi={k}>
            <div className="ev-roi-label">
              {t('events.results.roi')} ·{' '}
              {t(k === 'salesRoi' ? 'events.results.roiSales' : 'events.results.roiService')}
            </div>
            <div className="ev-roi-value">{roiText(tt, results.attendees[k])}</div>
            <div className="ev-roi-money">
              {formatFen(results.attendees[k].attributedRevenueFen)} ÷{' '}
              {formatFen(results.attendees[k].netCostFen)}
            </div>
            <div className="ev-roi-rule">
              <strong>{t('events.results.rule')}：</strong>
              {results.attendees[k].rule}
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
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {groups.map(([g, group]) => (
                <td key={g}>{value(group)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="ev-cell-sub ev-results-note">{results.testDrivesNote}</div>
    </div>
  );
}
