import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditAction } from '../../../../electron/contract/audit-actions';
import { api } from '../../api';
import { fromIsoDate, toIsoDate } from '../../format/date';
import type { PickedCustomer } from '../../search/customer-picker';
import { CustomerPicker } from '../../search/customer-picker';
import { actionGroups, actionLabel } from './audit-labels';
import type { AuditFilterValues } from './use-audit-log';
import { auditKeys } from './use-audit-log';

interface AuditFiltersProps {
  value: AuditFilterValues;
  customer: PickedCustomer | null;
  onChange: (next: AuditFilterValues, customer: PickedCustomer | null) => void;
}

/** One row of filters over the log: staff member, customer, actions, store days (both ends included). */
export function AuditFilters({ value, customer, onChange }: AuditFiltersProps) {
  const { t } = useTranslation();
  const users = useQuery({ queryKey: auditKeys.users, queryFn: () => api.call('audit.users', {}) });
  const set = (patch: Partial<AuditFilterValues>, picked = customer) => {
    const next = { ...value, ...patch };
    for (const k of Object.keys(next) as (keyof AuditFilterValues)[])
      if (next[k] === undefined) delete next[k];
    onChange(next, picked);
  };
  const filtered = Object.keys(value).length > 0;

  return (
    <div className="audit-filters" role="search">
      <div className="audit-filter">
        <span className="audit-filter-label">{t('auditLog.filters.user')}</span>
        <Select<number>
          className="audit-filter-user"
          aria-label={t('auditLog.filters.user')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('auditLog.filters.userPlaceholder')}
          value={value.userId}
          loading={users.isPending}
          options={(users.data ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName}（${u.username}）`,
          }))}
          onChange={(userId) => set({ userId })}
        />
      </div>
      <div className="audit-filter audit-filter-customer">
        <span className="audit-filter-label">{t('auditLog.filters.customer')}</span>
        <CustomerPicker
          value={customer}
          placeholder={t('auditLog.filters.customerPlaceholder')}
          onChange={(c) => set({ customerId: c?.id }, c)}
        />
      </div>
      <div className="audit-filter audit-filter-action">
        <span className="audit-filter-label">{t('auditLog.filters.action')}</span>
        <Select<AuditAction[]>
          mode="multiple"
          aria-label={t('auditLog.filters.action')}
          allowClear
          maxTagCount="responsive"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('auditLog.filters.actionPlaceholder')}
          value={value.actions ?? []}
          options={actionGroups.map((g) => ({
            label: t(`auditLog.groups.${g.group}`),
            title: t(`auditLog.groups.${g.group}`),
            options: g.codes.map((code) => ({ value: code, label: actionLabel(code) })),
          }))}
          onChange={(actions) => set({ actions: actions.length ? actions : undefined })}
        />
      </div>
      <div className="audit-filter">
        <span className="audit-filter-label">{t('auditLog.filters.dates')}</span>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          value={[fromIsoDate(value.dateFrom), fromIsoDate(value.dateTo)]}
          onChange={(range) =>
            set({ dateFrom: toIsoDate(range?.[0]) ?? undefined, dateTo: toIsoDate(range?.[1]) ?? undefined })
          }
        />
      </div>
      <Button type="link" disabled={!filtered} onClick={() => onChange({}, null)}>
        {t('auditLog.filters.reset')}
      </Button>
    </div>
  );
}
