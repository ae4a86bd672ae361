import { PhoneOutlined, PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Collapse, Input, Space, Table, Tabs, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EventDetail } from '../../../../electron/contract/event-plan';
import type { InviteeRow } from '../../../../electron/contract/event-invitations';
import type { InviteeStatus } from '../../../../electron/contract/event-terms';
import { inviteeStatuses } from '../../../../electron/contract/event-terms';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { useDebouncedValue } from '../../search/use-debounced-value';
import { StoreTime } from '../complaints/store-time';
import { eventKeys } from './event-keys';
import { InviteeStatusTag } from './event-tags';
import { AddInviteeModal, AnswerModal } from './invitee-modals';
import { SegmentBuilder } from './segment-builder';

type StatusTab = 'all' | InviteeStatus;
const closed = new Set<EventDetail['status']>(['done', 'summarised', 'cancelled']);

/**
 * 邀约名单: the target group builder (preview before anything is added), the list by status with counts, and
 * what staff do to one person: record an answer, cancel a sign-up, give a waiting seat; 开始邀约 sends the
 * pending ones to the call-back queue.
 */
export function InviteesTab({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<StatusTab>('all');
  const [text, setText] = useState('');
  const settled = useDebouncedValue(text.trim(), 250);
  const [answering, setAnswering] = useState<InviteeRow | null>(null);
  const [adding, setAdding] = useState<'customer' | 'lead' | null>(null);
  const [builderOpen, setBuilderOpen] = useState<string[]>([]);
  const input = {
    eventId: event.id,
    ...(tab === 'all' ? {} : { status: [tab] }),
    ...(settled ? { text: settled } : {}),
    limit: 500,
  };
  const list = useQuery({
    queryKey: eventKeys.invitees(input),
    queryFn: () => api.call('events.invitees', input),
    placeholderData: keepPreviousData,
  });
  const counts = list.data?.counts;
  const cap = list.data?.capacity;
  const full = cap !== undefined && (cap.carsLeft === 0 || cap.peopleLeft === 0);
  const open = !closed.has(event.status);
  const refresh = () => queryClient.invalidateQueries({ queryKey: eventKeys.all });

  const act = async (call: () => Promise<{ offer?: InviteeRow | null; message?: string }>, done: string) => {
    try {
      const r = await call();
      void message.success(r.message ?? done);
      if (r.offer) offerSeat(r.offer);
    } catch (error) {
      void message.error(errorMessage(error));
    }
    await refresh();
  };
  const offerSeat = (offer: InviteeRow) =>
    modal.confirm({
      title: t('events.invitees.offerTitle', { name: offer.customer.name }),
      content: t('events.invitees.offerHint'),
      okText: t('events.invitees.offerSeat'),
      cancelText: t('common.cancel'),
      onOk: () =>
        act(
          () => api.call('events.promoteWaitlisted', { inviteeId: offer.inviteeId }),
          t('events.invitees.offered', { name: offer.customer.name }),
        ),
    });
  const startInvitations = () =>
    modal.confirm({
      title: t('events.invitees.start'),
      content: t('events.invitees.startHint'),
      okText: t('events.invitees.start'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const r = await api.call('events.startInvitations', { eventId: event.id });
          void message.success(t('events.invitees.started', { count: r.created }));
        } catch (error) {
          void message.error(errorMessage(error));
        }
        await refresh();
      },
    });

  const tabs: StatusTab[] = ['all', ...inviteeStatuses];
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  const canStart = open && event.status !== 'draft' && (counts?.pending ?? 0) > 0;

  return (
    <div className="ev-tab ev-invitees">
      {open && (
        <Collapse
          className="ev-builder-collapse"
          activeKey={total === 0 ? ['builder'] : builderOpen}
          onChange={(k) => setBuilderOpen(k)}
          items={[
            {
              key: 'builder',
              label: t('events.segment.title'),
              children: <SegmentBuilder eventId={event.id} onBuilt={() => setBuilderOpen([])} />,
            },
          ]}
        />
      )}
      <div className="ev-tab-toolbar">
        <Space wrap>
          <Input.Search
            aria-label={t('events.invitees.search')}
            placeholder={t('events.invitees.search')}
            allowClear
            value={text}
            onChange={(e) => setText(e.target.value)}
            style={{ width: 300 }}
          />
          {cap && (
            <span className={full ? 'ev-capacity is-full' : 'ev-capacity'}>
              {t('events.invitees.capacityLine', {
                cars: cap.heldCars,
                capCars: cap.capacityCars ?? '∞',
                people: cap.heldPeople,
                capPeople: cap.capacityPeople ?? '∞',
              })}
              {full && ` · ${t('events.invitees.capacityFull')}`}
            </span>
          )}
        </Space>
        {open && (
          <Space wrap>
            <Button icon={<PlusOutlined />} onClick={() => setAdding('customer')}>
              {t('events.invitees.add')}
            </Button>
            <Button icon={<UserAddOutlined />} onClick={() => setAdding('lead')}>
              {t('events.invitees.addLead')}
            </Button>
            <Tooltip
              title={
                event.status === 'draft'
                  ? t('events.invitees.startNeedsApproval')
                  : t('events.invitees.startHint')
              }
            >
              <Button type="primary" icon={<PhoneOutlined />} disabled={!canStart} onClick={startInvitations}>
                {t('events.invitees.start')}
              </Button>
            </Tooltip>
          </Space>
        )}
      </div>
      {list.isError && <Alert type="error" showIcon title={errorMessage(list.error)} />}
      <Tabs
        size="small"
        className="ev-status-tabs"
        activeKey={tab}
        onChange={(k) => setTab(k as StatusTab)}
        items={tabs
          .filter((s) => s === 'all' || s === tab || (counts?.[s] ?? 0) > 0)
          .map((s) => ({
            key: s,
            label: (
              <span>
                {s === 'all' ? t('events.invitees.all') : t(`events.inviteeStatuses.${s}`)}{' '}
                <span className="ev-tab-count">{s === 'all' ? total : (counts?.[s] ?? 0)}</span>
              </span>
            ),
          }))}
      />
      {tab === 'waitlisted' && (
        <Alert type="info" showIcon title={t('events.invitees.waitlistHint')} className="ev-inline-alert" />
      )}
      <Table<InviteeRow>
        size="small"
        rowKey="inviteeId"
        className="ev-invitee-table"
        // Rows carry `children` (the children coming along): not tree data.
        expandable={{ childrenColumnName: 'noTreeData' }}
        aria-label={t('events.invitees.gridLabel')}
        loading={list.isPending}
        dataSource={list.data?.rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('events.invitees.empty') }}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: t('events.invitees.columns.signupNo'),
            key: 'signupNo',
            width: 80,
            render: (_, r) =>
              r.signupNo !== null ? (
                <span className="cell-mono">{String(r.signupNo).padStart(3, '0')}</span>
              ) : r.waitlistPosition !== null ? (
                <span className="ev-cell-sub">
                  {t('events.invitees.waitPosition', { n: r.waitlistPosition })}
                </span>
              ) : null,
          },
          {
            title: t('events.invitees.columns.name'),
            key: 'name',
            render: (_, r) => (
              <span>
                <Link to={`/customers/${r.customer.id}`} className="cell-strong">
                  {r.customer.name}
                </Link>
                {r.referredBy && (
                  <span className="ev-cell-sub">
                    {' '}
                    {t('events.invitees.referredBy', { name: r.referredBy.name })}
                  </span>
                )}
              </span>
            ),
          },
          {
            title: t('events.invitees.columns.mobile'),
            key: 'mobile',
            width: 130,
            render: (_, r) => <span className="cell-mono">{r.customer.mobile ?? '—'}</span>,
          },
          {
            title: t('events.invitees.columns.status'),
            key: 'status',
            width: 110,
            render: (_, r) => <InviteeStatusTag status={r.status} />,
          },
          {
            title: t('events.invitees.columns.seats'),
            key: 'seats',
            width: 140,
            render: (_, r) =>
              r.cars + r.adults + r.children > 0 ? (
                t('events.invitees.seats', { cars: r.cars, adults: r.adults, children: r.children })
              ) : r.declineReason ? (
                <span className="ev-cell-sub">{r.declineReason}</span>
              ) : null,
          },
          {
            title: t('events.invitees.columns.origin'),
            key: 'origin',
            width: 120,
            ellipsis: true,
            render: (_, r) => t(`events.origins.${r.origin}`),
          },
          {
            title: t('events.invitees.columns.lastCall'),
            key: 'lastCall',
            width: 120,
            render: (_, r) => {
              const at = r.confirmedAt ?? r.acceptedAt ?? r.reachedAt;
              return at ? <StoreTime iso={at} short className="ev-cell-sub" /> : null;
            },
          },
          {
            key: 'actions',
            width: 220,
            render: (_, r) =>
              open ? (
                <span className="ev-row-actions">
                  {['pending', 'undecided', 'unreachable', 'declined', 'accepted'].includes(r.status) && (
                    <Button size="small" onClick={() => setAnswering(r)}>
                      {t('events.invitees.answer')}
                    </Button>
                  )}
                  {(r.status === 'accepted' || r.status === 'confirmed') && (
                    <Button
                      size="small"
                      danger
                      onClick={() =>
                        void act(
                          () => api.call('events.cancelSignup', { inviteeId: r.inviteeId }),
                          t('events.invitees.cancelled'),
                        )
                      }
                    >
                      {t('events.invitees.cancelSignup')}
                    </Button>
                  )}
                  {r.status === 'waitlisted' && (
                    <Button
                      size="small"
                      type="primary"
                      ghost
                      onClick={() =>
                        void act(
                          () => api.call('events.promoteWaitlisted', { inviteeId: r.inviteeId }),
                          t('events.invitees.offered', { name: r.customer.name }),
                        )
                      }
                    >
                      {t('events.invitees.offerSeat')}
                    </Button>
                  )}
                </span>
              ) : null,
          },
        ]}
      />
      {answering && <AnswerModal invitee={answering} onClose={() => setAnswering(null)} />}
      {adding && (
        <AddInviteeModal eventId={event.id} newLead={adding === 'lead'} onClose={() => setAdding(null)} />
      )}
    </div>
  );
}
