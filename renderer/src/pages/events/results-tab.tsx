import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../../electron/contract/event-plan';
import { api } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { EventPhotos } from './event-photos';
import { eventKeys } from './event-keys';
import { ResultsView } from './results-view';
import { SummaryForm } from './summary-form';

const after = new Set<EventDetail['status']>(['running', 'done', 'summarised']);

/** 效果与总结: what the event brought (ROI with its rule), the written summary and the day's photos. */
export function ResultsTab({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: eventKeys.results(event.id),
    queryFn: () => api.call('events.results', { eventId: event.id }),
    enabled: after.has(event.status),
  });
  return (
    <div className="ev-tab ev-results-tab">
      <Typography.Title level={5} className="ev-section-title">
        {t('events.results.title')}
      </Typography.Title>
      {!after.has(event.status) ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('events.results.notYet')} />
      ) : results.isPending ? (
        <Spin />
      ) : results.isError ? (
        <Alert type="error" showIcon title={errorMessage(results.error)} />
      ) : (
        <ResultsView results={results.data} />
      )}
      <Typography.Title level={5} className="ev-section-title">
        {t('events.summary.title')}
      </Typography.Title>
      <SummaryForm event={event} />
      <Typography.Title level={5} className="ev-section-title">
        {t('events.summary.photos')}
      </Typography.Title>
      <EventPhotos event={event} canAdd={event.status !== 'cancelled' && event.status !== 'draft'} />
    </div>
  );
}
