import { SearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Select, Tag } from 'antd';
import type { Ref } from 'react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputRef } from 'antd';
import {
  complaintCategories,
  complaintGrades,
  complaintStates,
} from '../../../../electron/contract/complaints';
import { useDebouncedValue } from '../../search/use-debounced-value';
import type { ListFilters, ListView } from './complaint-filters';
import { activeFilterCount } from './complaint-filters';

interface FilterBarProps {
  view: ListView;
  onChange: (next: ListView) => void;
  /** Department inbox for those who may look into any department (managers): which one. */
  departments: { value: number; label: string }[] | null;
  searchRef?: Ref<InputRef>;
}

/** Grade, state, breached, repeat, category and a text search; each change reloads the list from main. */
export function ComplaintFilterBar({ view, onChange, departments, searchRef }: FilterBarProps) {
  const { t } = useTranslation();
  const f = view.filters;
  const set = (patch: Partial<ListFilters>) => {
    const next: ListFilters = { ...f, ...patch };
    for (const k of Object.keys(next) as (keyof ListFilters)[]) if (next[k] === undefined) delete next[k];
    onChange({ ...view, filters: next });
  };
  const [text, setText] = useState(f.text ?? '');
  const debounced = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if ((f.text ?? '') !== debounced) set({ text: debounced || undefined });
    // Only the typed text drives this; the other filters come along as they are.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const grades = f.grades ?? [];
  const toggleGrade = (g: (typeof complaintGrades)[number], on: boolean) => {
    const next = on ? [...grades, g] : grades.filter((x) => x !== g);
    set({ grades: next.length ? complaintGrades.filter((x) => next.includes(x)) : undefined });
  };

  return (
    <div className="cp-filters" role="search">
      <Input
        ref={searchRef}
        className="cp-filter-text"
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('complaints.filters.textPlaceholder')}
        aria-label={t('complaints.filters.text')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-keyshortcuts="/"
      />
      <span className="cp-filter-grades" role="group" aria-label={t('complaints.filters.grade')}>
        {complaintGrades.map((g) => (
          <Tag.CheckableTag
            key={g}
            checked={grades.includes(g)}
            onChange={(on) => toggleGrade(g, on)}
            className={`cp-grade-toggle cp-grade-toggle-${g}`}
          >
            {t('complaints.filters.gradeShort', { grade: g })}
          </Tag.CheckableTag>
        ))}
      </span>
      <Select
        mode="multiple"
        className="cp-filter-state"
        allowClear
        maxTagCount="responsive"
        placeholder={f.open ? t('complaints.filters.openStates') : t('complaints.filters.allStates')}
        aria-label={t('complaints.filters.state')}
        value={f.states ?? []}
        onChange={(v: (typeof complaintStates)[number][]) =>
          set({ states: v.length ? v : undefined, open: v.length ? undefined : f.open })
        }
        options={complaintStates.map((s) => ({ value: s, label: t(`complaints.states.${s}`) }))}
      />
      <Select
        className="cp-filter-category"
        allowClear
        placeholder={t('complaints.filters.allCategories')}
        aria-label={t('complaints.filters.category')}
        value={f.category}
        onChange={(v) => set({ category: v ?? undefined })}
        options={complaintCategories.map((c) => ({ value: c, label: t(`complaints.categories.${c}`) }))}
      />
      {departments && f.scope === 'department' && (
        <Select
          className="cp-filter-department"
          allowClear
          placeholder={t('complaints.filters.myDepartment')}
          aria-label={t('complaints.filters.department')}
          value={f.departmentId}
          onChange={(v) => set({ departmentId: v ?? undefined })}
          options={departments}
        />
      )}
      <Checkbox
        checked={Boolean(f.open)}
        disabled={Boolean(f.states)}
        onChange={(e) => set({ open: e.target.checked || undefined })}
      >
        {t('complaints.filters.open')}
      </Checkbox>
      <Checkbox
        checked={Boolean(f.breached)}
        onChange={(e) => set({ breached: e.target.checked || undefined })}
      >
        {t('complaints.filters.breached')}
      </Checkbox>
      <Checkbox checked={Boolean(f.repeat)} onChange={(e) => set({ repeat: e.target.checked || undefined })}>
        {t('complaints.filters.repeat')}
      </Checkbox>
      {activeFilterCount(f) > 0 && (
        <Button
          type="link"
          size="small"
          className="cp-filter-clear"
          onClick={() => {
            setText('');
            onChange({
              ...view,
              filters: { scope: f.scope, departmentId: f.departmentId, open: true },
            });
          }}
        >
          {t('complaints.filters.clear')}
        </Button>
      )}
    </div>
  );
}

/** Time left (the open work, most urgent first) or newest first: beside the tabs, since it orders every tab. */
export function ComplaintSortSelect({
  view,
  onChange,
}: {
  view: ListView;
  onChange: (next: ListView) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      className="cp-filter-sort"
      size="small"
      variant="borderless"
      aria-label={t('complaints.filters.sort')}
      value={view.sort}
      onChange={(sort) => onChange({ ...view, sort })}
      options={[
        { value: 'time_left', label: t('complaints.filters.sortTimeLeft') },
        { value: 'received', label: t('complaints.filters.sortReceived') },
      ]}
      popupMatchSelectWidth={false}
    />
  );
}
