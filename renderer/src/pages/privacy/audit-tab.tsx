import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth/use-auth';
import { errorMessage } from '../../forms/apply-server-errors';
import type { PickedCustomer } from '../../search/customer-picker';
import { AuditExportButton } from './audit-export-button';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { useVerifyChain, VerifyButton, VerifyResultBanner } from './audit-verify';
import type { AuditFilterValues } from './use-audit-log';
import { useAuditLog } from './use-audit-log';
import './audit.css';

/** A link from a customer card opens the log on that person (…/privacy?tab=audit&customer=12). */
function initialCustomer(params: URLSearchParams): PickedCustomer | null {
  const id = Number(params.get('customer'));
  return Number.isInteger(id) && id > 0 ? { id, name: params.get('name') ?? `#${id}` } : null;
}

/**
 * 审计日志: who viewed, exported or changed what, for managers (read) and administrators (also the chain
 * check). Filters run in main on the log's indexes; the table pages on with keyset cursors.
 */
export function AuditTab() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params] = useSearchParams();
  const [customer, setCustomer] = useState(() => initialCustomer(params));
  const [filters, setFilters] = useState<AuditFilterValues>(() =>
    customer ? { customerId: customer.id } : {},
  );
  const { query, rows, total } = useAuditLog(filters);
  const verify = useVerifyChain();
  const [showResult, setShowResult] = useState(true);
  const isAdmin = can('users.manage');

  return (
    <div className="audit-tab">
      <div className="audit-head">
        <Typography.Paragraph type="secondary" className="audit-intro">
          {t('auditLog.intro')}
        </Typography.Paragraph>
        <div className="audit-actions">
          <AuditExportButton filters={filters} />
          {isAdmin && <VerifyButton verify={verify} onStart={() => setShowResult(true)} />}
        </div>
      </div>
      <AuditFilters
        value={filters}
        customer={customer}
        onChange={(next, picked) => {
          setFilters(next);
          setCustomer(picked);
        }}
      />
      {isAdmin && verify.data && showResult && (
        <VerifyResultBanner
          result={verify.data}
          onClose={() => setShowResult(false)}
          onShowBroken={(id) => {
            setCustomer(null);
            setFilters({ id });
          }}
        />
      )}
      {query.isError && (
        <Alert type="error" showIcon title={errorMessage(query.error)} className="tab-alert" />
      )}
      <div className="audit-count" aria-live="polite">
        {total !== null && t('auditLog.total', { count: total })}
        {total !== null && rows.length < total && (
          <span className="audit-count-loaded">{t('auditLog.loaded', { count: rows.length })}</span>
        )}
      </div>
      <AuditTable rows={rows} loading={query.isPending} highlightId={verify.data?.broken?.id ?? null} />
      {query.hasNextPage && (
        <div className="audit-load-more">
          <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('auditLog.loadMore')}
          </Button>
        </div>
      )}
    </div>
  );
}
