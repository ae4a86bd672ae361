import type { FieldWidget } from '../../forms/field-descriptors';
import type { PickedCustomer } from '../../search/customer-picker';
import { CustomerPicker } from '../../search/customer-picker';

/**
 * A customer picked with the global search's rules, as a descriptor widget holding the id. The picked name is
 * kept by the caller (the form holds only the id), as the new-ticket form does.
 */
export function customerWidget(
  picked: PickedCustomer | null,
  onPick: (next: PickedCustomer | null) => void,
  placeholder?: string,
): FieldWidget {
  return {
    kind: 'custom',
    render: (field, id, invalid) => (
      <CustomerPicker
        id={id}
        value={picked}
        placeholder={placeholder}
        status={invalid ? 'error' : undefined}
        onBlur={field.onBlur}
        onChange={(next) => {
          onPick(next);
          field.onChange(next?.id ?? null);
        }}
      />
    ),
  };
}
