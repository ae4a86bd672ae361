import { Checkbox, Col, DatePicker, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { Control, ControllerRenderProps, FieldPath, FieldValues } from 'react-hook-form';
import { fenToYuan, yuanInputFormatter, yuanToFen } from '../format/money';
import { confirmDateOnEnter, DateInput } from './date-input';
import { FormField } from './form-field';
import './field-descriptors.css';

export interface FieldOption<V extends string | number = string | number> {
  value: V;
  label: ReactNode;
  /** What the select's search matches (defaults to the label when it is text). */
  title?: string;
}

/** The widget a field is drawn with; the value shapes are the contract's (null for empty, ISO for instants). */
export type FieldWidget =
  | { kind: 'text'; placeholder?: string; maxLength?: number; mono?: boolean }
  | { kind: 'textarea'; rows: number; maxLength?: number; placeholder?: string }
  | {
      kind: 'select';
      options: FieldOption[];
      allowClear?: boolean;
      placeholder?: string;
      loading?: boolean;
      showSearch?: boolean;
      disabled?: boolean;
    }
  /** An instant (ISO 8601 with zone) picked to the minute; `past` refuses future days (a complaint received). */
  | { kind: 'instant'; past?: boolean; placeholder?: string }
  /** A record of booleans ticked from a list (facts, flags). */
  | { kind: 'flags'; options: FieldOption<string>[] }
  /** A calendar date, YYYY-MM-DD. */
  | { kind: 'date' }
  /** Money held in fen, typed in yuan. */
  | { kind: 'money'; max?: number }
  /** A yes/no answer that must be given (no default): two buttons. */
  | { kind: 'yesNo'; yes: ReactNode; no: ReactNode }
  | {
      kind: 'custom';
      render: (field: ControllerRenderProps<FieldValues, string>, id: string, invalid: boolean) => ReactNode;
    };

export interface FieldDescriptor<T extends FieldValues> {
  name: FieldPath<T>;
  label: ReactNode;
  widget: FieldWidget;
  /** Of 24 columns. */
  span?: number;
  required?: boolean;
  extra?: ReactNode;
  /** Left out of the form when false (a field that only applies to some answers). */
  shown?: boolean;
}

function widgetFor(
  widget: FieldWidget,
  field: ControllerRenderProps<FieldValues, string>,
  id: string,
  invalid: boolean,
) {
  const status = invalid ? ('error' as const) : undefined;
  switch (widget.kind) {
    case 'text':
      return (
        <Input
          id={id}
          ref={field.ref}
          name={field.name}
          value={(field.value as string | null) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          placeholder={widget.placeholder}
          maxLength={widget.maxLength}
          className={widget.mono ? 'mono' : undefined}
          status={status}
        />
      );
    case 'textarea':
      return (
        <Input.TextArea
          id={id}
          ref={field.ref}
          name={field.name}
          value={(field.value as string | null) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          placeholder={widget.placeholder}
          maxLength={widget.maxLength}
          showCount={widget.maxLength !== undefined}
          autoSize={{ minRows: widget.rows, maxRows: widget.rows + 6 }}
          status={status}
        />
      );
    case 'select':
      return (
        <Select
          id={id}
          ref={field.ref}
          value={(field.value as string | number | null) ?? undefined}
          onChange={(v: string | number | undefined) => field.onChange(v ?? null)}
          onBlur={field.onBlur}
          options={widget.options}
          allowClear={widget.allowClear}
          placeholder={widget.placeholder}
          loading={widget.loading}
          disabled={widget.disabled}
          showSearch={widget.showSearch ? { optionFilterProp: 'title' } : undefined}
          status={status}
        />
      );
    case 'instant': {
      const value = typeof field.value === 'string' && field.value ? dayjs(field.value) : null;
      return (
        <DatePicker
          id={id}
          className="full-width"
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          placeholder={widget.placeholder}
          value={value?.isValid() ? value : null}
          onChange={(d: Dayjs | null) => field.onChange(d ? d.second(0).millisecond(0).toISOString() : null)}
          onBlur={field.onBlur}
          onKeyDown={confirmDateOnEnter}
          disabledDate={widget.past ? (d) => d.isAfter(dayjs(), 'day') : undefined}
          needConfirm={false}
          status={status}
        />
      );
    }
    case 'flags': {
      const value = (field.value ?? {}) as Record<string, boolean>;
      return (
        <div id={id} className="field-flags" role="group">
          {widget.options.map((o) => (
            <Checkbox
              key={o.value}
              checked={Boolean(value[o.value])}
              onChange={(e) => field.onChange({ ...value, [o.value]: e.target.checked })}
            >
              {o.label}
            </Checkbox>
          ))}
        </div>
      );
    }
    case 'date':
      return (
        <DateInput
          id={id}
          value={field.value as string | null}
          onChange={field.onChange}
          onBlur={field.onBlur}
        />
      );
    case 'money':
      return (
        <InputNumber<number>
          id={id}
          ref={field.ref}
          className="full-width"
          prefix="¥"
          min={0}
          max={widget.max ?? 1_000_000}
          precision={2}
          formatter={yuanInputFormatter}
          value={fenToYuan(field.value as number | null)}
          onChange={(v) => field.onChange(yuanToFen(v) ?? 0)}
          onBlur={field.onBlur}
          status={status}
        />
      );
    case 'yesNo':
      return (
        <Radio.Group
          id={id}
          optionType="button"
          value={field.value as boolean | undefined}
          onChange={(e) => field.onChange(e.target.value as boolean)}
          options={[
            { value: true, label: widget.yes },
            { value: false, label: widget.no },
          ]}
        />
      );
    case 'custom':
      return widget.render(field, id, invalid);
  }
}

/**
 * A form drawn from descriptors: each field says its name, label, widget and width once, and every field gets
 * the same label, error and hint handling (FormField) and the same value conventions as the contract.
 */
export function DescriptorFields<T extends FieldValues>({
  control,
  fields,
}: {
  control: Control<T>;
  fields: readonly FieldDescriptor<T>[];
}) {
  return (
    <Row gutter={16}>
      {fields
        .filter((f) => f.shown !== false)
        .map((f) => (
          <Col span={f.span ?? 24} key={f.name}>
            <FormField
              control={control}
              name={f.name}
              label={f.label}
              required={f.required}
              extra={f.extra}
              render={(field, id, invalid) =>
                widgetFor(
                  f.widget,
                  field as unknown as ControllerRenderProps<FieldValues, string>,
                  id,
                  invalid,
                )
              }
            />
          </Col>
        ))}
    </Row>
  );
}
