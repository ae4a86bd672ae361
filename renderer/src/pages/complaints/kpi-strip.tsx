import { useQuery } from '@tanstack/react-query';
import { Alert, Segmented, Skeleton, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addCalendarDays, dateInZone } from '../../../../electron/common/store-time';
import type { ComplaintKpis } from '../../../../electron/contract/complaints';
import { complaintGrades } from '../../../../electron/contract/complaints';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { useStoreSettings } from '../../settings/use-store-settings';
import { complaintKeys } from './complaint-keys';

type Period = 'month' | 'days30' | 'year';

/** The period's first and last store dates (today included). */
function periodRange(period: Period, today: string): { from: string; to: string } {
  if (period === 'month') return { from: `${today.slice(0, 7)}-01`, to: today };
  if (period === 'year') return { from: `${today.slice(0, 4)}-01-01`, to: today };
  return { from: addCalendarDays(today, -29), to: today };
}

const pct = (rate: number | null) =>
  rate === null ? '—' : `${(rate * 100).toFixed(rate >= 0.9995 ? 0 : 1)}%`;

interface RateTileProps {
  label: string;
  kpi: ComplaintKpis['fcr'];
  hint: string;
}

/** A rate against its target: green when met, red when not, grey with nothing to count yet. */
function RateTile({ label, kpi, hint }: RateTileProps) {
  const { t } = useTranslation();
  const tone = kpi.rate === null ? 'none' : kpi.rate >= kpi.target ? 'ok' : 'bad';
  return (
    <Tooltip title={hint} mouseEnterDelay={0.3}>
      <div className={`cp-kpi cp-kpi-${tone}`} tabIndex={0}>
        <div className="cp-kpi-label">{label}</div>
        <div className="cp-kpi-value">{pct(kpi.rate)}</div>
        <div className="cp-kpi-sub">
          {t('complaints.kpi.ofTarget', {
            n: kpi.numerator,
            d: kpi.denominator,
            target: pct(kpi.target),
          })}
        </div>
      </div>
    </Tooltip>
  );
}

/** Managers' line above the list: the seeds' targets (FCR ≥ 75%, satisfaction ≥ 90%, A in 24 h 100%) and more. */
export function KpiStrip() {
  const { t } = useTranslation();
  const zone = useStoreSettings()?.storeTimeZone ?? 'Asia/Shanghai';
  const [period, setPeriod] = useState<Period>('month');
  // The page's moment of opening: a manager leaving it open past midnight reloads for the new day.
  const [openedAt] = useState(() => Date.now());
  const { from, to } = periodRange(period, dateInZone(openedAt, zone));
  const kpis = useQuery({
    queryKey: complaintKeys.kpis(from, to),
    queryFn: () => api.call('complaints.kpis', { from, to }),
    staleTime: 60_000,
  });

  const k = kpis.data;
  const breaches = k?.breaches.reduce((n, b) => n + b.count, 0) ?? 0;
  return (
    <section className="cp-kpis" aria-label={t('complaints.kpi.label')}>
      <div className="cp-kpis-head">
        <span className="cp-kpis-title">{t('complaints.kpi.title')}</span>
        <Segmented<Period>
          size="small"
          value={period}
          onChange={setPeriod}
          options={(['month', 'days30', 'year'] as const).map((p) => ({
            value: p,
            label: t(`complaints.kpi.periods.${p}`),
          }))}
        />
        <span className="cp-kpis-range">{t('complaints.kpi.range', { from, to })}</span>
      </div>
      {kpis.isError ? (
        <Alert type="error" showIcon title={errorMessage(kpis.error)} className="cp-kpis-error" />
      ) : !k ? (
        <Skeleton active paragraph={{ rows: 1 }} title={false} className="cp-kpis-skeleton" />
      ) : (
        <div className="cp-kpis-row">
          <div className="cp-kpi cp-kpi-plain">
            <div className="cp-kpi-label">{t('complaints.kpi.received')}</div>
            <div className="cp-kpi-value">{k.received}</div>
            <div className="cp-kpi-sub">{t('complaints.kpi.closedCount', { count: k.closed })}</div>
          </div>
          <RateTile label={t('complaints.kpi.fcr')} kpi={k.fcr} hint={t('complaints.kpi.fcrHint')} />
          <RateTile
            label={t('complaints.kpi.satisfaction')}
            kpi={k.satisfaction}
            hint={t('complaints.kpi.satisfactionHint')}
          />
          <RateTile
            label={t('complaints.kpi.aIn24h')}
            kpi={k.aAnsweredIn24h}
            hint={t('complaints.kpi.aIn24hHint')}
          />
          <Tooltip
            title={k.breaches.map((b) => `${t(`complaints.timers.${b.timer}`)} ${b.count}`).join('；')}
            mouseEnterDelay={0.3}
          >
            <div className={`cp-kpi ${breaches > 0 ? 'cp-kpi-bad' : 'cp-kpi-ok'}`} tabIndex={0}>
              <div className="cp-kpi-label">{t('complaints.kpi.breaches')}</div>
              <div className="cp-kpi-value">{breaches}</div>
              <div className="cp-kpi-sub">
                {t('complaints.kpi.repeatRate', { rate: pct(k.repeatRate.rate) })}
              </div>
            </div>
          </Tooltip>
          <div className="cp-kpi cp-kpi-plain cp-kpi-wide">
            <div className="cp-kpi-label">{t('complaints.kpi.avgClose')}</div>
            <div className="cp-kpi-grades">
              {complaintGrades.map((g) => {
                const row = k.averageCloseHoursByGrade.find((x) => x.grade === g);
                return (
                  <span key={g} className="cp-kpi-grade">
                    <span className={`cp-grade cp-grade-${g}`}>{g}</span>
                    <span className="cp-kpi-grade-value">
                      {row?.hours === null || row === undefined
                        ? '—'
                        : t('complaints.kpi.hours', { hours: row.hours.toFixed(1) })}
                    </span>
                  </span>
                );
              })}
            </div>
            <div className="cp-kpi-sub">{t('complaints.kpi.reopened', { count: k.reopened })}</div>
          </div>
        </div>
      )}
    </section>
  );
}
