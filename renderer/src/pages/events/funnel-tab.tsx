import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../../electron/contract/event-plan';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { eventKeys } from './event-keys';
import { FunnelView } from './funnel-view';

/** 漏斗: invited → reached → signed up → confirmed → checked in, from main's counts (live on the events topic). */
export function FunnelTab({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const funnel = useQuery({
    queryKey: eventKeys.funnel(event.id),
    queryFn: () => api.call('events.funnel', { eventId: event.id }),
  });
  if (funnel.isPending) return <Spin />;
  if (funnel.isError) return <Alert type="error" showIcon title={errorMessage(funnel.error)} />;
  const f = funnel.data.funnel;
  return (
    <div className="ev-tab">
      <div className="ev-tab-toolbar">
        <Typography.Title level={5} className="ev-section-title">
          {t('events.funnel.title')}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('events.funnel.signedUp', { cars: f.signedUpCars, people: f.signedUpPeople, listed: f.listed })}
        </Typography.Text>
      </div>
      {f.listed === 0 ? <Empty description={t('events.funnel.empty')} /> : <FunnelView funnel={f} />}
    </div>
  );
}
