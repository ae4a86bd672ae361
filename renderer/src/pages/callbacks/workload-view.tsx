import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { Alert, DatePicker, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../electron/contract';
import type { Role } from '../../../../electron/contract/permissions';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { callbackKeys } from './callback-keys';
import { formatPercent, formatSeconds } from './callback-format';

type WorkloadRow = ChannelOutput<'callbacks.workload'>['rows'][number];
type CompletionRow = ChannelOutput<'callbacks.completion'>['rows'][number];

/** Of the tasks due in the period: how many, and where each ended up. */
const dueKeys = ['due', 'dueDone', 'reached', 'open', 'expired', 'skipped', 'cancelled'] as const;
const totalKeys = ['completedInPeriod', ...dueKeys] as const;

const num = (v: number) => <span className="cell-mono">{v.toLocaleString('zh-CN')}</span>;
const sum = <T,>(rows: T[], pick: (r: T) => number) => rows.reduce((s, r) => s + pick(r), 0);

/** The manager's view of the period: who did what, and how each call type is getting on. */
export function WorkloadView() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month'), dayjs()]);
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const workload = useQuery({
    queryKey: callbackKeys.workload(from, to),
    queryFn: () => api.call('callbacks.workload', { from, to }),
  });
  const completion = useQuery({
    queryKey: callbackKeys.completion(from, to),
    queryFn: () => api.call('callbacks.completion', { from, to }),
  });

  const workloadColumns: TableColumnsType<WorkloadRow> = [
    { key: 'name', title: t('callbacks.workload.columns.name'), dataIndex: 'displayName', width: 120 },
    {
      key: 'role',
      title: t('callbacks.workload.columns.role'),
      width: 130,
      render: (_, r) => t(`roles.${r.role as Role}`, { defaultValue: r.role }),
    },
    {
      key: 'assignedOpen',
      title: t('callbacks.workload.columns.assignedOpen'),
      align: 'right',
      render: (_, r) => num(r.assignedOpen),
    },
    {
      key: 'overdue',
      title: t('callbacks.workload.columns.overdue'),
      align: 'right',
      render: (_, r) => <span className={r.overdue > 0 ? 'cb-num-warn' : undefined}>{num(r.overdue)}</span>,
    },
    {
      key: 'done',
      title: t('callbacks.workload.columns.done'),
      align: 'right',
      render: (_, r) => num(r.done),
    },
    {
      key: 'assignedDueGroup',
      title: t('callbacks.workload.assignedDueGroup'),
      children: (['assignedDue', 'assignedDueDone'] as const).map((k) => ({
        key: k,
        title: t(`callbacks.workload.columns.${k}`),
        align: 'right' as const,
        render: (_: unknown, r: WorkloadRow) => num(r[k]),
      })),
    },
    {
      key: 'attempts',
      title: t('callbacks.workload.columns.attempts'),
      align: 'right',
      render: (_, r) => num(r.attempts),
    },
    {
      key: 'reachRate',
      title: t('callbacks.workload.columns.reachRate'),
      align: 'right',
      render: (_, r) => <span className="cell-mono">{formatPercent(r.reachRate)}</span>,
    },
    {
      key: 'avgHandle',
      title: t('callbacks.workload.columns.avgHandle'),
      align: 'right',
      render: (_, r) => formatSeconds(t, r.avgHandleSeconds),
    },
  ];

  const completionColumns: TableColumnsType<CompletionRow> = [
    { key: 'ruleName', title: t('callbacks.workload.columns.ruleName'), dataIndex: 'ruleName', width: 160 },
    {
      key: 'completedInPeriod',
      title: t('callbacks.workload.columns.completedInPeriod'),
      align: 'right',
      render: (_, r) => num(r.completedInPeriod),
    },
    {
      key: 'dueGroup',
      title: t('callbacks.workload.dueGroup'),
      children: [
        ...dueKeys.map((k) => ({
          key: k,
          title: t(`callbacks.workload.columns.${k}`),
          align: 'right' as const,
          render: (_: unknown, r: CompletionRow) => num(r[k]),
        })),
        {
          key: 'completionRate',
          title: (
            <span title={t('callbacks.workload.columns.completionRateHint')}>
              {t('callbacks.workload.columns.completionRate')}
            </span>
          ),
          align: 'right' as const,
          render: (_: unknown, r: CompletionRow) => (
            <span className="cell-mono">{formatPercent(r.due > 0 ? r.dueDone / r.due : null)}</span>
          ),
        },
      ],
    },
  ];

  const completionRows = completion.data?.rows ?? [];
  const totals = Object.fromEntries(totalKeys.map((k) => [k, sum(completionRows, (r) => r[k])])) as Record<
    (typeof totalKeys)[number],
    number
  >;

  return (
    <div className="cb-workload">
      <div className="cb-workload-toolbar">
        <label className="cb-field-label" htmlFor="cb-workload-range">
          {t('callbacks.workload.range')}
        </label>
        <DatePicker.RangePicker
          id={{ start: 'cb-workload-range' }}
          value={range}
          allowClear={false}
          format="YYYY-MM-DD"
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([v[0], v[1]]);
          }}
        />
      </div>
      {(workload.error || completion.error) && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(workload.error ?? completion.error)}
          className="cb-alert"
        />
      )}
      <section className="cb-report">
        <div className="cb-report-head">
          <h3 className="cb-section-title">{t('callbacks.workload.operators')}</h3>
          <Typography.Text type="secondary">{t('callbacks.workload.operatorsHint')}</Typography.Text>
        </div>
        <Table<WorkloadRow>
          rowKey="userId"
          size="small"
          columns={workloadColumns}
          dataSource={workload.data?.rows ?? []}
          loading={workload.isPending}
          pagination={false}
        />
      </section>
      <section className="cb-report">
        <div className="cb-report-head">
          <h3 className="cb-section-title">{t('callbacks.workload.completion')}</h3>
          <Typography.Text type="secondary">{t('callbacks.workload.completionHint')}</Typography.Text>
        </div>
        <Table<CompletionRow>
          rowKey="ruleCode"
          size="small"
          columns={completionColumns}
          dataSource={completionRows}
          loading={completion.isPending}
          pagination={false}
          summary={() =>
            completionRows.length > 0 ? (
              <Table.Summary.Row className="cb-summary-row">
                <Table.Summary.Cell index={0}>{t('callbacks.workload.total')}</Table.Summary.Cell>
                {totalKeys.map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1} align="right">
                    {num(totals[k])}
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={totalKeys.length + 1} align="right">
                  <span className="cell-mono">
                    {formatPercent(totals.due > 0 ? totals.dueDone / totals.due : null)}
                  </span>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </section>
    </div>
  );
}
