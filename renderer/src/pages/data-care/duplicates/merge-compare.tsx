import { Radio } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPlate } from '../../../../../electron/common/plate';
import { formatDate } from '../../../format/date';
import { CustomerLink } from './customer-link';
import type { MergeFacts } from './use-merge-facts';

interface MergeCompareProps {
  facts: [MergeFacts, MergeFacts];
  survivorId: number;
  onSurvivorChange: (id: number) => void;
}

type Row = { key: string; label: string; value: (f: MergeFacts) => ReactNode };

const maxPlates = 3;

/** The two cards side by side, one column each; the column picked to stay is marked, the other will go. */
export function MergeCompare({ facts, survivorId, onSurvivorChange }: MergeCompareProps) {
  const { t } = useTranslation();
  const none = t('common.none');
  const join = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' / ') || none;
  const count = (n: number, more: boolean) => (more ? t('dataCare.duplicates.modal.more', { count: n }) : n);

  const rows: Row[] = [
    {
      key: 'mobiles',
      label: t('dataCare.duplicates.modal.mobiles'),
      value: ({ card: { customer: c } }) => join(c.mobile, c.mobile2),
    },
    {
      key: 'idNumber',
      label: t('dataCare.duplicates.modal.idNumber'),
      value: (f) => f.card.customer.idNumber ?? none,
    },
    {
      key: 'genderBirthday',
      label: t('dataCare.duplicates.modal.genderBirthday'),
      value: ({ card: { customer: c } }) =>
        join(c.gender && t(`labels.gender.${c.gender}`), c.birthday && formatDate(c.birthday)),
    },
    {
      key: 'place',
      label: t('dataCare.duplicates.modal.place'),
      value: ({ card: { customer: c } }) => join(c.district, c.address),
    },
    {
      key: 'stageSource',
      label: t('dataCare.duplicates.modal.stageSource'),
      value: ({ card: { customer: c } }) => (
        <>
          <span className={`stage-pill stage-${c.stage}`}>{t(`labels.stage.${c.stage}`)}</span>{' '}
          {t(`labels.sourceChannel.${c.sourceChannel}`)}
        </>
      ),
    },
    {
      key: 'dates',
      label: t('dataCare.duplicates.modal.dates'),
      value: ({ card: { customer: c } }) => `${formatDate(c.createdAt)} / ${formatDate(c.lastVisitAt)}`,
    },
    {
      key: 'vehicles',
      label: t('dataCare.duplicates.modal.vehicles'),
      value: ({ card: { vehicles } }) => {
        if (!vehicles.length) return none;
        const shown = vehicles
          .slice(0, maxPlates)
          .map((v) => [v.plate ? formatPlate(v.plate) : null, v.series].filter(Boolean).join(' '));
        const rest = vehicles.length - shown.length;
        return (
          <>
            {shown.map((s) => (
              <div key={s}>{s}</div>
            ))}
            {rest > 0 && (
              <div className="compare-muted">
                {t('dataCare.duplicates.vehicles', { count: vehicles.length })}
              </div>
            )}
          </>
        );
      },
    },
    {
      key: 'history',
      label: t('dataCare.duplicates.modal.history'),
      value: (f) =>
        t('dataCare.duplicates.modal.historyValue', {
          visits: count(f.visits, f.more),
          contacts: count(f.contacts, f.more),
        }),
    },
    {
      key: 'referredTags',
      label: t('dataCare.duplicates.modal.referredTags'),
      value: ({ card }) =>
        t('dataCare.duplicates.modal.referredTagsValue', {
          referred: card.referred.total,
          tags: card.customer.tags.length ? card.customer.tags.join('、') : none,
        }),
    },
  ];

  const cls = (f: MergeFacts) =>
    f.card.customer.id === survivorId ? 'merge-compare-col is-survivor' : 'merge-compare-col is-merged';

  return (
    <table className="merge-compare">
      <colgroup>
        <col className="merge-compare-label-col" />
        <col />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="merge-compare-label">
            {t('dataCare.duplicates.modal.field')}
          </th>
          {facts.map((f) => (
            <th key={f.card.customer.id} scope="col" className={cls(f)}>
              <Radio
                name="merge-survivor"
                checked={f.card.customer.id === survivorId}
                onChange={() => onSurvivorChange(f.card.customer.id)}
              >
                {t('dataCare.duplicates.modal.keep')}
              </Radio>
              <div className="merge-compare-name">
                <CustomerLink id={f.card.customer.id} name={f.card.customer.name} />
                <span className="compare-muted">{t('dataCare.customerId', { id: f.card.customer.id })}</span>
              </div>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" className="merge-compare-label">
              {r.label}
            </th>
            {facts.map((f) => (
              <td key={f.card.customer.id} className={cls(f)}>
                {r.value(f)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
