import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { CustomerRow } from '../../../../electron/contract/customers';
import { baseGrades, genders, sourceChannels, stages } from '../../../../electron/contract/customers';
import { formatPlate } from '../../../../electron/common/plate';
import { formatDate } from '../../format/date';

const none = '—';

/** main sends plates space separated and unformatted; staff read 粤L·12345. */
function formatPlates(plates: string): string {
  return plates.split(/\s+/).filter(Boolean).map(formatPlate).join(' ');
}

function text(value: string | null, className = 'cell-text') {
  return value ? (
    <span className={className} title={value}>
      {value}
    </span>
  ) : (
    <span className="cell-empty">{none}</span>
  );
}

/** Every column in display order; the column chooser lists these. */
export const customerColumnIds = [
  'name',
  'gender',
  'mobile',
  'district',
  'stage',
  'baseGrade',
  'plates',
  'series',
  'lastVisitAt',
  'sourceChannel',
  'createdAt',
] as const;
export type CustomerColumnId = (typeof customerColumnIds)[number];
/** A row without a name tells staff nothing, so that column cannot be hidden. */
export const lockedColumnIds: readonly CustomerColumnId[] = ['name'];

function labels<K extends string>(keys: readonly K[], label: (key: K) => string): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, label(k)])) as Record<K, string>;
}

/**
 * Column order follows how staff scan a card: who, how to reach them, where they are in the lifecycle, the car.
 * Cells read `row.original`: main sorts, so the table needs no accessors of its own.
 */
export function customerColumns(t: TFunction): ColumnDef<CustomerRow>[] {
  // Looked up once per language rather than once per cell: a fast scroll renders hundreds of cells.
  const gender = labels(genders, (g) => t(`labels.genderShort.${g}`));
  const stage = labels(stages, (s) => t(`labels.stage.${s}`));
  const grade = labels(baseGrades, (g) => t(`labels.baseGrade.${g}`));
  const source = labels(sourceChannels, (s) => t(`labels.sourceChannel.${s}`));
  return [
    {
      id: 'name',
      header: t('customers.columns.name'),
      cell: ({ row }) => (
        <span className="cell-text cell-strong" title={row.original.name}>
          {row.original.name}
        </span>
      ),
      meta: { minWidth: 84, grow: 1.2, sortKey: 'name' },
    },
    {
      id: 'gender',
      header: t('customers.columns.gender'),
      cell: ({ row }) => text(row.original.gender && gender[row.original.gender]),
      meta: { minWidth: 48, grow: 0.45 },
    },
    {
      id: 'mobile',
      header: t('customers.columns.mobile'),
      cell: ({ row }) => text(row.original.mobile, 'cell-text cell-mono'),
      meta: { minWidth: 104, grow: 1.1 },
    },
    {
      id: 'district',
      header: t('customers.columns.district'),
      cell: ({ row }) => text(row.original.district),
      meta: { minWidth: 60, grow: 0.8 },
    },
    {
      id: 'stage',
      header: t('customers.columns.stage'),
      // Plain spans styled like antd tags: thirty antd components per scroll step would cost frames.
      cell: ({ row }) => (
        <span className={`stage-pill stage-${row.original.stage}`}>{stage[row.original.stage]}</span>
      ),
      meta: { minWidth: 80, grow: 0.9 },
    },
    {
      id: 'baseGrade',
      header: t('customers.columns.baseGrade'),
      cell: ({ row }) => {
        const g = row.original.baseGrade;
        return g ? (
          <span className={`grade grade-${g}`} title={grade[g]}>
            {grade[g]}
          </span>
        ) : (
          <span className="cell-empty">{none}</span>
        );
      },
      meta: { minWidth: 92, grow: 0.95 },
    },
    {
      id: 'plates',
      header: t('customers.columns.plates'),
      cell: ({ row }) => text(row.original.plates && formatPlates(row.original.plates)),
      meta: { minWidth: 92, grow: 1.2 },
    },
    {
      id: 'series',
      header: t('customers.columns.series'),
      // main joins a customer's series with bare commas; the Chinese list mark reads better in a cell.
      cell: ({ row }) => text(row.original.series?.split(',').join('、') ?? null),
      meta: { minWidth: 80, grow: 1.15 },
    },
    {
      id: 'lastVisitAt',
      header: t('customers.columns.lastVisitAt'),
      cell: ({ row }) => text(row.original.lastVisitAt && formatDate(row.original.lastVisitAt)),
      meta: { minWidth: 100, grow: 1.05, sortKey: 'lastVisit' },
    },
    {
      id: 'sourceChannel',
      header: t('customers.columns.sourceChannel'),
      cell: ({ row }) => text(source[row.original.sourceChannel]),
      meta: { minWidth: 96, grow: 1.1 },
    },
    {
      id: 'createdAt',
      header: t('customers.columns.createdAt'),
      cell: ({ row }) => text(formatDate(row.original.createdAt)),
      meta: { minWidth: 92, grow: 1, sortKey: 'created' },
    },
  ];
}
