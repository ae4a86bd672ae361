import { PhoneOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Result, Spin, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../../api';
import { useAuth } from '../../auth/use-auth';
import { errorMessage } from '../../forms/apply-server-errors';
import type { RecordedSummary } from './call-panel';
import { CallPanelView } from './call-panel';
import { callbackKeys } from './callback-keys';
import './callbacks.css';
import { PoolSummary } from './pool-summary';
import { QueueView } from './queue-view';
import { RecordedBanner } from './recorded-banner';
import type { QueueFilter } from './use-callback-queue';
import { defaultQueueFilter } from './use-callback-queue';
import { isTypingTarget, useHotkeys } from './use-hotkeys';
import { WorkloadView } from './workload-view';

type TabKey = 'mine' | 'team' | 'workload';

/**
 * The call-back workstation: the queue, the "next call" key, and the call itself. A call the operator already
 * holds (page reloaded, another tab) comes straight back, so a claim is never stranded by a refresh.
 */
export function CallbacksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const managing = can('callbacks.manage');
  const tabs: TabKey[] = managing ? ['mine', 'team', 'workload'] : ['mine'];
  const tab = tabs.find((k) => k === params.get('tab')) ?? 'mine';
  const [filter, setFilter] = useState<QueueFilter>(defaultQueueFilter);
  const [recorded, setRecorded] = useState<RecordedSummary | null>(null);
  const nextRef = useRef<HTMLButtonElement>(null);

  const current = useQuery({
    queryKey: callbackKeys.current,
    queryFn: () => api.call('callbacks.current', {}),
    // Only this screen changes it; refetching on a timer could close a call mid-sentence.
    staleTime: Infinity,
  });
  const call = current.data ?? null;

  const next = useMutation({
    mutationFn: (customerId: number | null) =>
      api.call(
        'callbacks.next',
        customerId !== null
          ? { customerId }
          : filter.ruleCodes.length > 0
            ? { ruleCodes: filter.ruleCodes }
            : {},
      ),
    onSuccess: (panel) => {
      if (!panel) {
        void message.info(t('callbacks.next.none'));
        return;
      }
      setRecorded(null);
      queryClient.setQueryData(callbackKeys.current, panel);
    },
    onError: (error) => void message.error(errorMessage(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: callbackKeys.queues }),
  });
  const takeNext = (customerId: number | null = null) => {
    if (!next.isPending) next.mutate(customerId);
  };

  useHotkeys(
    (e) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return false;
      // F2 works even from a filter box; N only where it would not be typed.
      if (e.key === 'F2' || (e.code === 'KeyN' && !e.shiftKey && !isTypingTarget(e.target))) {
        takeNext();
        return true;
      }
      return false;
    },
    call === null && !current.isPending,
  );

  // Back from a call (or arriving): the next call is one Enter away.
  useEffect(() => {
    if (call === null && !current.isPending) nextRef.current?.focus();
  }, [call, current.isPending]);

  if (current.isPending) {
    return (
      <div className="page page-centered">
        <Spin size="large" />
      </div>
    );
  }
  if (current.isError) {
    return (
      <div className="page page-centered">
        <Result
          status="error"
          title={t('common.loadFailed')}
          subTitle={errorMessage(current.error)}
          extra={<Button onClick={() => void current.refetch()}>{t('common.retry')}</Button>}
        />
      </div>
    );
  }
  if (call) {
    return (
      <div className="page cb-page-call">
        <CallPanelView
          key={call.reasons.map((r) => r.taskId).join(',')}
          call={call}
          onRecorded={setRecorded}
        />
      </div>
    );
  }

  const filtered = filter.ruleCodes.length > 0;
  return (
    <div className="page">
      <div className="page-toolbar">
        <div className="page-toolbar-title">
          <Typography.Title level={4} className="page-title">
            {t('callbacks.title')}
          </Typography.Title>
        </div>
        <div className="cb-next">
          <Typography.Text type="secondary" className="cb-next-hint">
            {filtered ? `${t('callbacks.next.filtered')} · ` : ''}
            {t('callbacks.next.shortcutHint')}
          </Typography.Text>
          <Button
            ref={nextRef}
            type="primary"
            size="large"
            icon={<PhoneOutlined />}
            loading={next.isPending}
            onClick={() => takeNext()}
            aria-keyshortcuts="N F2"
            className="cb-next-button"
          >
            {t('callbacks.next.button')}
            <kbd className="cb-kbd cb-kbd-inverse">N</kbd>
          </Button>
        </div>
      </div>
      <PoolSummary ruleCodes={filter.ruleCodes} />
      {recorded && <RecordedBanner summary={recorded} onClose={() => setRecorded(null)} />}
      <div className="page-panel cb-panel">
        <Tabs
          className="cb-tabs"
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={tabs.map((key) => ({ key, label: t(`callbacks.tabs.${key}`) }))}
        />
        {tab === 'workload' ? (
          <WorkloadView />
        ) : (
          <QueueView
            key={tab}
            scope={tab}
            filter={filter}
            onFilterChange={setFilter}
            onCall={(customerId) => takeNext(customerId)}
            calling={next.isPending}
          />
        )}
      </div>
    </div>
  );
}
