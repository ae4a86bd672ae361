import { useQuery } from '@tanstack/react-query';
import { Button, Result, Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiCallError } from '../../api';
import { errorMessage } from '../../forms/apply-server-errors';
import { BudgetTab } from './budget-tab';
import { CheckinTab } from './checkin-tab';
import { ChecklistTab } from './checklist-tab';
import { EventHeader } from './event-header';
import { eventKeys } from './event-keys';
import { FunnelTab } from './funnel-tab';
import { InviteesTab } from './invitees-tab';
import { PlanTab } from './plan-tab';
import { ResultsTab } from './results-tab';
import './events.css';

export const eventTabs = ['plan', 'checklist', 'invitees', 'funnel', 'checkin', 'budget', 'results'] as const;
export type EventTab = (typeof eventTabs)[number];

/** 活动详情: the header with its moves, and a tab per job: plan, preparation, invitations, the day, money, results. */
export function EventPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab = (eventTabs as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as EventTab)
    : 'plan';
  const event = useQuery({
    queryKey: eventKeys.event(id),
    queryFn: () => api.call('events.get', { id }),
    enabled: Number.isInteger(id) && id > 0,
  });

  if (event.isPending) {
    return (
      <div className="page page-centered">
        <Spin size="large" />
      </div>
    );
  }
  const data = event.data;
  if (event.isError || !data) {
    const missing = event.error instanceof ApiCallError && event.error.kind === 'not_found';
    return (
      <div className="page page-centered">
        <Result
          status={missing ? '404' : 'error'}
          title={missing ? t('events.page.notFound') : t('common.loadFailed')}
          subTitle={event.error ? errorMessage(event.error) : undefined}
          extra={<Button onClick={() => void navigate('/events')}>{t('events.page.back')}</Button>}
        />
      </div>
    );
  }

  const content: Record<EventTab, React.ReactNode> = {
    plan: <PlanTab event={data} />,
    checklist: <ChecklistTab event={data} />,
    invitees: <InviteesTab event={data} />,
    funnel: <FunnelTab event={data} />,
    checkin: <CheckinTab event={data} />,
    budget: <BudgetTab event={data} />,
    results: <ResultsTab event={data} />,
  };

  return (
    <div className="page page-scroll ev-event-page" aria-busy={event.isFetching || undefined}>
      <EventHeader event={data} />
      <div className="page-panel ev-tabs-panel">
        <Tabs
          className="ev-tabs"
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          destroyOnHidden
          items={eventTabs.map((k) => ({ key: k, label: t(`events.tabs.${k}`), children: content[k] }))}
        />
      </div>
    </div>
  );
}
