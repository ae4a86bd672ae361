import type { TFunction } from 'i18next';
import { importFields } from '../../../../../electron/contract/imports';
import type { ImportField } from '../../../../../electron/contract/imports';

// The contract lists the card's fields first and the vehicle's from `vin` on.
const firstVehicleField = importFields.indexOf('vin');

function option(t: TFunction, field: ImportField) {
  return { value: field, label: t(`dataCare.fields.${field}`) };
}

/** The mapping dropdown: ignore first, then the customer's fields, then the vehicle's. */
export function fieldOptions(t: TFunction) {
  return [
    { value: 'ignore', label: t('dataCare.import.mapping.ignore') },
    {
      label: t('dataCare.import.mapping.groupCustomer'),
      options: importFields.slice(0, firstVehicleField).map((f) => option(t, f)),
    },
    {
      label: t('dataCare.import.mapping.groupVehicle'),
      options: importFields.slice(firstVehicleField).map((f) => option(t, f)),
    },
  ];
}
