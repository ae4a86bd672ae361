import type { CustomerSnapshot, VehicleSnapshot } from './plan-lookup';
import type { CustomerValues, VehicleValues } from './row-record';
import { fieldLabels } from './row-record';

/** Field → stored column, for the fields an import writes. */
export const customerColumns = {
  name: 'name',
  gender: 'gender',
  birthday: 'birthday',
  mobile: 'mobile',
  mobile2: 'mobile2',
  wechat: 'wechat',
  address: 'address',
  district: 'district',
  idNumber: 'id_number',
  occupation: 'occupation',
  industry: 'industry',
  employer: 'employer',
  contactPerson: 'contact_person',
  contactTitle: 'contact_title',
  sourceChannel: 'source_channel',
  notes: 'notes',
} as const satisfies Record<keyof CustomerValues, keyof CustomerSnapshot>;

export const vehicleColumns = {
  vin: 'vin',
  plate: 'plate',
  brand: 'brand',
  series: 'series',
  model: 'model',
  color: 'color',
  energy: 'energy',
  deliveryDate: 'delivery_date',
  mileageKm: 'mileage_km',
  priceFen: 'price_fen',
  insuranceExpiry: 'insurance_expiry',
} as const satisfies Record<keyof VehicleValues, keyof VehicleSnapshot>;

export const customerFieldLabels: Record<keyof CustomerValues, string> = {
  name: fieldLabels.name,
  gender: fieldLabels.gender,
  birthday: fieldLabels.birthday,
  mobile: fieldLabels.mobile,
  mobile2: fieldLabels.mobile2,
  wechat: fieldLabels.wechat,
  address: fieldLabels.address,
  district: fieldLabels.district,
  idNumber: fieldLabels.idNumber,
  occupation: fieldLabels.occupation,
  industry: fieldLabels.industry,
  employer: fieldLabels.employer,
  contactPerson: fieldLabels.contactPerson,
  contactTitle: fieldLabels.contactTitle,
  sourceChannel: fieldLabels.sourceChannel,
  notes: fieldLabels.notes,
};

export const vehicleFieldLabels: Record<keyof VehicleValues, string> = {
  vin: fieldLabels.vin,
  plate: fieldLabels.plate,
  brand: fieldLabels.brand,
  series: fieldLabels.series,
  model: fieldLabels.model,
  color: fieldLabels.color,
  energy: '能源类型',
  deliveryDate: fieldLabels.deliveryDate,
  mileageKm: fieldLabels.mileage,
  priceFen: fieldLabels.price,
  insuranceExpiry: fieldLabels.insuranceExpiry,
};

function valuesOf<V extends object>(row: object, columns: Record<keyof V, string>): V {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns) as [string, string][]) {
    const v = (row as Record<string, unknown>)[column];
    if (v !== null && v !== undefined) out[field] = v;
  }
  return out as V;
}

export const customerValuesOf = (row: CustomerSnapshot) => valuesOf<CustomerValues>(row, customerColumns);
export const vehicleValuesOf = (row: VehicleSnapshot) => valuesOf<VehicleValues>(row, vehicleColumns);
