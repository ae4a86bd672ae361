import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../electron/common/vin';
import { generateDemo } from '../../electron/domain/demo/generate-demo';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

// Local wall-clock time, as the store's calendar reads it; fixed so call-back regeneration is repeatable.
const now = new Date(2026, 10, 22, 10, 0, 0);

type Dump = Map<string, string[]>;

/**
 * Every table except the merge log, the audit log and the report facts' change log (the merge and its undo are
 * both appended there, by design) and sqlite_sequence, all columns, in rowid / primary-key order.
 */
function dumpDatabase(db: Database.Database): Dump {
  const tables = db
    .prepare(
      `select name, wr from pragma_table_list where schema = 'main' and type = 'table'
       and name not like 'sqlite_%' and name not in ('customer_merges', 'audit_log', 'report_fact_changes')
       order by name`,
    )
    .all() as { name: string; wr: number }[];
  const dump: Dump = new Map();
  for (const t of tables) {
    const pk = (
      db.prepare('select name from pragma_table_info(?) where pk > 0 order by pk').all(t.name) as {
        name: string;
      }[]
    )
      .map((c) => `"${c.name}"`)
      .join(', ');
    const sql = t.wr
      ? `select * from "${t.name}" order by ${pk}`
      : `select rowid as _rowid_, * from "${t.name}" order by rowid`;
    dump.set(
      t.name,
      db
        .prepare(sql)
        .all()
        .map((r) => JSON.stringify(r)),
    );
  }
  return dump;
}

/** The tables whose rows differ, with the first differing row of each, for a readable failure. */
function differences(before: Dump, after: Dump): { table: string; before?: string; after?: string }[] {
  const out: { table: string; before?: string; after?: string }[] = [];
  for (const [table, rows] of before) {
    const other = after.get(table) ?? [];
    if (rows.length === other.length && rows.every((r, i) => r === other[i])) continue;
    const i = rows.findIndex((r, j) => r !== other[j]);
    const at = i < 0 ? rows.length : i;
    out.push({ table, before: rows[at], after: other[at] });
  }
  return out;
}

/** Rows anywhere (by foreign key) that still point at a customer, except the merge log. */
function referencesTo(db: Database.Database, customerId: number): Record<string, number> {
  const found: Record<string, number> = {};
  const tables = db
    .prepare(`select name from pragma_table_list where schema = 'main' and type = 'table'`)
    .all() as {
    name: string;
  }[];
  for (const { name } of tables) {
    if (name === 'customer_merges') continue;
    const fks = db
      .prepare(`select "from" as col from pragma_foreign_key_list(?) where "table" = 'customers'`)
      .all(name) as {
      col: string;
    }[];
    for (const { col } of fks) {
      const n = (
        db.prepare(`select count(*) as n from "${name}" where "${col}" = ?`).get(customerId) as { n: number }
      ).n;
      if (n) found[`${name}.${col}`] = n;
    }
  }
  return found;
}

let vinSerial = 0;
function nextVin(): string {
  const draft = `LSVAU2180N2${String(++vinSerial).padStart(6, '0')}`;
  return draft.slice(0, 8) + vinCheckDigit(draft) + draft.slice(9);
}

interface Planted {
  survivor: number;
  merged: number;
  earlier: number;
  referred: number;
  survivorOpenBirthday: number;
  mergedDoneBirthday: number;
  survivorDoneCare: number;
  mergedOpenCare: number;
  mergedCareSurvey: number;
  mergedCareAttempt: number;
}

