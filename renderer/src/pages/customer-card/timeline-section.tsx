import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerCard, TimelinePage } from '../../../../electron/contract/customers';
import { api } from '../../api';
import { useAuth } from '../../auth/use-auth';
import { errorMessage } from '../../forms/apply-server-errors';
import { cardKeys } from './card-keys';
import { TimelineEntry } from './timeline-item';
import type { TimelineKind } from './timeline-kinds';
import { timelineKindGroups } from './timeline-kinds';
import { useRefreshCard } from './use-card-mutations';
import { VisitEditModal } from './visit-edit-modal';

const pageSize = 20;

interface TimelineSectionProps {
  customerId: number;
  /** The card's first page, so the unfiltered timeline needs no second request. */
  firstPage: TimelinePage;
  firstPageAt: number;
}

/** Service visits and every contact in one list, newest first, filterable by kind, paged by main's cursor. */
export function TimelineSection({ customerId, firstPage, firstPageAt }: TimelineSectionProps) {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const [editing, setEditing] = useState<{ visitId: number; carLabel: string } | null>(null);
  const canWrite = useAuth().can('customers.write');
  const refresh = useRefreshCard(customerId);
  // The store's date as main told the card (the timeline always sits on a loaded card).
  const asOf = useQueryClient().getQueryData<CustomerCard>(cardKeys.card(customerId))?.derived.asOf;
  const query = useInfiniteQuery({
    queryKey: cardKeys.timeline(customerId, kinds),
    queryFn: ({ pageParam }) =>
      api.call('customers.timeline', {
        customerId,
        kinds: kinds.length ? kinds : undefined,
        limit: pageSize,
        cursor: pageParam,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(kinds.length === 0
      ? { initialData: { pages: [firstPage], pageParams: [null] }, initialDataUpdatedAt: firstPageAt }
      : {}),
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  const options = timelineKindGroups.map((g) => ({
    label: t(`card.timeline.groups.${g.group}`),
    options: g.kinds.map((k) => ({
      value: k,
      label:
        g.group === 'visits'
          ? t(`card.enums.visitType.${k as 'repair'}`)
          : t(`card.enums.interaction.${k as 'call'}`),
    })),
  }));

  let body;
  if (query.isPending)
    body = (
      <div className="section-loading">
        <Spin />
      </div>
    );
  else if (query.isError) body = <p className="section-error">{errorMessage(query.error)}</p>;
  else if (items.length === 0)
    body = (
      <p className="section-empty">
        {kinds.length ? t('card.timeline.noneOfKind') : t('card.timeline.none')}
      </p>
    );
  else
    body = (
      <>
        <ol className="timeline" aria-label={t('card.timeline.title')}>
          {items.map((item) => (
            <TimelineEntry
              key={`${item.source}-${item.id}`}
              item={item}
              t={t}
              onEditVisit={canWrite ? (visitId, carLabel) => setEditing({ visitId, carLabel }) : undefined}
            />
          ))}
        </ol>
        {query.hasNextPage && (
          <div className="timeline-more">
            <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
              {t('card.timeline.more')}
            </Button>
          </div>
        )}
      </>
    );

  return (
    <Card
      size="small"
      className="card-section"
      title={t('card.timeline.title')}
      extra={
        <Select<TimelineKind[]>
          mode="multiple"
          size="small"
          aria-label={t('card.timeline.filter')}
          placeholder={t('card.timeline.allKinds')}
          value={kinds}
          onChange={setKinds}
          options={options}
          maxTagCount="responsive"
          allowClear
          style={{ width: 260 }}
        />
      }
    >
      {body}
      {editing && (
        <VisitEditModal
          visitId={editing.visitId}
          carLabel={editing.carLabel}
          today={asOf ?? new Date().toISOString().slice(0, 10)}
          onClose={() => setEditing(null)}
          onSaved={() => refresh()}
        />
      )}
    </Card>
  );
}
