import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Progress, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import type { BudgetYear } from '../../../../electron/contract/event-plan';
import { crmBudgetDefaultShares, crmBudgetLines } from '../../../../electron/contract/event-terms';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { formatFen } from '../../format/money';
import { formatSignedFen, thisYear } from './event-format';
import { eventKeys } from './event-keys';
import { EventStatusTag } from './event-tags';
import { FormModal } from './form-modal';
import './events.css';

type Line = BudgetYear['lines'][number];
/** What is left: overspending shows as -¥…, never ¥-…. */
const formatSignedLeft = (fen: number) => (fen < 0 ? formatSignedFen(fen) : formatFen(fen));
const totalSchema = z.object({ totalFen: z.number().int().min(0).max(10_000_000_000) });

/** 年度 CRM 预算: each line's plan against what was spent; every event's net cost counts under 活动与营销. */
export function BudgetYearPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? thisYear());
  const [editing, setEditing] = useState(false);
  const budget = useQuery({
    queryKey: eventKeys.budgetYear(year),
    queryFn: () => api.call('events.budgetYear', { year }),
  });
  const data = budget.data;
  const years = Array.from({ length: 6 }, (_, i) => thisYear() + 1 - i);

  return (
    <div className="page page-scroll ev-page">
      <div className="page-toolbar">
        <div className="page-toolbar-title">
          <Link to="/events" className="ev-back">
            <ArrowLeftOutlined /> {t('events.page.back')}
          </Link>
          <Typography.Title level={4} className="page-title">
            {t('events.yearBudget.title', { year })}
          </Typography.Title>
        </div>
        <div className="ev-toolbar-actions">
          <Select<number>
            aria-label={t('events.list.year')}
            value={year}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            onChange={(y) => setParams({ year: String(y) }, { replace: true })}
            style={{ width: 100 }}
          />
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('events.yearBudget.edit')}
          </Button>
        </div>
      </div>
      {budget.isError && <Alert type="error" showIcon title={errorMessage(budget.error)} />}
      <div className="page-panel page-panel-padded ev-year-panel">
        <div className="ev-year-totals">
          <div>
            <span className="ev-cell-sub">{t('events.yearBudget.total')}</span>
            <strong>{formatFen(data?.totalPlannedFen)}</strong>
          </div>
          <div>
            <span className="ev-cell-sub">{t('events.yearBudget.spent')}</span>
            <strong>{formatFen(data?.totalSpentFen)}</strong>
          </div>
          <div>
            <span className="ev-cell-sub">{t('events.yearBudget.left')}</span>
            <strong className={data && data.totalSpentFen > data.totalPlannedFen ? 'ev-over' : undefined}>
              {data ? formatSignedLeft(data.totalPlannedFen - data.totalSpentFen) : '—'}
            </strong>
          </div>
        </div>
        <Table<Line>
          size="middle"
          rowKey="line"
          loading={budget.isPending}
          pagination={false}
          dataSource={data?.lines ?? []}
          aria-label={t('events.yearBudget.line')}
          columns={[
            {
              title: t('events.yearBudget.line'),
              dataIndex: 'line',
              render: (v: Line['line']) => t(`events.crmLines.${v}`),
            },
            {
              title: t('events.yearBudget.share'),
              key: 'share',
              width: 90,
              render: (_, r) =>
                data && data.totalPlannedFen > 0
                  ? `${Math.round((r.plannedFen / data.totalPlannedFen) * 100)}%`
                  : `${crmBudgetDefaultShares[r.line]}%`,
            },
            {
              title: t('events.yearBudget.planned'),
              dataIndex: 'plannedFen',
              align: 'right',
              render: (v: number) => formatFen(v),
            },
            {
              title: t('events.yearBudget.spent'),
              key: 'spent',
              align: 'right',
              render: (_, r) => (
                <span>
                  {formatFen(r.spentFen)}
                  {r.eventsFen > 0 && (
                    <span className="ev-cell-sub">
                      {' '}
                      （{t('events.yearBudget.fromEvents', { amount: formatFen(r.eventsFen) })}）
                    </span>
                  )}
                </span>
              ),
            },
            {
              title: t('events.yearBudget.left'),
              dataIndex: 'remainingFen',
              align: 'right',
              render: (v: number) => (
                <span className={v < 0 ? 'ev-over' : undefined}>{formatSignedLeft(v)}</span>
              ),
            },
            {
              title: t('events.yearBudget.used'),
              key: 'used',
              width: 180,
              render: (_, r) => (
                <Progress
                  size="small"
                  percent={r.plannedFen > 0 ? Math.round((r.spentFen / r.plannedFen) * 100) : 0}
                  status={r.spentFen > r.plannedFen ? 'exception' : 'normal'}
                />
              ),
            },
          ]}
        />
        <Typography.Text type="secondary">{t('events.yearBudget.rollupHint')}</Typography.Text>
        <Typography.Title level={5} className="ev-section-title">
          {t('events.yearBudget.events')}
        </Typography.Title>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data?.events ?? []}
          columns={[
            {
              title: t('events.list.columns.eventNo'),
              dataIndex: 'eventNo',
              width: 110,
              render: (v: string) => <span className="cell-mono">{v}</span>,
            },
            {
              title: t('events.list.columns.title'),
              dataIndex: 'title',
              render: (v: string, r: BudgetYear['events'][number]) => <Link to={`/events/${r.id}`}>{v}</Link>,
            },
            { title: t('events.list.columns.dates'), dataIndex: 'startsOn', width: 120 },
            {
              title: t('events.list.columns.status'),
              dataIndex: 'status',
              width: 100,
              render: (v: BudgetYear['events'][number]['status']) => <EventStatusTag status={v} />,
            },
            {
              title: t('events.budget.net'),
              key: 'net',
              align: 'right',
              width: 220,
              render: (_, r: BudgetYear['events'][number]) => (
                <span>
                  {formatFen(r.netCostFen)}{' '}
                  <span className="ev-cell-sub">{t(`events.budget.basis.${r.netCostBasis}`)}</span>
                </span>
              ),
            },
          ]}
        />
      </div>
      {editing && (
        <FormModal
          onClose={() => setEditing(false)}
          spec={{
            title: t('events.yearBudget.edit'),
            intro: t('events.yearBudget.editIntro', {
              shares: crmBudgetLines
                .map((l) => `${t(`events.crmLines.${l}`)} ${crmBudgetDefaultShares[l]}%`)
                .join('、'),
            }),
            schema: totalSchema,
            defaults: { totalFen: data?.totalPlannedFen ?? 0 },
            okText: t('common.save'),
            fields: () => [
              {
                name: 'totalFen',
                label: t('events.yearBudget.total'),
                widget: { kind: 'money', max: 100_000_000 },
              },
            ],
            run: (v) => api.call('events.updateBudgetYear', { year, totalFen: v.totalFen }),
            done: t('events.yearBudget.saved'),
          }}
        />
      )}
    </div>
  );
}
