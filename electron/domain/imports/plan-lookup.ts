import type Database from 'better-sqlite3';

/** The columns of a customer an import may read or change, as stored. */
export interface CustomerSnapshot {
  id: number;
  name: string;
  gender: 'male' | 'female' | null;
  birthday: string | null;
  mobile: string | null;
  mobile2: string | null;
  wechat: string | null;
  address: string | null;
  district: string | null;
  id_number: string | null;
  occupation: string | null;
  industry: string | null;
  employer: string | null;
  contact_person: string | null;
  contact_title: string | null;
  source_channel: string;
  notes: string | null;
  stage: string;
  merged_into_id: number | null;
}

export interface VehicleSnapshot {
  id: number;
  vin: string;
  plate: string | null;
  brand: string;
  series: string;
  model: string | null;
  color: string | null;
  energy: string;
  delivery_date: string | null;
  price_fen: number | null;
  mileage_km: number | null;
  insurance_expiry: string | null;
  owner_id: number | null;
}

export interface PlanLookup {
  customerByMobile(mobile: string): CustomerSnapshot | undefined;
  customerById(id: number): CustomerSnapshot | undefined;
  vehicleByVin(vin: string): VehicleSnapshot | undefined;
}

const customerCols = `id, name, gender, birthday, mobile, mobile2, wechat, address, district, id_number, occupation,
  industry, employer, contact_person, contact_title, source_channel, notes, stage, merged_into_id`;

/** Lookups through the indexes on mobile, mobile2 and VIN; merged-away cards are never matched. */
export function dbPlanLookup(sqlite: Database.Database): PlanLookup {
  const byMobile = sqlite.prepare(
    `select ${customerCols} from customers where mobile = ? and merged_into_id is null
     union all select ${customerCols} from customers where mobile2 = ? and merged_into_id is null
     order by id limit 1`,
  );
  const byId = sqlite.prepare(`select ${customerCols} from customers where id = ?`);
  const byVin = sqlite.prepare(
    `select id, vin, plate, brand, series, model, color, energy, delivery_date, price_fen, mileage_km, insurance_expiry,
       owner_id from vehicles where vin = ?`,
  );
  return {
    customerByMobile: (m) => byMobile.get(m, m) as CustomerSnapshot | undefined,
    customerById: (id) => byId.get(id) as CustomerSnapshot | undefined,
    vehicleByVin: (vin) => byVin.get(vin) as VehicleSnapshot | undefined,
  };
}
