import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useId } from 'react';
import type { Control, ControllerRenderProps, FieldPath, FieldValues } from 'react-hook-form';
import { Controller } from 'react-hook-form';

interface FormFieldProps<T extends FieldValues, N extends FieldPath<T>> {
  control: Control<T>;
  name: N;
  label: ReactNode;
  required?: boolean;
  extra?: ReactNode;
  /** `id` goes on the input so the label is clickable and screen readers announce it. */
  render: (field: ControllerRenderProps<T, N>, id: string, invalid: boolean) => ReactNode;
}

/** antd's look (label, red border, message below) driven by react-hook-form state and its zod resolver. */
export function FormField<T extends FieldValues, N extends FieldPath<T>>(props: FormFieldProps<T, N>) {
  const id = useId();
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <Form.Item
          label={props.label}
          htmlFor={id}
          required={props.required}
          extra={props.extra}
          validateStatus={fieldState.error ? 'error' : undefined}
          help={fieldState.error?.message}
        >
          {props.render(field, id, Boolean(fieldState.error))}
        </Form.Item>
      )}
    />
  );
}
