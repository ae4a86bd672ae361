import { useQuery } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { api, ApiCallError } from '../../api';
import { useAuth } from '../../auth/use-auth';
import { errorMessage } from '../../forms/apply-server-errors';
import { EditCustomerDrawer } from '../customers/edit-customer-drawer';
import { customerListPath } from '../customers/list-return';
import { AccessLogSection } from './access-log-section';
import { CardHeader } from './card-header';
import { cardKeys } from './card-keys';
import { CardModals } from './card-modals';
import type { CardAction } from './card-modals';
import { ConsentSection } from './consent-section';
import { DerivedSummary } from './derived-summary';
import { MemberSection } from './member-section';
import { MergedNotice, useMergedRedirect } from './merged-notice';
import { ProfileSection } from './profile-section';
import { RevealScope } from '../../personal-data/reveal-scope';
import { PurchaseSection } from './purchase-section';
import { SourceSection } from './source-section';
import { TimelineSection } from './timeline-section';
import { useRefreshCard } from './use-card-mutations';
import { VehiclesSection } from './vehicles-section';
import './customer-card.css';
import './member-section.css';

/** The 360° card front-desk staff work from all day: who, their cars, what happened, what it adds up to. */
export function CustomerCardPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const canWrite = can('customers.write');
  const [action, setAction] = useState<CardAction | null>(null);
  // Keyed per opening, so the edit form always starts from the card as it is now.
  const [editing, setEditing] = useState(0);
  const refresh = useRefreshCard(id);
  const card = useQuery({
    queryKey: cardKeys.card(id),
    queryFn: () => api.call('customers.card', { id }),
    enabled: valid,
  });
  const redirecting = useMergedRedirect(id, card.error);

  if (redirecting) {
    return (
      <div className="page-centered">
        <Spin size="large" />
      </div>
    );
  }
  if (!valid || (card.error instanceof ApiCallError && card.error.kind === 'not_found')) {
    return (
      <Result
        status="404"
        title={t('card.notFound')}
        subTitle={t('card.notFoundHint')}
        extra={<Button onClick={() => void navigate(customerListPath())}>{t('card.backToList')}</Button>}
      />
    );
  }
  if (card.isPending) {
    return (
      <div className="page-centered">
        <Spin size="large" />
      </div>
    );
  }
  if (card.isError) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={errorMessage(card.error)}
        extra={<Button onClick={() => void card.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }

  const data = card.data;
  const c = data.customer;
  const page = (
    <div className="page page-scroll card-page" aria-busy={card.isFetching || undefined}>
      <MergedNotice />
      <CardHeader
        card={data}
        canWrite={canWrite}
        onEdit={() => setEditing((n) => n + 1)}
        onAction={setAction}
      />
      <DerivedSummary derived={data.derived} />
      <div className="card-columns">
        <div className="card-main">
          <VehiclesSection
            vehicles={data.vehicles}
            asOf={data.derived.asOf}
            canWrite={canWrite}
            onAction={setAction}
          />
          <MemberSection customer={c} canWrite={canWrite} />
          <TimelineSection customerId={c.id} firstPage={data.timeline} firstPageAt={card.dataUpdatedAt} />
        </div>
        <div className="card-side">
          <ProfileSection customer={c} />
          <SourceSection card={data} />
          <PurchaseSection customer={c} />
          <ConsentSection customer={c} canWrite={canWrite} onAction={setAction} />
          <AccessLogSection customerId={c.id} name={c.name} />
        </div>
      </div>
      <CardModals card={data} action={action} onClose={() => setAction(null)} onChanged={refresh} />
      {canWrite && editing > 0 && (
        <EditCustomerDrawer
          key={editing}
          open
          customer={c}
          referrer={data.referrer}
          onClose={() => setEditing(0)}
          onSaved={() => refresh()}
        />
      )}
    </div>
  );
  // Values revealed on this card stay shown while it is open, for this customer only (reveal-scope.tsx).
  return <RevealScope key={c.id}>{page}</RevealScope>;
}
