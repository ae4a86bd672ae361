import { ClearOutlined } from '@ant-design/icons';
import { Button, DatePicker, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { baseGrades, stages } from '../../../../electron/contract/customers';
import { loyaltyTierLabels, loyaltyTiers } from '../../../../electron/contract/loyalty-terms';
import { fromIsoDate, toIsoDate } from '../../format/date';
import type { CustomerFilters } from './customer-filters';
import { activeFilterCount } from './customer-filters';
import { useFacets } from './use-facets';

interface CustomerFilterBarProps {
  filters: CustomerFilters;
  onChange: (next: CustomerFilters) => void;
}

const countFormat = new Intl.NumberFormat('zh-CN');

/** Drops a key instead of storing undefined, so the filters object (and the query key) stays minimal. */
export function withValue<K extends keyof CustomerFilters>(
  f: CustomerFilters,
  key: K,
  value: CustomerFilters[K] | null | undefined,
): CustomerFilters {
  const next = { ...f };
  const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  if (empty) delete next[key];
  else next[key] = value;
  return next;
}

/** Filters above the list; every change asks main for a new first page (with its count). */
export function CustomerFilterBar({ filters, onChange }: CustomerFilterBarProps) {
  const { t } = useTranslation();
  const facets = useFacets();
  const facetOptions = (values: { value: string; count: number }[] | undefined) =>
    (values ?? []).map((v) => ({
      value: v.value,
      label: (
        <span className="facet-option">
          <span className="facet-option-value">{v.value}</span>
          <span className="facet-option-count">{countFormat.format(v.count)}</span>
        </span>
      ),
      title: v.value,
    }));
  const single = (key: 'tag' | 'district' | 'series', width: number) => (
    <Select<string>
      aria-label={t(`customerList.filters.${key}`)}
      placeholder={t(`customerList.filters.${key}`)}
      value={filters[key]}
      onChange={(v) => onChange(withValue(filters, key, v))}
      options={facetOptions(
        facets.data?.[key === 'district' ? 'districts' : key === 'tag' ? 'tags' : 'series'],
      )}
      optionLabelProp="title"
      loading={facets.isPending}
      allowClear
      showSearch={{ optionFilterProp: 'title' }}
      popupMatchSelectWidth={200}
      style={{ width }}
    />
  );
  const count = activeFilterCount(filters);

  return (
    <div className="filter-bar" role="search" aria-label={t('customerList.filters.label')}>
      <Select
        mode="multiple"
        aria-label={t('customerList.filters.stages')}
        placeholder={t('customerList.filters.stages')}
        value={filters.stages ?? []}
        onChange={(v) => onChange(withValue(filters, 'stages', v))}
        options={stages.map((s) => ({ value: s, label: t(`labels.stage.${s}`) }))}
        maxTagCount="responsive"
        allowClear
        style={{ width: 150 }}
      />
      <Select
        mode="multiple"
        aria-label={t('customerList.filters.baseGrades')}
        placeholder={t('customerList.filters.baseGrades')}
        value={filters.baseGrades ?? []}
        onChange={(v) => onChange(withValue(filters, 'baseGrades', v))}
        options={baseGrades.map((g) => ({ value: g, label: t(`labels.baseGrade.${g}`) }))}
        maxTagCount="responsive"
        allowClear
        style={{ width: 126 }}
      />
      <Select
        mode="multiple"
        aria-label={t('customerList.filters.tiers')}
        placeholder={t('customerList.filters.tiers')}
        value={filters.tiers ?? []}
        onChange={(v) => onChange(withValue(filters, 'tiers', v))}
        options={loyaltyTiers.map((tier) => ({ value: tier, label: loyaltyTierLabels[tier] }))}
        maxTagCount="responsive"
        allowClear
        style={{ width: 126 }}
      />
      {single('tag', 104)}
      {single('district', 100)}
      {single('series', 116)}
      <DatePicker.RangePicker
        aria-label={t('customerList.filters.lastVisit')}
        placeholder={[t('customerList.filters.lastVisitFrom'), t('customerList.filters.lastVisitTo')]}
        value={[fromIsoDate(filters.lastVisitFrom), fromIsoDate(filters.lastVisitTo)]}
        allowEmpty={[true, true]}
        onChange={(range) => {
          const from = toIsoDate(range?.[0]);
          const to = toIsoDate(range?.[1]);
          onChange(withValue(withValue(filters, 'lastVisitFrom', from), 'lastVisitTo', to));
        }}
        style={{ width: 220 }}
      />
      {count > 0 && (
        <Button
          type="link"
          size="small"
          icon={<ClearOutlined />}
          onClick={() => onChange({})}
          className="filter-clear"
        >
          {t('customerList.filters.clearShort')}
        </Button>
      )}
    </div>
  );
}
