import type { Role } from '../../electron/contract/permissions';
import type { TestApp } from './test-app';

/**
 * Staff, customers and delivered cars written straight into a test app's database, for call-back tests that
 * need the rules to find known dates. Mobiles, VINs and plates are unique per fixture (`tag`, one digit, keeps
 * them apart from other fixtures in the same database).
 */
export function callbackFixture(app: () => TestApp, tag: string) {
  const tokens: Record<string, string> = {};
  const ids: Record<string, number> = {};
  let serial = 0;
  const sql = () => app().core.db.$client;

  async function staff(username: string, role: Role): Promise<void> {
    const user = await app().ok(
      'users.create',
      { username, displayName: `员工${username}`, role, password: 'Staff-Pass-1' },
      app().adminToken,
    );
    ids[username] = user.id;
    tokens[username] = await app().login(username, 'Staff-Pass-1');
  }

  /** Sessions last 12 hours: a test that moves the clock on signs everyone in again. */
  async function loginAll(): Promise<void> {
    for (const who of Object.keys(tokens)) tokens[who] = await app().login(who, 'Staff-Pass-1');
  }

  function customer(name: string, fields: Record<string, unknown> = {}): number {
    const row = {
      name,
      gender: 'male',
      mobile: `13${tag}${String(++serial).padStart(8, '0')}`,
      stage: 'owner',
      ...fields,
    };
    const cols = Object.keys(row);
    return Number(
      sql()
        .prepare(`insert into customers (${cols.join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`)
        .run(row).lastInsertRowid,
    );
  }

  /** A car delivered to `ownerId` on `delivery`, with its ownership row, as the app writes it. */
  function vehicle(ownerId: number, delivery: string, series = '帕萨特'): number {
    const vin = `LSVX${tag}${String(++serial).padStart(12, '0')}`;
    const id = Number(
      sql()
        .prepare(
          `insert into vehicles (vin, vin_reversed, brand, series, plate, delivery_date, owner_id)
           values (?, ?, '大众', ?, ?, ?, ?)`,
        )
        .run(
          vin,
          [...vin].reverse().join(''),
          series,
          `粤L·${tag}${String(serial).padStart(3, '0')}`,
          delivery,
          ownerId,
        ).lastInsertRowid,
    );
    sql()
      .prepare('insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, ?)')
      .run(id, ownerId, delivery);
    return id;
  }

  return { tokens, ids, sql, staff, loginAll, customer, vehicle };
}
