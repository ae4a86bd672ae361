import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Dropdown, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import type { EventDetail } from '../../../../electron/contract/event-plan';
import type { EventTransition } from '../../../../electron/contract/event-terms';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { formatEventDates } from './event-format';
import { eventKeys } from './event-keys';
import { EventStatusTag } from './event-tags';
import { FormModal } from './form-modal';

const cancelSchema = z.object({ reason: z.string().trim().min(1).max(500) });

/** Title, where it stands, when and where, who owns it, and the moves open now (cancel asks why). */
export function EventHeader({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState(false);
  const move = (action: EventTransition) => {
    if (action === 'cancel') return setCancelling(true);
    const label = t(`events.transitions.${action}`);
    modal.confirm({
      title: t('events.page.transitionConfirm', { action: label }),
      okText: label,
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.call('events.transition', { id: event.id, version: event.version, action });
          void message.success(t('events.page.transitionDone', { action: label }));
        } catch (error) {
          void message.error(errorMessage(error));
        }
        await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      },
    });
  };
  // 开始邀约 lives on the invitee list, where it also creates the calls; cancel stands apart (it asks why).
  const forward = event.transitions.filter((a) => a !== 'cancel' && a !== 'startInviting');

  return (
    <header className="ev-header">
      <div className="ev-header-top">
        <Link to="/events" className="ev-back">
          <ArrowLeftOutlined /> {t('events.page.back')}
        </Link>
        <span className="cell-mono ev-header-no">{event.eventNo}</span>
      </div>
      <div className="ev-header-title-row">
        <Typography.Title level={3} className="ev-header-title">
          {event.title}
        </Typography.Title>
        <EventStatusTag status={event.status} />
        <span className="ev-header-type">{t(`events.types.${event.type}`)}</span>
        <Space className="ev-header-actions" wrap>
          <Dropdown
            menu={{
              items: [
                { key: 'sheet', label: t('events.page.printSheet') },
                { key: 'report', label: t('events.page.printReport') },
              ],
              onClick: ({ key }) => window.open(`#/print/events/${event.id}/${key}`, '_blank', 'noopener'),
            }}
          >
            <Button icon={<PrinterOutlined />}>{t('events.page.print')}</Button>
          </Dropdown>
          {event.transitions.includes('cancel') && (
            <Button danger onClick={() => move('cancel')}>
              {t('events.transitions.cancel')}
            </Button>
          )}
          {forward.map((a, i) => (
            <Button key={a} type={i === 0 ? 'primary' : 'default'} onClick={() => move(a)}>
              {t(`events.transitions.${a}`)}
            </Button>
          ))}
        </Space>
      </div>
      {event.theme && <div className="ev-header-theme">{event.theme}</div>}
      {event.status === 'cancelled' && event.cancelReason && (
        <div className="ev-cancelled">
          {t('events.page.cancelledBecause', { reason: event.cancelReason })}
        </div>
      )}
      <dl className="ev-header-facts">
        <div>
          <dt>{t('events.page.dates')}</dt>
          <dd className="cell-mono">{formatEventDates(event.startsOn, event.endsOn)}</dd>
        </div>
        <div>
          <dt>{t('events.page.place')}</dt>
          <dd>{event.places ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('events.page.owner')}</dt>
          <dd>{event.owner?.name ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('events.page.capacity')}</dt>
          <dd>
            {t('events.page.capacityValue', {
              cars: event.capacityCars ?? '—',
              people: event.capacityPeople ?? '—',
            })}
          </dd>
        </div>
        <div>
          <dt>{t('events.page.signedUp')}</dt>
          <dd>
            {t('events.page.capacityValue', {
              cars: event.counts.accepted.cars,
              people: event.counts.accepted.people,
            })}
          </dd>
        </div>
        <div>
          <dt>{t('events.page.summaryDue')}</dt>
          <dd className={event.summary.overdue ? 'ev-overdue' : 'cell-mono'}>
            {event.summary.submittedAt
              ? t('events.list.summaryDone')
              : (event.summary.dueOn ?? t('common.none'))}
          </dd>
        </div>
      </dl>
      {cancelling && (
        <FormModal
          onClose={() => setCancelling(false)}
          spec={{
            title: t('events.page.cancelTitle', { title: event.title }),
            schema: cancelSchema,
            defaults: { reason: '' },
            danger: true,
            okText: t('events.transitions.cancel'),
            fields: () => [
              {
                name: 'reason',
                label: t('events.page.cancelReason'),
                required: true,
                widget: { kind: 'textarea', rows: 3, maxLength: 500 },
              },
            ],
            run: (v) =>
              api.call('events.transition', {
                id: event.id,
                version: event.version,
                action: 'cancel',
                reason: v.reason,
              }),
            done: t('events.page.transitionDone', { action: t('events.transitions.cancel') }),
          }}
        />
      )}
    </header>
  );
}
