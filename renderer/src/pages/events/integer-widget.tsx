import { InputNumber } from 'antd';
import type { FieldWidget } from '../../forms/field-descriptors';

/**
 * A whole number (cars, people, days) as a descriptor widget: the shared widgets have money but no plain count,
 * so this is the `custom` kind with the same value conventions (null for empty).
 */
export function integerWidget(min: number, max: number, placeholder?: string): FieldWidget {
  return {
    kind: 'custom',
    render: (field, id, invalid) => (
      <InputNumber<number>
        id={id}
        ref={field.ref}
        className="full-width"
        min={min}
        max={max}
        precision={0}
        placeholder={placeholder}
        value={(field.value as number | null | undefined) ?? null}
        onChange={(v) => field.onChange(v ?? null)}
        onBlur={field.onBlur}
        status={invalid ? 'error' : undefined}
      />
    ),
  };
}
