import type { ColumnDef } from '@tanstack/react-table';
import { createColumnHelper } from '@tanstack/react-table';
import { Badge, Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { CustomerRow } from '../../../../electron/contract/customers';
import { formatDate } from '../../format/date';
import { baseGradeStatus, stageColors } from './labels';

const col = createColumnHelper<CustomerRow>();
const none = '—';

function text(value: string | null) {
  return value ? (
    <span className="cell-text" title={value}>
      {value}
    </span>
  ) : (
    <span className="cell-empty">{none}</span>
  );
}

/** Column order follows how staff scan a card: who, how to reach them, where they are in the lifecycle, the car. */
export function customerColumns(t: TFunction): ColumnDef<CustomerRow, never>[] {
  const columns = [
    col.accessor('name', {
      header: t('customers.columns.name'),
      cell: (c) => <span className="cell-text cell-strong">{c.getValue()}</span>,
      meta: { track: 'minmax(80px, 1.1fr)', sortKey: 'name' },
    }),
    col.accessor('gender', {
      header: t('customers.columns.gender'),
      cell: (c) => {
        const g = c.getValue();
        return g ? t(`labels.gender.${g}`) : <span className="cell-empty">{none}</span>;
      },
      meta: { track: 'minmax(44px, 0.5fr)' },
    }),
    col.accessor('mobile', {
      header: t('customers.columns.mobile'),
      cell: (c) => <span className="cell-mono">{text(c.getValue())}</span>,
      meta: { track: 'minmax(108px, 1.15fr)' },
    }),
    col.accessor('district', {
      header: t('customers.columns.district'),
      cell: (c) => text(c.getValue()),
      meta: { track: 'minmax(64px, 0.9fr)' },
    }),
    col.accessor('stage', {
      header: t('customers.columns.stage'),
      cell: (c) => (
        <Tag color={stageColors[c.getValue()]} variant="outlined" className="cell-tag">
          {t(`labels.stage.${c.getValue()}`)}
        </Tag>
      ),
      meta: { track: 'minmax(84px, 0.95fr)' },
    }),
    col.accessor('baseGrade', {
      header: t('customers.columns.baseGrade'),
      cell: (c) => {
        const g = c.getValue();
        return g ? (
          <Badge status={baseGradeStatus[g]} text={t(`labels.baseGrade.${g}`)} />
        ) : (
          <span className="cell-empty">{none}</span>
        );
      },
      meta: { track: 'minmax(72px, 0.8fr)' },
    }),
    col.accessor('plates', {
      header: t('customers.columns.plates'),
      cell: (c) => text(c.getValue()),
      meta: { track: 'minmax(96px, 1.2fr)' },
    }),
    col.accessor('series', {
      header: t('customers.columns.series'),
      cell: (c) => text(c.getValue()),
      meta: { track: 'minmax(80px, 1.1fr)' },
    }),
    col.accessor('lastVisitAt', {
      header: t('customers.columns.lastVisitAt'),
      cell: (c) => text(c.getValue() && formatDate(c.getValue())),
      meta: { track: 'minmax(96px, 1.05fr)', sortKey: 'lastVisit' },
    }),
    col.accessor('sourceChannel', {
      header: t('customers.columns.sourceChannel'),
      cell: (c) => text(t(`labels.sourceChannel.${c.getValue()}`)),
      meta: { track: 'minmax(100px, 1.15fr)' },
    }),
    col.accessor('createdAt', {
      header: t('customers.columns.createdAt'),
      cell: (c) => text(formatDate(c.getValue())),
      meta: { track: 'minmax(96px, 1.05fr)', sortKey: 'created' },
    }),
  ];
  return columns as ColumnDef<CustomerRow, never>[];
}
