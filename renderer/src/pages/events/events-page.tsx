import { PlusOutlined, ReloadOutlined, WalletOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, Input, Select, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { EventRow } from '../../../../electron/contract/event-plan';
import type { EventStatus } from '../../../../electron/contract/event-terms';
import { eventStatuses } from '../../../../electron/contract/event-terms';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { formatFen } from '../../format/money';
import { useDebouncedValue } from '../../search/use-debounced-value';
import { EventStatusTag } from './event-tags';
import { formatEventDates, seatsOf, thisYear } from './event-format';
import { eventKeys } from './event-keys';
import { NewEventDrawer } from './new-event-drawer';
import './events.css';

function yearOptions() {
  const now = thisYear();
  return Array.from({ length: 6 }, (_, i) => now + 1 - i).map((y) => ({ value: y, label: String(y) }));
}

/** 客户活动: the year's events with where each stands, sign-ups against capacity, money and the summary due. */
export function EventsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? thisYear());
  const status = (params.get('status') ?? undefined) as EventStatus | undefined;
  const [text, setText] = useState('');
  const settled = useDebouncedValue(text.trim(), 250);
  const [creating, setCreating] = useState(false);
  const input = { year, ...(status ? { status: [status] } : {}), ...(settled ? { text: settled } : {}) };
  const list = useQuery({
    queryKey: eventKeys.list(input),
    queryFn: () => api.call('events.list', input),
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns = useMemo<ColumnsType<EventRow>>(
    () => [
      {
        title: t('events.list.columns.eventNo'),
        dataIndex: 'eventNo',
        width: 112,
        render: (v: string) => <span className="cell-mono">{v}</span>,
      },
      {
        title: t('events.list.columns.title'),
        dataIndex: 'title',
        ellipsis: true,
        render: (v: string, r) => (
          <div className="ev-cell-lines">
            <Link to={`/events/${r.id}`} className="cell-strong ev-title-link" title={v}>
              {v}
            </Link>
            <span className="ev-cell-sub">{t(`events.types.${r.type}`)}</span>
          </div>
        ),
      },
      {
        title: t('events.list.columns.dates'),
        key: 'dates',
        width: 170,
        render: (_, r) => <span className="cell-mono">{formatEventDates(r.startsOn, r.endsOn)}</span>,
      },
      {
        title: t('events.list.columns.status'),
        dataIndex: 'status',
        width: 90,
        render: (v: EventStatus) => <EventStatusTag status={v} />,
      },
      {
        title: t('events.list.columns.owner'),
        key: 'owner',
        width: 90,
        ellipsis: true,
        render: (_, r) => r.owner?.name ?? t('common.none'),
      },
      {
        title: t('events.list.columns.signups'),
        key: 'signups',
        width: 170,
        render: (_, r) => (
          <div className="ev-cell-lines">
            <span>
              {seatsOf(t, r.counts.accepted.cars, r.capacityCars, 'cars')} ·{' '}
              {seatsOf(t, r.counts.accepted.people, r.capacityPeople, 'people')}
            </span>
            <span className="ev-cell-sub">
              {t('events.list.checkedIn', {
                cars: r.counts.checkedIn.cars,
                people: r.counts.checkedIn.people,
              })}
            </span>
          </div>
        ),
      },
      {
        title: t('events.list.columns.money'),
        key: 'money',
        width: 130,
        align: 'right',
        render: (_, r) => (
          <div className="ev-cell-lines ev-money">
            <span>{formatFen(r.plannedFen)}</span>
            <span className={r.actualFen > r.plannedFen ? 'ev-over' : 'ev-cell-sub'}>
              {formatFen(r.actualFen)}
            </span>
          </div>
        ),
      },
      {
        title: t('events.list.columns.summaryDue'),
        key: 'summaryDue',
        width: 120,
        render: (_, r) =>
          r.status === 'summarised' ? (
            <span className="ev-cell-sub">{t('events.list.summaryDone')}</span>
          ) : r.summaryOverdue ? (
            <span className="ev-overdue">
              {t('events.list.summaryOverdue', { date: r.summaryDueOn?.slice(5) ?? '' })}
            </span>
          ) : (
            <span className="cell-mono">{r.summaryDueOn ?? t('common.none')}</span>
          ),
      },
    ],
    [t],
  );
  const rows = list.data?.rows ?? [];
  const filtered = Boolean(status || settled);

  return (
    <div className="page ev-page">
      <div className="page-toolbar">
        <div className="page-toolbar-title">
          <Typography.Title level={4} className="page-title">
            {t('events.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('events.list.total', { count: rows.length })}</Typography.Text>
        </div>
        <div className="ev-toolbar-actions">
          <Button icon={<WalletOutlined />} onClick={() => void navigate(`/events/budget?year=${year}`)}>
            {t('events.list.yearBudget')}
          </Button>
          <Tooltip title={t('events.list.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              aria-label={t('events.list.refresh')}
              loading={list.isRefetching}
              onClick={() => void list.refetch()}
            />
          </Tooltip>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('events.create')}
          </Button>
        </div>
      </div>
      <div className="page-panel ev-panel">
        <div className="ev-filters">
          <Select<number>
            aria-label={t('events.list.year')}
            value={year}
            options={yearOptions()}
            onChange={(v) => set('year', String(v))}
            style={{ width: 100 }}
          />
          <Select<EventStatus>
            aria-label={t('events.list.status')}
            placeholder={t('events.list.allStatuses')}
            value={status}
            allowClear
            options={eventStatuses.map((s) => ({ value: s, label: t(`events.statuses.${s}`) }))}
            onChange={(v) => set('status', v)}
            style={{ width: 130 }}
          />
          <Input.Search
            aria-label={t('events.list.search')}
            placeholder={t('events.list.search')}
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ width: 260 }}
          />
        </div>
        {list.isError && (
          <Alert
            type="error"
            showIcon
            className="ev-alert"
            title={errorMessage(list.error)}
            action={<Button onClick={() => void list.refetch()}>{t('common.retry')}</Button>}
          />
        )}
        <Table<EventRow>
          className="ev-table"
          aria-label={t('events.list.gridLabel')}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          pagination={false}
          scroll={{ y: 'calc(100vh - 260px)', x: 1000 }}
          onRow={(r) => ({ onClick: () => void navigate(`/events/${r.id}`), className: 'ev-row' })}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  <>
                    <div>{t(filtered ? 'events.list.emptyFiltered' : 'events.list.empty')}</div>
                    {!filtered && (
                      <Typography.Text type="secondary">{t('events.list.emptyHint')}</Typography.Text>
                    )}
                  </>
                }
              />
            ),
          }}
        />
      </div>
      <NewEventDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => void navigate(`/events/${id}`)}
      />
    </div>
  );
}
