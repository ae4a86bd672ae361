import type { TFunction } from 'i18next';
import { importFields, roImportFields } from '../../../../../electron/contract/imports';
import type { ImportField, ImportKind } from '../../../../../electron/contract/imports';

// The contract lists the card's fields first and the vehicle's from `vin` on.
const firstVehicleField = importFields.indexOf('vin');

function option(t: TFunction, field: ImportField) {
  return { value: field, label: t(`dataCare.fields.${field}`) };
}

/** The mapping dropdown: ignore first, then the fields the kind of file can feed, grouped. */
export function fieldOptions(t: TFunction, kind: ImportKind) {
  const ignore = { value: 'ignore', label: t('dataCare.import.mapping.ignore') };
  if (kind === 'repair_orders') {
    return [
      ignore,
      {
        label: t('dataCare.import.mapping.groupRo'),
        options: roImportFields.map((f) => ({ value: f, label: t(`dataCare.roFields.${f}`) })),
      },
    ];
  }
  return [
    ignore,
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
