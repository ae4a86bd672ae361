import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Result, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useNavigationType } from 'react-router-dom';
import type { CustomerDetail } from '../../../../electron/contract/customers';
import { api } from '../../api';
import { useAuth } from '../../auth/use-auth';
import { errorMessage } from '../../forms/apply-server-errors';
import { ExportButton } from '../data-care/export-button';
import { ColumnChooser } from './column-chooser';
import { CreateCustomerDrawer } from './create-customer-drawer';
import { CustomerFilterBar, withValue } from './customer-filter-bar';
import { activeFilterCount, useCustomerFilters } from './customer-filters';
import { CustomerGrid } from './customer-grid';
import { CustomerTextFilter } from './customer-text-filter';
import { customerKeys, systemInfoKey } from './customer-keys';
import { useCustomerSort } from './customer-sort';
import { CustomersEmpty } from './customers-empty';
import { DemoDataPrompt } from './demo-data-prompt';
import { isListReturn, rememberedListScroll, rememberListScroll, rememberListSearch } from './list-return';
import { FilteredEmpty } from './filtered-empty';
import { useColumnVisibility } from './use-column-visibility';
import { useCustomerList } from './use-customer-list';
import './customer-list.css';

/** How long a just-created row stays marked. */
const highlightMs = 4000;

export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const navigationType = useNavigationType();
  const [sort, setSort] = useCustomerSort();
  const [filters, setFilters] = useCustomerFilters();
  const [columnVisibility, setColumnVisibility] = useColumnVisibility();
  const [creating, setCreating] = useState(false);
  const [highlightId, setHighlightId] = useState<number | null>(null);
  const { query, rows, total } = useCustomerList(sort, filters);
  const filtered = activeFilterCount(filters) > 0;
  const openCustomer = useCallback((id: number) => void navigate(`/customers/${id}`), [navigate]);
  const info = useQuery({ queryKey: systemInfoKey, queryFn: () => api.call('system.info', {}) });
  const canCreate = can('customers.write');

  useEffect(() => rememberListSearch(location.search), [location.search]);
  // Back (or the card's link back) returns to where the list was scrolled; arriving any other way starts at the top.
  const [restoreTop] = useState(() =>
    navigationType === 'POP' || isListReturn(location.state) ? rememberedListScroll(location.search) : 0,
  );
  const onScrollTop = useCallback(
    (top: number) => rememberListScroll(location.search, top),
    [location.search],
  );

  useEffect(() => {
    if (highlightId === null) return;
    const timer = window.setTimeout(() => setHighlightId(null), highlightMs);
    return () => window.clearTimeout(timer);
  }, [highlightId]);

  const onCreated = useCallback(
    (customer: CustomerDetail) => {
      // Newest first and unfiltered is where a new card is sure to be on screen, whatever the user had chosen.
      setFilters({});
      setSort({ sort: 'created', direction: 'desc' });
      setHighlightId(customer.id);
      void queryClient.resetQueries({ queryKey: customerKeys.all });
      void queryClient.invalidateQueries({ queryKey: systemInfoKey });
    },
    [queryClient, setSort, setFilters],
  );

  const showDemo = info.data?.empty === true && can('demo.generate') && !filtered;

  let body;
  if (query.isPending || (info.isPending && total === 0)) {
    body = (
      <div className="page-centered">
        <Spin size="large" />
      </div>
    );
  } else if (query.isError) {
    body = (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={errorMessage(query.error)}
        extra={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
      />
    );
  } else if (showDemo && rows.length === 0) {
    body = <DemoDataPrompt canCreate={canCreate} onCreate={() => setCreating(true)} />;
  } else if (rows.length === 0 && filtered) {
    body = <FilteredEmpty onClear={() => setFilters({})} />;
  } else if (rows.length === 0) {
    body = <CustomersEmpty canCreate={canCreate} />;
  } else {
    body = (
      <CustomerGrid
        // A new order or filter starts at the top; a new language re-renders the memoised rows' labels.
        key={`${sort.sort}-${sort.direction}-${JSON.stringify(filters)}-${i18n.language}`}
        rows={rows}
        total={total}
        hasNextPage={query.hasNextPage}
        isFetchingNextPage={query.isFetchingNextPage}
        fetchNextPage={query.fetchNextPage}
        sort={sort}
        onSortChange={setSort}
        highlightId={highlightId}
        columnVisibility={columnVisibility}
        onOpen={openCustomer}
        stale={query.isPlaceholderData}
        initialScrollTop={restoreTop}
        onScrollTop={onScrollTop}
      />
    );
  }

  return (
    <div className="page">
      <div className="page-toolbar">
        <div className="page-toolbar-title">
          <Typography.Title level={4} className="page-title">
            {t('customers.title')}
          </Typography.Title>
          {total !== null && (
            <Typography.Text type="secondary" className="page-count">
              {t('customers.total', { count: total })}
            </Typography.Text>
          )}
        </div>
        <CustomerTextFilter
          value={filters.text}
          onChange={(v) => setFilters(withValue(filters, 'text', v))}
        />
        {/* The auto margin keeps 导出 beside 新建客户 on the right. */}
        <ExportButton query={{ ...sort, filters }} style={{ marginInlineStart: 'auto' }} />
        {canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('customers.create')}
          </Button>
        )}
      </div>
      <div className="list-controls">
        <CustomerFilterBar filters={filters} onChange={setFilters} />
        <ColumnChooser visibility={columnVisibility} onChange={setColumnVisibility} />
      </div>
      <div className="page-panel">{body}</div>
      {canCreate && (
        <CreateCustomerDrawer open={creating} onClose={() => setCreating(false)} onCreated={onCreated} />
      )}
    </div>
  );
}
