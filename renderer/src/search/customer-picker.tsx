import type { RefSelectProps } from 'antd';
import { Select, Spin } from 'antd';
import type { Ref } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPlate } from '../../../electron/common/plate';
import { useCustomerSearch } from './use-customer-search';

export interface PickedCustomer {
  id: number;
  name: string;
}

interface CustomerPickerProps {
  id?: string;
  ref?: Ref<RefSelectProps>;
  value: PickedCustomer | null;
  onChange: (next: PickedCustomer | null) => void;
  onBlur?: () => void;
  /** The card being edited: a customer cannot refer or be sold a car by themselves. */
  excludeId?: number;
  placeholder?: string;
  status?: 'error';
}

/** Pick a customer with the global search's rules (name, pinyin, phone, plate, VIN) instead of typing an id. */
export function CustomerPicker({ ref, ...props }: CustomerPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { query } = useCustomerSearch(text);
  const results = (text.trim() ? (query.data?.results ?? []) : []).filter((r) => r.id !== props.excludeId);
  const options = results.map((r) => {
    const plate = r.plates?.split(/\s+/)[0];
    const detail = [r.mobile, plate && formatPlate(plate)].filter(Boolean).join(' · ');
    return {
      value: r.id,
      title: r.name,
      label: (
        <span className="picker-option">
          <span className="picker-option-name">{r.name}</span>
          <span className="picker-option-detail">{detail}</span>
        </span>
      ),
    };
  });
  // The chosen customer may not be among the current hits; keep it as an option so the box shows its name.
  if (props.value && !options.some((o) => o.value === props.value?.id)) {
    options.unshift({
      value: props.value.id,
      title: props.value.name,
      label: <span>{props.value.name}</span>,
    });
  }

  return (
    <Select<number>
      id={props.id}
      ref={ref}
      className="full-width"
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      value={props.value?.id}
      optionLabelProp="title"
      options={options}
      allowClear
      // Measured while a dialog zooms in, the popup would keep that smaller width; a floor keeps it readable.
      popupMatchSelectWidth={false}
      classNames={{ popup: { root: 'picker-popup' } }}
      status={props.status}
      placeholder={props.placeholder ?? t('search.pickerPlaceholder')}
      notFoundContent={
        query.isFetching ? (
          <Spin size="small" />
        ) : text.trim() ? (
          t('search.noResults')
        ) : (
          t('search.pickerHint')
        )
      }
      onChange={(id) => {
        const r = results.find((x) => x.id === id);
        props.onChange(id === undefined ? null : { id, name: r?.name ?? props.value?.name ?? String(id) });
        setText('');
      }}
      onBlur={props.onBlur}
    />
  );
}
