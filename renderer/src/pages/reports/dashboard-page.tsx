import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ChannelOutput } from '../../../../electron/contract';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { formatEventDates } from '../events/event-format';
import { useStoreDateTime } from '../settings/use-store-date-time';
import { LiveChart } from './live-chart';
import { reportKeys } from './report-keys';
import { kpiValueText, noDataText } from './report-text';

type Dashboard = ChannelOutput<'reports.dashboard'>;

/** While the start page is open it follows the day: call-backs done, tickets nearing their deadline. */
const refreshMs = 60_000;

const bucketColours: Record<Bucket, string> = {
  breached: '#cf1322',
  within_2h: '#fa541c',
  within_8h: '#faad14',
  within_24h: '#fadb14',
  later: '#52c41a',
  paused: '#8c8c8c',
};

/** 经营看板, the manager's start page: today's call-backs, open complaints by time left, KPIs, next events. */
export function DashboardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const storeTime = useStoreDateTime();
  const board = useQuery({
    queryKey: reportKeys.dashboard,
    queryFn: () => api.call('reports.dashboard', {}),
    refetchInterval: refreshMs,
  });
  const d = board.data;
  const callbackOption = useMemo(
    () =>
      d
        ? callbackChart(d, [
            t('reports.dashboard.callbackStats.reachedToday'),
            t('reports.dashboard.callbackStats.attemptsToday'),
            t('reports.callbacks.summary.done'),
            t('reports.callbacks.summary.due'),
          ])
        : null,
    [d, t],
  );
  const complaintOption = useMemo(
    () => (d ? complaintChart(d, (b) => t(`reports.dashboard.buckets.${b}`)) : null),
    [d, t],
  );
  const kpiOption = useMemo(
    () => (d ? kpiChart(d, t('reports.kpi.columns.value'), t('reports.kpi.columns.target')) : null),
    [d, t],
  );
  if (board.isPending) return <Spin />;
  if (board.error || !d) return <Alert type="error" showIcon title={errorMessage(board.error)} />;
  const c = d.callbacks;
  return (
    <div className="rp-page rp-dashboard">
      <div className="rp-toolbar">
        <Space>
          <Typography.Text strong>{t('reports.dashboard.today', { date: d.today })}</Typography.Text>
          <Typography.Text type="secondary">
            {t('reports.dashboard.autoRefresh')} ·{' '}
            {t('reports.dashboard.updatedAt', {
              time: storeTime(new Date(board.dataUpdatedAt).toISOString()),
            })}
          </Typography.Text>
        </Space>
        <Space>
          <Button icon={<ReloadOutlined />} loading={board.isFetching} onClick={() => void board.refetch()}>
            {t('reports.refresh')}
          </Button>
          <Button type="primary" onClick={() => void navigate('/reports/pack')}>
            {t('reports.dashboard.openPack')}
          </Button>
        </Space>
      </div>
      <div className="rp-dash-grid">
        <Card title={t('reports.dashboard.callbacks')} size="small">
          <Typography.Paragraph className="rp-dash-headline">
            {t('reports.dashboard.callbacksDone', { done: c.doneToday, due: c.dueToday })}
          </Typography.Paragraph>
          {callbackOption && (
            <LiveChart option={callbackOption} height={150} label={t('reports.dashboard.callbacks')} />
          )}
          <div className="rp-dash-stats">
            <Statistic title={t('reports.dashboard.callbackStats.open')} value={c.open} />
            <Statistic
              title={t('reports.dashboard.callbackStats.overdue')}
              value={c.overdue}
              styles={{ content: c.overdue > 0 ? { color: '#cf1322' } : undefined }}
            />
            <Statistic title={t('reports.dashboard.callbackStats.attemptsToday')} value={c.attemptsToday} />
            <Statistic title={t('reports.dashboard.callbackStats.reachedToday')} value={c.reachedToday} />
          </div>
        </Card>
        <Card title={t('reports.dashboard.complaints')} size="small">
          {d.complaintsByTimeLeft.every((b) => b.count === 0) ? (
            <Empty description={t('reports.dashboard.complaintsEmpty')} />
          ) : (
            complaintOption && (
              <LiveChart option={complaintOption} height={250} label={t('reports.dashboard.complaints')} />
            )
          )}
        </Card>
        <Card title={t('reports.dashboard.kpis', { month: d.month })} size="small" className="rp-dash-kpis">
          {kpiOption && (
            <LiveChart
              option={kpiOption}
              height={260}
              label={t('reports.dashboard.kpis', { month: d.month })}
            />
          )}
          <div className="rp-dash-kpi-list">
            {d.kpis.map((k) => (
              <div key={k.code} className="rp-dash-kpi" title={k.definition}>
                <span className="rp-dash-kpi-label">{k.label}</span>
                <span className="rp-dash-kpi-value">{kpiValueText(k.unit, k.value)}</span>
                <span className="rp-dash-kpi-target">{k.targetText}</span>
                {k.meetsTarget !== null && (
                  <Tag color={k.meetsTarget ? 'success' : 'error'}>
                    {k.meetsTarget ? t('reports.kpi.met') : t('reports.kpi.notMet')}
                  </Tag>
                )}
              </div>
            ))}
          </div>
        </Card>
        <Card title={t('reports.dashboard.events')} size="small">
          <List
            size="small"
            dataSource={d.upcomingEvents}
            locale={{ emptyText: <Empty description={t('reports.dashboard.eventsEmpty')} /> }}
            renderItem={(e) => (
              <List.Item
                actions={[<Tag key="status">{e.statusLabel}</Tag>]}
                onClick={() => void navigate(`/events/${e.id}`)}
                className="rp-dash-event"
              >
                <List.Item.Meta
                  title={e.title}
                  description={`${formatEventDates(e.startsOn, e.endsOn)} · ${e.typeLabel} · ${t(
                    'reports.dashboard.eventSignups',
                    { accepted: e.accepted, capacity: e.capacityPeople ?? '—' },
                  )}`}
                />
              </List.Item>
            )}
          />
        </Card>
      </div>
    </div>
  );
}

