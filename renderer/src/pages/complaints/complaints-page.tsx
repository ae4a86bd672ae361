import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Tabs, Tooltip, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/use-auth';
import { errorMessage } from '../../forms/apply-server-errors';
import { isTypingTarget, useHotkeys } from '../callbacks/use-hotkeys';
import { ComplaintFilterBar, ComplaintSortSelect } from './complaint-filter-bar';
import type { ListScope } from './complaint-filters';
import { activeFilterCount, listScopes, useListView } from './complaint-filters';
import { KpiStrip } from './kpi-strip';
import { rememberComplaintListSearch } from './list-return';
import { NewTicketDrawer } from './new-ticket-drawer';
import { TicketGrid } from './ticket-grid';
import { useComplaintList } from './use-complaint-list';
import { useComplaintStaff } from './use-complaint-staff';
import './complaints.css';

/**
 * 投诉工单: the open work by time left (SLA chips from main), my tickets, my department's inbox; filters in the
 * URL so a ticket's back link returns to the same list. Managers see the KPI line above it.
 */
export function ComplaintsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [view, setView] = useListView();
  const { query, rows, total, counts } = useComplaintList(view);
  const [creating, setCreating] = useState(false);
  const managing = can('complaints.manage');
  const staff = useComplaintStaff(managing);
  const searchRef = useRef<InputRef>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const openTicket = useCallback((id: number) => void navigate(`/complaints/${id}`), [navigate]);
  const location = useLocation();
  useEffect(() => rememberComplaintListSearch(location.search), [location.search]);

  useHotkeys((e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target) || creating) return false;
    if (e.key === '/') {
      searchRef.current?.focus();
      return true;
    }
    if (e.key === 'n' && can('complaints.raise')) {
      setCreating(true);
      return true;
    }
    // j from anywhere on the page starts walking the list.
    if ((e.key === 'j' || e.key === 'ArrowDown') && document.activeElement === document.body) {
      gridRef.current?.focus();
      return true;
    }
    return false;
  });

  const scope = view.filters.scope ?? 'all';
  const setScope = (next: ListScope) =>
    setView({ ...view, filters: { ...view.filters, scope: next, departmentId: undefined } });
  const filtered = activeFilterCount(view.filters) > 0;

  const empty = (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <div className="cp-empty-title">
            {t(filtered ? 'complaints.list.emptyFiltered' : `complaints.list.empty.${scope}`)}
          </div>
          <Typography.Text type="secondary">
            {t(view.filters.open ? 'complaints.list.emptyOpenHint' : 'complaints.list.emptyHint')}
          </Typography.Text>
        </>
      }
    />
  );

  return (
    <div className="page cp-page">
      <div className="page-toolbar">
        <div className="page-toolbar-title">
          <Typography.Title level={4} className="page-title">
            {t('complaints.title')}
          </Typography.Title>
          {counts && (
            <span className="cp-counts" aria-live="polite">
              <span>{t('complaints.list.countOpen', { count: counts.open })}</span>
              <span className={counts.breached > 0 ? 'cp-count-bad' : undefined}>
                {t('complaints.list.countBreached', { count: counts.breached })}
              </span>
              <span>{t('complaints.list.countPaused', { count: counts.paused })}</span>
            </span>
          )}
        </div>
        <div className="cp-toolbar-actions">
          <Typography.Text type="secondary" className="cp-keys-hint">
            {t('complaints.list.keysHint')}
          </Typography.Text>
          <Tooltip title={t('complaints.list.refresh')}>
            <Button
              icon={<ReloadOutlined />}
              aria-label={t('complaints.list.refresh')}
              loading={query.isRefetching}
              onClick={() => void query.refetch()}
            />
          </Tooltip>
          {can('complaints.raise') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              aria-keyshortcuts="N"
            >
              {t('complaints.create')}
            </Button>
          )}
        </div>
      </div>
      {managing && <KpiStrip />}
      <div className="page-panel cp-panel">
        <Tabs
          className="cp-tabs"
          activeKey={scope}
          onChange={(k) => setScope(k as ListScope)}
          tabBarExtraContent={<ComplaintSortSelect view={view} onChange={setView} />}
          items={listScopes.map((s) => ({
            key: s,
            label:
              s === 'mine' && counts ? (
                <span>
                  {t('complaints.tabs.mine')} <span className="cp-tab-count">{counts.mine}</span>
                </span>
              ) : (
                t(`complaints.tabs.${s}`)
              ),
          }))}
        />
        <div className="cp-toolbar">
          <ComplaintFilterBar
            view={view}
            onChange={setView}
            searchRef={searchRef}
            departments={
              managing ? (staff.data?.departments.map((d) => ({ value: d.id, label: d.name })) ?? []) : null
            }
          />
        </div>
        {query.isError && (
          <Alert
            type="error"
            showIcon
            className="cp-alert"
            title={errorMessage(query.error)}
            action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
          />
        )}
        <TicketGrid
          gridRef={gridRef}
          rows={rows}
          total={total}
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          fetchNextPage={query.fetchNextPage}
          onOpen={openTicket}
          stale={query.isPlaceholderData}
          empty={query.isPending ? null : empty}
        />
        <div className="cp-footer">
          <Typography.Text type="secondary">
            {total !== null ? t('complaints.list.total', { count: total, shown: rows.length }) : ''}
          </Typography.Text>
        </div>
      </div>
      <NewTicketDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(tk) => openTicket(tk.id)}
      />
    </div>
  );
}