/** A survivor and a merged card with overlapping tags, consents and call-backs, and everything else around them. */
function plantPair(db: Database.Database, userId: number): Planted {
  const customer = db.prepare(
    `insert into customers (name, name_pinyin, name_initials, mobile, mobile_tail, birthday, wechat, stage, do_not_contact,
       do_not_contact_at, referrer_id, source_channel, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-01-01T02:00:00.000Z', '2024-01-01T02:00:00.000Z')`,
  );
  const add = (...args: unknown[]) => Number(customer.run(...args).lastInsertRowid);
  const merged = add(
    '刘建国',
    'liujianguo',
    'ljg',
    '13911112222',
    '2222',
    '1980-05-06',
    'ljg1980',
    'owner',
    1,
    '2025-03-01T02:00:00.000Z',
    null,
    'walk_in',
  );
  const survivor = add(
    '刘建国',
    'liujianguo',
    'ljg',
    '13911112223',
    '2223',
    null,
    null,
    'intent',
    0,
    null,
    merged,
    'referral',
  );
  const referred = add(
    '陈小红',
    'chenxiaohong',
    'cxh',
    '13700001111',
    '1111',
    null,
    null,
    'lead',
    0,
    null,
    merged,
    'referral',
  );
  const earlier = add(
    '刘建囯',
    'liujianguo',
    'ljg',
    '13911112224',
    '2224',
    null,
    null,
    'lead',
    0,
    null,
    null,
    'phone',
  );
  db.prepare('update customers set merged_into_id = ? where id = ?').run(merged, earlier);

  const tag = db.prepare('insert into customer_tags (customer_id, tag) values (?, ?)');
  tag.run(survivor, 'VIP');
  tag.run(merged, 'VIP');
  tag.run(merged, '车队');
  const consent = db.prepare(
    'insert into consents (customer_id, purpose, granted, recorded_at, channel) values (?, ?, ?, ?, ?)',
  );
  consent.run(survivor, 'marketing', 1, '2024-01-01T02:00:00.000Z', 'paper');
  consent.run(merged, 'marketing', 0, '2025-06-01T02:00:00.000Z', 'phone');
  consent.run(survivor, 'service', 1, '2024-01-01T02:00:00.000Z', 'paper');
  consent.run(merged, 'service', 1, '2023-01-01T02:00:00.000Z', 'paper');
  consent.run(merged, 'care', 1, '2023-01-01T02:00:00.000Z', 'paper');

  const vehicle = db.prepare(
    `insert into vehicles (vin, vin_reversed, plate, brand, series, delivery_date, mileage_km, owner_id)
     values (?, ?, ?, '大众', '朗逸', ?, 12000, ?)`,
  );
  const addVehicle = (plate: string, delivered: string, owner: number) => {
    const vin = nextVin();
    const id = Number(vehicle.run(vin, [...vin].reverse().join(''), plate, delivered, owner).lastInsertRowid);
    db.prepare('insert into vehicle_ownerships (vehicle_id, customer_id, from_date) values (?, ?, ?)').run(
      id,
      owner,
      delivered,
    );
    return id;
  };
  const mergedCar = addVehicle('粤L88888', '2025-08-01', merged);
  addVehicle('粤L66666', '2026-10-20', survivor);
  const visit = db.prepare(
    `insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen, advisor)
     values (?, ?, ?, ?, ?, ?, '王工')`,
  );
  visit.run(mergedCar, merged, '2025-11-02', 'first_maintenance', 3100, 0);
  visit.run(mergedCar, merged, '2026-06-10', 'maintenance', 9800, 68000);
  const interaction = db.prepare(
    `insert into interactions (customer_id, kind, direction, occurred_at, summary, created_at) values (?, 'call', 'inbound', ?, ?, ?)`,
  );
  interaction.run(merged, '2026-01-05T03:00:00.000Z', '咨询保养价格', '2026-01-05T03:00:00.000Z');
  interaction.run(survivor, '2026-02-05T03:00:00.000Z', '咨询新车', '2026-02-05T03:00:00.000Z');

  const task = db.prepare(
    `insert into callback_tasks (customer_id, vehicle_id, rule_code, anchor_date, due_date, expires_on, priority, status,
       attempts, completed_at, completed_by, created_at, updated_at)
     values (?, null, ?, ?, ?, '2027-01-31', 3, ?, ?, ?, ?, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')`,
  );
  const addTask = (customerId: number, rule: string, anchor: string, status: string) =>
    Number(
      task.run(
        customerId,
        rule,
        anchor,
        anchor,
        status,
        status === 'done' ? 1 : 0,
        status === 'done' ? '2026-11-21T02:00:00.000Z' : null,
        status === 'done' ? userId : null,
      ).lastInsertRowid,
    );
  const survivorOpenBirthday = addTask(survivor, 'birthday', '2026-11-20', 'open');
  const mergedDoneBirthday = addTask(merged, 'birthday', '2026-11-20', 'done');
  const survivorDoneCare = addTask(survivor, 'quarterly_care', '2026-10-01', 'done');
  const mergedOpenCare = addTask(merged, 'quarterly_care', '2026-10-01', 'open');
  const mergedCareAttempt = Number(
    db
      .prepare(
        `insert into callback_attempts (customer_id, user_id, task_ids, started_at, ended_at, outcome)
         values (?, ?, ?, '2026-11-10T02:00:00.000Z', '2026-11-10T02:03:00.000Z', 'no_answer')`,
      )
      .run(merged, userId, JSON.stringify([mergedOpenCare, mergedDoneBirthday])).lastInsertRowid,
  );
  const mergedCareSurvey = Number(
    db
      .prepare(
        `insert into csi_surveys (customer_id, task_id, attempt_id, kind, overall, nps, surveyed_at, user_id)
         values (?, ?, ?, 'service', 'satisfied', 9, '2026-11-10T02:03:00.000Z', ?)`,
      )
      .run(merged, mergedOpenCare, mergedCareAttempt, userId).lastInsertRowid,
  );
  return {
    survivor,
    merged,
    earlier,
    referred,
    survivorOpenBirthday,
    mergedDoneBirthday,
    survivorDoneCare,
    mergedOpenCare,
    mergedCareSurvey,
    mergedCareAttempt,
  };
}