type Bucket = Dashboard['complaintsByTimeLeft'][number]['bucket'];

/** `names`: reached, attempts, done, due (bottom to top). */
function callbackChart(d: Dashboard, names: string[]) {
  const c = d.callbacks;
  return {
    grid: { left: 70, right: 30, top: 6, bottom: 20 },
    tooltip: {},
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names },
    series: [
      {
        type: 'bar',
        barWidth: 14,
        data: [c.reachedToday, c.attemptsToday, c.doneToday, c.dueToday],
        itemStyle: { color: '#1f5fbf' },
        label: { show: true, position: 'right' },
      },
    ],
  };
}

function complaintChart(d: Dashboard, bucketLabel: (b: Bucket) => string) {
  return {
    grid: { left: 40, right: 16, top: 20, bottom: 30 },
    tooltip: {},
    xAxis: {
      type: 'category',
      data: d.complaintsByTimeLeft.map((b) => bucketLabel(b.bucket)),
      axisLabel: { interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barWidth: 26,
        data: d.complaintsByTimeLeft.map((b) => ({
          value: b.count,
          itemStyle: { color: bucketColours[b.bucket] },
        })),
        label: { show: true, position: 'top' },
      },
    ],
  };
}

/** The month's shares against their targets, in percent points for the axis; a KPI without data has no bar. */
function kpiChart(d: Dashboard, value: string, target: string) {
  const rates = d.kpis.filter((k) => k.unit === 'rate');
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  return {
    grid: { left: 150, right: 40, top: 24, bottom: 20 },
    legend: { data: [value, target], top: 0 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : noDataText),
    },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rates.map((k) => k.label) },
    series: [
      {
        name: value,
        type: 'bar',
        itemStyle: { color: '#1f5fbf' },
        barWidth: 9,
        data: rates.map((k) => ({
          value: pct(k.value),
          itemStyle: { color: k.meetsTarget === false ? '#cf1322' : '#1f5fbf' },
        })),
      },
      {
        name: target,
        type: 'bar',
        barWidth: 9,
        itemStyle: { color: '#d9d9d9' },
        data: rates.map((k) => pct(k.target)),
      },
    ],
  };
}
