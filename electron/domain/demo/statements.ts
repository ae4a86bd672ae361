import type Database from 'better-sqlite3';

/**
 * Raw prepared inserts: at the large scale the generator writes a few million rows, and drizzle's builder
 * costs more per row than SQLite itself.
 */
export function prepareInserts(sqlite: Database.Database) {
  return {
    customer: sqlite.prepare(
      `insert into customers (id, name, name_pinyin, name_initials, gender, birthday, mobile, mobile2, mobile_tail,
        wechat, address, district, id_number, occupation, industry, employer, is_company, contact_person, contact_title, source_channel, referrer_id,
        stage, lead_grade, base_grade, purchase_need, budget_fen, current_car, outcome_reason, lost_reason_category,
        preferences, do_not_contact, do_not_contact_at, last_visit_at, notes, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    tag: sqlite.prepare('insert into customer_tags (customer_id, tag) values (?, ?)'),
    consent: sqlite.prepare(
      'insert into consents (customer_id, purpose, granted, recorded_at, channel) values (?, ?, ?, ?, ?)',
    ),
    consentHistory: sqlite.prepare(
      `insert into consent_history (customer_id, purpose, granted, at, channel, evidence, user_name, source)
       values (?, ?, ?, ?, ?, ?, ?, 'staff')`,
    ),
    interaction: sqlite.prepare(
      `insert into interactions (customer_id, kind, direction, occurred_at, summary, created_at)
       values (?, ?, ?, ?, ?, ?)`,
    ),
    vehicle: sqlite.prepare(
      `insert into vehicles (id, vin, vin_reversed, plate, brand, series, model, color, energy, delivery_date,
        price_fen, mileage_km, mileage_at, insurance_expiry, finance, owner_id, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    ownership: sqlite.prepare(
      'insert into vehicle_ownerships (vehicle_id, customer_id, from_date, to_date) values (?, ?, ?, ?)',
    ),
    visit: sqlite.prepare(
      `insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen, advisor, notes)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

export type Inserts = ReturnType<typeof prepareInserts>;
