import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useId } from 'react';
import type { Control, ControllerRenderProps, FieldError, FieldPath, FieldValues } from 'react-hook-form';
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

/** Array fields (tags) report per item; the field shows the first item's message. */
function firstMessage(error: FieldError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.message) return error.message;
  for (const nested of Object.values(error as Record<string, unknown>)) {
    const m = nested && typeof nested === 'object' ? firstMessage(nested as FieldError) : undefined;
    if (m) return m;
  }
  return undefined;
}

/** antd's look (label, red border, message below) driven by react-hook-form state and its zod resolver. */
export function FormField<T extends FieldValues, N extends FieldPath<T>>(props: FormFieldProps<T, N>) {
  const id = useId();
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => {
        const message = firstMessage(fieldState.error);
        return (
          <Form.Item
            label={props.label}
            htmlFor={id}
            required={props.required}
            // A hint under an error says the same thing twice; the error is the one that matters now.
            extra={message ? undefined : props.extra}
            validateStatus={message ? 'error' : undefined}
            help={message}
          >
            {props.render(field, id, Boolean(message))}
          </Form.Item>
        );
      }}
    />
  );
}