describe('customer merge and unmerge', () => {
  let app: TestApp;
  let db: Database.Database;
  let frontDesk: string;
  let p: Planted;

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    db = app.core.db.$client;
    generateDemo(app.core.db, { scale: 'S', seed: 11, now });
    frontDesk = await app.userWithRole('front_desk');
    const adminId = (db.prepare(`select id from users where username = 'admin'`).get() as { id: number }).id;
    p = plantPair(db, adminId);
  });
  afterAll(() => app.close());

  it('moves everything to the survivor, settles duplicates, and unmerge restores the database exactly', async () => {
    const before = dumpDatabase(db);
    const result = await app.ok(
      'customers.merge',
      { survivorId: p.survivor, mergedId: p.merged, reason: '同一人重复建档' },
      frontDesk,
    );
    expect(result).toMatchObject({ survivorId: p.survivor, mergedId: p.merged });
    expect(result.moved).toMatchObject({
      vehicles: 1,
      vehicle_ownerships: 1,
      service_visits: 2,
      interactions: 1,
    });
    expect(result.dropped).toMatchObject({ customer_tags: 1, consents: 2, callback_tasks: 2 });
    expect(result.takenOver).toEqual(
      expect.arrayContaining(['第二手机号', '生日', '微信', '勿扰', '客户类型']),
    );

    // Nothing but the merged card's own row (and the log) refers to the merged customer any more.
    expect(referencesTo(db, p.merged)).toEqual({});
    const get = (sql: string, ...args: unknown[]) => db.prepare(sql).get(...args) as Record<string, unknown>;
    expect(get('select merged_into_id as m from customers where id = ?', p.merged)).toEqual({
      m: p.survivor,
    });
    expect(get('select merged_into_id as m from customers where id = ?', p.earlier)).toEqual({
      m: p.survivor,
    });
    expect(get('select referrer_id as r from customers where id = ?', p.referred)).toEqual({ r: p.survivor });
    expect(get('select * from customers where id = ?', p.survivor)).toMatchObject({
      referrer_id: null,
      mobile: '13911112223',
      mobile2: '13911112222',
      birthday: '1980-05-06',
      wechat: 'ljg1980',
      do_not_contact: 1,
      stage: 'owner',
      version: 2,
    });
    expect(
      db.prepare('select tag from customer_tags where customer_id = ? order by tag').pluck().all(p.survivor),
    ).toEqual(['VIP', '车队']);
    // The customer's later "no" to marketing wins over the survivor's older "yes".
    expect(
      db
        .prepare('select purpose, granted from consents where customer_id = ? order by purpose')
        .all(p.survivor),
    ).toEqual([
      { purpose: 'care', granted: 1 },
      { purpose: 'marketing', granted: 0 },
      { purpose: 'service', granted: 1 },
    ]);
    // The worked task beats the open one for the same call; whatever pointed at a dropped task follows.
    const taskIds = db.prepare('select id from callback_tasks where customer_id = ?').pluck().all(p.survivor);
    expect(taskIds).toEqual(expect.arrayContaining([p.mergedDoneBirthday, p.survivorDoneCare]));
    expect(taskIds).not.toContain(p.survivorOpenBirthday);
    expect(taskIds).not.toContain(p.mergedOpenCare);
    expect(get('select task_id as t from csi_surveys where id = ?', p.mergedCareSurvey)).toEqual({
      t: p.survivorDoneCare,
    });
    expect(
      JSON.parse(
        get('select task_ids as t from callback_attempts where id = ?', p.mergedCareAttempt).t as string,
      ),
    ).toEqual([p.survivorDoneCare, p.mergedDoneBirthday]);
    expect(
      get(
        `select summary from interactions where customer_id = ? and ref_type = 'customer_merge'`,
        p.survivor,
      ).summary,
    ).toMatch(/^合并了客户 刘建国（编号 \d+，手机 139\*\*\*\*2222）；补充了资料：.*。原因：同一人重复建档$/);
    // The hidden card no longer opens, and the survivor's card shows what it took over.
    expect(await app.call('customers.get', { id: p.merged }, frontDesk)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });

    const undone = await app.ok('customers.unmerge', { mergeId: result.mergeId }, frontDesk);
    expect(undone).toMatchObject({ mergeId: result.mergeId, discardedEdits: 0 });
    expect(undone.restoredRows).toBeGreaterThan(10);
    expect(differences(before, dumpDatabase(db))).toEqual([]);

    const log = await app.ok('customers.merges', { customerId: p.survivor }, frontDesk);
    expect(log.rows[0]).toMatchObject({
      id: result.mergeId,
      survivorName: '刘建国',
      mergedName: '刘建国',
      undoneBy: '测试front_desk',
    });
    expect(log.rows[0]!.undoneAt).not.toBeNull();
  });

  it('merges two demo customers with full histories and undoes it exactly', async () => {
    const owners = db
      .prepare(
        `select c.id from customers c where c.merged_into_id is null and c.referrer_id is null
           and (select count(*) from service_visits v where v.customer_id = c.id) >= 3
           and exists (select 1 from customers r where r.referrer_id = c.id)
         order by c.id limit 2`,
      )
      .pluck()
      .all() as number[];
    expect(owners).toHaveLength(2);
    const [survivorId, mergedId] = owners as [number, number];
    const before = dumpDatabase(db);
    const result = await app.ok('customers.merge', { survivorId, mergedId }, app.adminToken);
    expect(result.moved.service_visits).toBeGreaterThanOrEqual(3);
    expect(result.moved.customers).toBeGreaterThanOrEqual(1);
    expect(referencesTo(db, mergedId)).toEqual({});
    await app.ok('customers.unmerge', { mergeId: result.mergeId }, app.adminToken);
    expect(differences(before, dumpDatabase(db))).toEqual([]);
  });

  it('covers tables added later (found by their foreign keys), and refuses an undo that would break references', async () => {
    // Stand-ins for future tables: complaints pointing at a customer and an interaction; event sign-ups keyed
    // by (event, customer) in a WITHOUT ROWID table, where moving a sign-up changes its primary key.
    db.exec(`
      create table test_complaints (id integer primary key autoincrement, customer_id integer not null references customers(id),
        interaction_id integer references interactions(id), title text not null);
      create table test_event_signups (event_id integer not null, customer_id integer not null references customers(id),
        people integer not null, primary key (event_id, customer_id)) without rowid;
    `);
    const complaint = db.prepare('insert into test_complaints (customer_id, title) values (?, ?)');
    complaint.run(p.merged, '保养等待时间过长');
    complaint.run(p.merged, '配件缺货');
    complaint.run(p.survivor, '销售承诺未兑现');
    const signup = db.prepare(
      'insert into test_event_signups (event_id, customer_id, people) values (?, ?, ?)',
    );
    signup.run(1, p.survivor, 2);
    signup.run(1, p.merged, 3);
    signup.run(2, p.merged, 1);

    const before = dumpDatabase(db);
    const result = await app.ok('customers.merge', { survivorId: p.survivor, mergedId: p.merged }, frontDesk);
    expect(result.moved).toMatchObject({ test_complaints: 2, test_event_signups: 1 });
    expect(result.dropped).toMatchObject({ test_event_signups: 1 });
    expect(referencesTo(db, p.merged)).toEqual({});
    expect(
      db.prepare('select event_id, customer_id, people from test_event_signups order by event_id').all(),
    ).toEqual([
      { event_id: 1, customer_id: p.survivor, people: 2 },
      { event_id: 2, customer_id: p.survivor, people: 1 },
    ]);

    // A complaint filed after the merge about the merge note: undoing would delete the note it points at.
    const note = db
      .prepare(`select id from interactions where ref_type = 'customer_merge' and ref_id = ?`)
      .pluck()
      .get(result.mergeId) as number;
    const later = complaint.run(p.survivor, '合并后投诉').lastInsertRowid;
    db.prepare('update test_complaints set interaction_id = ? where id = ?').run(note, later);
    const refused = await app.call('customers.unmerge', { mergeId: result.mergeId }, frontDesk);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/^无法撤销：合并之后新增的记录引用了/);
    expect(db.prepare('select merged_into_id from customers where id = ?').pluck().get(p.merged)).toBe(
      p.survivor,
    );

    db.prepare('delete from test_complaints where id = ?').run(later);
    await app.ok('customers.unmerge', { mergeId: result.mergeId }, frontDesk);
    expect(differences(before, dumpDatabase(db))).toEqual([]);
  });

  it('keeps what was added after the merge with the survivor when undoing', async () => {
    const result = await app.ok('customers.merge', { survivorId: p.survivor, mergedId: p.merged }, frontDesk);
    const later = Number(
      db
        .prepare(
          `insert into interactions (customer_id, kind, occurred_at, summary, created_at)
           values (?, 'call', '2026-11-22T03:00:00.000Z', '合并后来电', '2026-11-22T03:00:00.000Z')`,
        )
        .run(p.survivor).lastInsertRowid,
    );
    await app.ok('customers.unmerge', { mergeId: result.mergeId }, frontDesk);
    expect(db.prepare('select customer_id from interactions where id = ?').pluck().get(later)).toBe(
      p.survivor,
    );
  });

  it('refuses to undo over later edits unless forced, naming what changed', async () => {
    const survivorBefore = db.prepare('select * from customers where id = ?').get(p.survivor);
    const mergedBefore = db.prepare('select * from customers where id = ?').get(p.merged);
    const result = await app.ok('customers.merge', { survivorId: p.survivor, mergedId: p.merged }, frontDesk);
    const card = await app.ok('customers.get', { id: p.survivor }, frontDesk);
    await app.ok(
      'customers.update',
      { id: p.survivor, version: card.version, fields: { ...card, notes: '合并后补充的备注' } },
      frontDesk,
    );

    const refused = await app.call('customers.unmerge', { mergeId: result.mergeId }, frontDesk);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toContain('客户 刘建国 的资料');
    expect(db.prepare('select merged_into_id from customers where id = ?').pluck().get(p.merged)).toBe(
      p.survivor,
    );

    const forced = await app.ok('customers.unmerge', { mergeId: result.mergeId, force: true }, frontDesk);
    expect(forced.discardedEdits).toBeGreaterThan(0);
    expect(db.prepare('select * from customers where id = ?').get(p.survivor)).toEqual(survivorBefore);
    expect(db.prepare('select * from customers where id = ?').get(p.merged)).toEqual(mergedBefore);
  });

  it('refuses to undo a merge while a later merge of the same customers stands, and to undo twice', async () => {
    const first = await app.ok(
      'customers.merge',
      { survivorId: p.survivor, mergedId: p.referred },
      frontDesk,
    );
    const other = db
      .prepare(
        `select id from customers where merged_into_id is null and id not in (?, ?) order by id limit 1`,
      )
      .pluck()
      .get(p.survivor, p.merged) as number;
    const second = await app.ok('customers.merge', { survivorId: other, mergedId: p.survivor }, frontDesk);
    expect(await app.call('customers.unmerge', { mergeId: first.mergeId }, frontDesk)).toMatchObject({
      ok: false,
      error: { kind: 'conflict', details: { laterMergeId: second.mergeId } },
    });
    await app.ok('customers.unmerge', { mergeId: second.mergeId }, frontDesk);
    await app.ok('customers.unmerge', { mergeId: first.mergeId }, frontDesk);
    expect(await app.call('customers.unmerge', { mergeId: first.mergeId }, frontDesk)).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: '这次合并已经撤销过了' },
    });
    expect(await app.call('customers.unmerge', { mergeId: 999999 }, frontDesk)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });

  it('refuses self-merge, missing and already merged customers, changing nothing', async () => {
    const before = dumpDatabase(db);
    expect(
      await app.call('customers.merge', { survivorId: p.survivor, mergedId: p.survivor }, frontDesk),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(
      await app.call('customers.merge', { survivorId: p.survivor, mergedId: 999999 }, frontDesk),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    expect(
      await app.call('customers.merge', { survivorId: 999999, mergedId: p.survivor }, frontDesk),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    expect(
      await app.call('customers.merge', { survivorId: p.survivor, mergedId: p.earlier }, frontDesk),
    ).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
    expect(
      await app.call('customers.merge', { survivorId: p.earlier, mergedId: p.survivor }, frontDesk),
    ).toMatchObject({
      ok: false,
      error: { kind: 'conflict' },
    });
    expect(differences(before, dumpDatabase(db))).toEqual([]);
  });

  it('lets front desk and managers merge, not call-back operators or sales', async () => {
    for (const role of ['callback_operator', 'sales', 'complaint_handler'] as const) {
      const token = await app.userWithRole(role);
      const r = await app.call('customers.merge', { survivorId: p.survivor, mergedId: p.referred }, token);
      expect(r, role).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
    const manager = await app.userWithRole('manager');
    const done = await app.ok('customers.merge', { survivorId: p.survivor, mergedId: p.referred }, manager);
    await app.ok('customers.unmerge', { mergeId: done.mergeId }, frontDesk);
  });

  it('lists the merge log newest first, paged, with who did what', async () => {
    const page = await app.ok('customers.merges', { limit: 2 }, frontDesk);
    expect(page.rows).toHaveLength(2);
    expect(page.rows[0]!.id).toBeGreaterThan(page.rows[1]!.id);
    expect(page.nextCursor).toBe(page.rows[1]!.id);
    const next = await app.ok('customers.merges', { limit: 2, cursor: page.nextCursor }, frontDesk);
    expect(next.rows[0]!.id).toBeLessThan(page.rows[1]!.id);
    const all = await app.ok('customers.merges', { limit: 200 }, frontDesk);
    expect(all.rows.every((r) => r.undoneAt !== null)).toBe(true);
    expect(all.rows.map((r) => r.mergedBy)).toContain('测试manager');
  });
});
