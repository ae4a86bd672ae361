import type { DatePickerProps } from 'antd';
import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import type { KeyboardEvent } from 'react';
import { fromIsoDate, toIsoDate } from '../format/date';

/**
 * Enter in a picker confirms the typed or highlighted date (the picker does that itself) and nothing more:
 * without this the key goes on to the surrounding <form> and saves the whole drawer half filled.
 */
export function confirmDateOnEnter(event: KeyboardEvent<HTMLElement>): void {
  if (event.key === 'Enter') event.preventDefault();
}

interface DateInputProps {
  id?: string;
  /** A calendar date as the contract holds it, YYYY-MM-DD. */
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  disabledDate?: DatePickerProps['disabledDate'];
  allowClear?: boolean;
  placeholder?: string;
  className?: string;
}

/** The date field of every form: YYYY-MM-DD in and out, typed or picked, Enter confirms the date only. */
export function DateInput({ value, onChange, className, placeholder, ...rest }: DateInputProps) {
  return (
    <DatePicker
      {...rest}
      className={className ?? 'full-width'}
      placeholder={placeholder ?? 'YYYY-MM-DD'}
      value={fromIsoDate(value)}
      onChange={(d: Dayjs | null) => onChange(toIsoDate(d))}
      onKeyDown={confirmDateOnEnter}
    />
  );
}
