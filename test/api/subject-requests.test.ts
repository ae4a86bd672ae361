import type Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../electron/common/id-number';
import { vinCheckDigit } from '../../electron/common/vin';
import { addWorkingDays, workingDaysBetween } from '../../electron/common/working-days';
import type { SubjectRequestDetail } from '../../electron/contract/subject-requests';
import { appendAudit } from '../../electron/domain/audit/audit-log';
import { customerReferences } from '../../electron/domain/subject-requests/customer-references';
import {
  childRules,
  customerColumnRules,
  ownCardsKey,
  referenceRules,
} from '../../electron/domain/subject-requests/person-data-rules';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import type { TestClock } from '../helpers/test-clock';
import { testClock } from '../helpers/test-clock';

// Store days are Beijing days: 02:00Z is 10:00 in the store. 2026-09-28 is a Monday, two days before 国庆.
const monday = '2026-09-28T02:00:00Z';

const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);
const vin = (base: string) => base.slice(0, 8) + vinCheckDigit(base) + base.slice(9);

/** The person whose data is copied and then erased: every identifying value, to scan for afterwards. */
const person = {
  name: '欧阳测删',
  mobile: '13912340001',
  mobile2: '13912340002',
  oldMobile: '13912340003',
  wechat: 'oyang_cs_wx',
  address: '广东省惠州市惠城区江北三新南路18号',
  idNumber: idNumber('44130219850612431'),
  employer: '惠州测删科技有限公司',
};

function sqlCount(db: Database.Database, sql: string, ...params: unknown[]): number {
  return db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

describe('data-subject requests (个人信息权利请求)', () => {
  let clock: TestClock;
  let app: TestApp;
  let manager: string;
  let managerId: number;
  const db = () => app.core.db.$client;
  /** Sessions last 12 hours: after moving the clock, sign the manager in again. */
  const relogin = async () => {
    manager = await app.login('privacymgr', 'Staff-Pass-1');
  };

  beforeAll(async () => {
    clock = testClock(monday);
    app = await createTestApp({ clock: clock.clock });
    managerId = (
      await app.ok(
        'users.create',
        { username: 'privacymgr', displayName: '隐私经理', role: 'manager', password: 'Staff-Pass-1' },
        app.adminToken,
      )
    ).id;
    await relogin();
  });
  afterAll(() => app.close());

  let serial = 0;
  async function newCustomer(fields: Record<string, unknown> = {}): Promise<number> {
    const c = await app.ok(
      'customers.create',
      {
        name: `客户${String.fromCharCode(0x4e00 + ++serial)}乙`,
        mobile: `137000${String(serial).padStart(5, '0')}`,
        ...fields,
      },
      manager,
    );
    return c.id;
  }

  async function newRequest(customerId: number, extra: Record<string, unknown> = {}) {
    return app.ok(
      'subjectRequests.create',
      {
        customerId,
        kind: 'access',
        channel: 'in_person',
        identityCheck: 'id_document',
        receivedOn: '2026-09-28',
        ...extra,
      },
      manager,
    );
  }

  describe('deadline on the store calendar', () => {
    it('counts 15 working days over 国庆 2026 and its 调休 make-up days', () => {
      // 10-01…10-07 off; Sunday 09-20 and Saturday 10-10 are make-up working days.
      expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
      expect(addWorkingDays('2026-09-30', 15)).toBe('2026-10-27');
      expect(addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
      expect(addWorkingDays('2026-10-10', 15)).toBe('2026-10-30');
      expect(addWorkingDays('2026-09-19', 1)).toBe('2026-09-20');
      expect(workingDaysBetween('2026-09-30', '2026-10-08')).toBe(1);
      expect(workingDaysBetween('2026-10-08', '2026-09-30')).toBe(-1);
      expect(workingDaysBetween('2026-10-03', '2026-09-30')).toBe(0);
    });

    it('defaults a request to 15 working days; received before 国庆 → 10-27', async () => {
      const c = await newCustomer();
      const r = await newRequest(c, { receivedOn: '2026-09-28' });
      // 09-29, 09-30, then 10-08 … : the 15th working day after 09-28.
      expect(r.deadline).toBe(addWorkingDays('2026-09-28', 15));
      expect(r.deadline).toBe('2026-10-23');
      expect(r.defaultDeadline).toBe(r.deadline);
      expect(r.state).toBe('open');
      expect(r.events.map((e) => e.action)).toEqual(['created']);
    });

    it('a request received on the 调休 Saturday 10-10 is due 10-30; one moved by hand keeps its date', async () => {
      clock.set('2026-10-12T02:00:00Z');
      await relogin();
      const c = await newCustomer();
      const r = await newRequest(c, { receivedOn: '2026-10-10', kind: 'correct' });
      expect(r.deadline).toBe('2026-10-30');
      const custom = await newRequest(c, { receivedOn: '2026-10-10', deadline: '2026-11-05' });
      expect(custom.deadline).toBe('2026-11-05');
      expect(custom.defaultDeadline).toBe('2026-10-30');
      const early = await app.call(
        'subjectRequests.create',
        {
          customerId: c,
          kind: 'access',
          channel: 'phone',
          identityCheck: 'phone_callback',
          receivedOn: '2026-10-10',
          deadline: '2026-10-09',
        },
        manager,
      );
      expect(early).toMatchObject({ ok: false, error: { kind: 'validation' } });
      const future = await app.call(
        'subjectRequests.create',
        {
          customerId: c,
          kind: 'access',
          channel: 'phone',
          identityCheck: 'phone_callback',
          receivedOn: '2026-10-13',
        },
        manager,
      );
      expect(future).toMatchObject({
        ok: false,
        error: { kind: 'validation', details: { fields: { receivedOn: expect.any(String) } } },
      });
    });

    it('flags a request overdue once its deadline has passed, due soon within 3 working days', async () => {
      clock.set('2026-10-12T02:00:00Z');
      await relogin();
      const c = await newCustomer();
      const r = await newRequest(c, { receivedOn: '2026-10-12', deadline: '2026-10-14' });
      let list = await app.ok('subjectRequests.list', { customerId: c }, manager);
      expect(list.rows[0]).toMatchObject({ id: r.id, overdue: false, dueSoon: true, workingDaysLeft: 2 });
      clock.set('2026-10-16T02:00:00Z');
      await relogin();
      list = await app.ok('subjectRequests.list', { customerId: c }, manager);
      expect(list.rows[0]).toMatchObject({ id: r.id, overdue: true, workingDaysLeft: -2 });
      const overdue = await app.ok('subjectRequests.list', { overdueOnly: true }, manager);
      expect(overdue.rows.map((x) => x.id)).toContain(r.id);
      expect(overdue.counts.overdue).toBeGreaterThanOrEqual(1);
      clock.set(monday);
      await relogin();
    });
  });

  describe('state flow', () => {
    it('open → in progress → done, each step on the history and in the audit log', async () => {
      const c = await newCustomer();
      const r = await newRequest(c, { kind: 'correct', handlerUserId: managerId });
      expect(r.handler).toEqual({ id: managerId, name: '隐私经理' });
      const started = await app.ok(
        'subjectRequests.transition',
        { id: r.id, version: r.version, to: 'in_progress' },
        manager,
      );
      const done = await app.ok(
        'subjectRequests.transition',
        { id: r.id, version: started.version, to: 'done' },
        manager,
      );
      expect(done.state).toBe('done');
      expect(done.closedAt).not.toBeNull();
      expect(done.events.map((e) => [e.action, e.fromState, e.toState])).toEqual([
        ['created', null, 'open'],
        ['state', 'open', 'in_progress'],
        ['state', 'in_progress', 'done'],
      ]);
      const again = await app.call(
        'subjectRequests.transition',
        { id: r.id, version: done.version, to: 'refused', reason: '不予办理' },
        manager,
      );
      expect(again).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      const audit = db()
        .prepare(
          `select action from audit_log where entity = 'subject_request' and entity_id = ? order by id`,
        )
        .pluck()
        .all(String(r.id));
      expect(audit).toEqual([
        'subject_request.created',
        'subject_request.updated',
        'subject_request.updated',
      ]);
    });

    it('refusing needs a reason (PIPL art. 50); a stale copy is a conflict', async () => {
      const c = await newCustomer();
      const r = await newRequest(c, { kind: 'delete' });
      const bare = await app.call(
        'subjectRequests.transition',
        { id: r.id, version: r.version, to: 'refused' },
        manager,
      );
      expect(bare).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(JSON.stringify(bare)).toContain('第五十条');
      const blank = await app.call(
        'subjectRequests.transition',
        { id: r.id, version: r.version, to: 'refused', reason: '  ' },
        manager,
      );
      expect(blank).toMatchObject({ ok: false, error: { kind: 'validation' } });
      // A delete request is done by the erasure, not by a button.
      const done = await app.call(
        'subjectRequests.transition',
        { id: r.id, version: r.version, to: 'done' },
        manager,
      );
      expect(done).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      const moved = await app.ok(
        'subjectRequests.update',
        { id: r.id, version: r.version, deadline: '2026-10-30', deadlineReason: '本人同意延期' },
        manager,
      );
      expect(moved.deadline).toBe('2026-10-30');
      expect(moved.events.at(-1)).toMatchObject({
        action: 'deadline',
        note: expect.stringContaining('本人同意延期'),
      });
      const stale = await app.call(
        'subjectRequests.transition',
        { id: r.id, version: r.version, to: 'in_progress' },
        manager,
      );
      expect(stale).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      const refused = await app.ok(
        'subjectRequests.transition',
        { id: r.id, version: moved.version, to: 'refused', reason: '法律规定的保存期限未届满' },
        manager,
      );
      expect(refused).toMatchObject({ state: 'refused', refusalReason: '法律规定的保存期限未届满' });
    });

    it('a withdraw-consent request records the withdrawals on the consent ledger as the person’s, then closes', async () => {
      const c = await newCustomer();
      await app.ok(
        'customers.setConsent',
        { customerId: c, purpose: 'marketing', granted: true, channel: 'paper' },
        manager,
      );
      const r = await newRequest(c, { kind: 'withdraw_consent', channel: 'phone' });
      const empty = await app.call(
        'subjectRequests.withdrawConsent',
        { id: r.id, version: r.version, purposes: [], channel: 'phone' },
        manager,
      );
      expect(empty).toMatchObject({ ok: false, error: { kind: 'validation' } });
      const done = await app.ok(
        'subjectRequests.withdrawConsent',
        { id: r.id, version: r.version, purposes: ['marketing', 'events'], channel: 'phone' },
        manager,
      );
      expect(done.state).toBe('done');
      expect(done.events.map((e) => e.action)).toEqual(['created', 'consent', 'state']);
      const ledger = db()
        .prepare(
          `select purpose, granted, source, evidence from consent_history where customer_id = ? order by id`,
        )
        .all(c);
      expect(ledger).toEqual([
        { purpose: 'marketing', granted: 1, source: 'staff', evidence: null },
        { purpose: 'marketing', granted: 0, source: 'request', evidence: `权利请求 #${r.id}` },
        { purpose: 'events', granted: 0, source: 'request', evidence: `权利请求 #${r.id}` },
      ]);
      const access = await newRequest(c, { kind: 'access' });
      const wrong = await app.call(
        'subjectRequests.withdrawConsent',
        { id: access.id, version: access.version, purposes: ['care'], channel: 'phone' },
        manager,
      );
      expect(wrong).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    });

    it('is the desk of managers and administrators only', async () => {
      const desk = await app.userWithRole('front_desk');
      expect(await app.call('subjectRequests.list', {}, desk)).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
      expect((await app.ok('subjectRequests.list', {}, app.adminToken)).rows.length).toBeGreaterThan(0);
      const staff = await app.ok('subjectRequests.staff', {}, manager);
      expect(staff.map((s) => s.name)).toContain('隐私经理');
    });
  });

  describe('every reference to a customer has a rule', () => {
    it('the package and the erasure cover each column that points at a customer, or say why not', () => {
      const refs = customerReferences(db()).map((r) => r.key);
      // Found in the schema itself: foreign keys and the ledgers' plain customer_id.
      expect(refs).toEqual(
        expect.arrayContaining([
          'vehicles.owner_id',
          'service_visits.customer_id',
          'consent_history.customer_id',
          'audit_log.customer_id',
          'subject_requests.customer_id',
        ]),
      );
      const missing = refs.filter((k) => !referenceRules[k]);
      expect(missing, 'add these to person-data-rules.ts').toEqual([]);
      const stale = Object.keys(referenceRules).filter((k) => k !== ownCardsKey && !refs.includes(k));
      expect(stale, 'rules for columns that no longer exist').toEqual([]);
      for (const [key, rule] of Object.entries(referenceRules)) {
        if (!rule.package.include) expect(rule.package.reason.length, key).toBeGreaterThan(4);
        if (rule.erasure.action === 'keep') expect(rule.erasure.reason.length, key).toBeGreaterThan(4);
      }
    });

    it('each column of a customer card is erased or kept for a stated reason', () => {
      const columns = db()
        .prepare(`select name from pragma_table_xinfo('customers')`)
        .pluck()
        .all() as string[];
      expect(columns.filter((c) => !customerColumnRules[c])).toEqual([]);
      for (const must of [
        'name',
        'mobile',
        'mobile2',
        'id_number',
        'wechat',
        'address',
        'name_pinyin',
        'name_initials',
        'notes',
        'birthday',
      ]) {
        expect(customerColumnRules[must], must).toHaveProperty('erase');
      }
    });
  });

  describe('copy and erasure of one person', () => {
    let cardId: number;
    let oldCardId: number;
    let otherId: number;
    let vehicleId: number;
    let accessRequest: SubjectRequestDetail;

    beforeAll(async () => {
      cardId = (
        await app.ok(
          'customers.create',
          {
            name: person.name,
            gender: 'male',
            birthday: '1985-06-12',
            mobile: person.mobile,
            mobile2: person.mobile2,
            wechat: person.wechat,
            address: person.address,
            idNumber: person.idNumber,
            occupation: '工程师',
            employer: person.employer,
            tags: ['钓鱼爱好者'],
            preferences: { contactTime: '工作日晚上', color: '白色' },
            notes: `老客户，常用电话 ${person.mobile}`,
          },
          manager,
        )
      ).id;
      // The same person entered twice with an old number, merged later: the old card is theirs too.
      oldCardId = (await app.ok('customers.create', { name: person.name, mobile: person.oldMobile }, manager))
        .id;
      await app.ok(
        'customers.setConsent',
        { customerId: oldCardId, purpose: 'care', granted: true, channel: 'phone', evidence: '录音 R-77' },
        manager,
      );
      await app.ok('customers.merge', { survivorId: cardId, mergedId: oldCardId, reason: '同一人' }, manager);
      await app.ok(
        'customers.setConsent',
        {
          customerId: cardId,
          purpose: 'marketing',
          granted: true,
          channel: 'paper',
          evidence: '授权书 F-001',
        },
        manager,
      );
      await app.ok(
        'interactions.create',
        {
          customerId: cardId,
          kind: 'call',
          direction: 'inbound',
          summary: `来电询问保养，手机 ${person.mobile}`,
        },
        manager,
      );
      vehicleId = (
        await app.ok(
          'vehicles.create',
          {
            customerId: cardId,
            fields: {
              vin: vin('LSVAU2180N2183294'),
              plate: '粤L12345',
              brand: '大众',
              series: '帕萨特',
              deliveryDate: '2026-09-20',
              priceFen: 21_980_000,
            },
          },
          manager,
        )
      ).id;
      await app.ok(
        'visits.create',
        {
          vehicleId,
          visitDate: '2026-09-25',
          type: 'repair',
          mileageKm: 800,
          amountFen: 120_000,
          advisor: '张顾问',
          notes: `${person.name}反映异响，三包维修，联系 ${person.mobile}`,
        },
        manager,
      );
      // Call-back work the operators did (written as the call screen writes it).
      const taskId = Number(
        db()
          .prepare(
            `insert into callback_tasks (customer_id, vehicle_id, rule_code, anchor_date, due_date, expires_on, priority, status, notes, created_at, updated_at)
             values (?, ?, 'quarterly_care', '2026-09-01', '2026-09-28', '2026-10-30', 3, 'open', ?, ?, ?)`,
          )
          .run(cardId, vehicleId, `约 ${person.name} 下周`, monday, monday).lastInsertRowid,
      );
      const attemptId = Number(
        db()
          .prepare(
            `insert into callback_attempts (customer_id, user_id, task_ids, started_at, ended_at, outcome, notes)
             values (?, ?, ?, ?, ?, 'reached', ?)`,
          )
          .run(cardId, managerId, JSON.stringify([taskId]), monday, monday, `客户说换号了 ${person.mobile2}`)
          .lastInsertRowid,
      );
      db()
        .prepare(
          `insert into csi_surveys (customer_id, task_id, attempt_id, kind, overall, nps, notes, surveyed_at, user_id)
           values (?, ?, ?, 'service', 'satisfied', 9, ?, ?, ?)`,
        )
        .run(cardId, taskId, attemptId, `${person.name}：很满意`, monday, managerId);
      // An import that once updated the card keeps the old row for its revert.
      const row = db().prepare('select * from customers where id = ?').get(cardId);
      db()
        .prepare(
          `insert into import_batches (file_name, status, row_count, created_count, updated_count, skipped_count, undo, imported_at)
           values ('老客户.xlsx', 'applied', 1, 0, 1, 0, ?, ?)`,
        )
        .run(
          JSON.stringify({
            created: { customers: [], vehicles: [], vehicleOwnerships: [], callbackTasks: [] },
            updated: { customers: [row], vehicles: [], callbackTasks: [] },
          }),
          monday,
        );
      // A complaint about the car, its timeline and the handler's notification (written as the complaint desk does).
      const ticketId = Number(
        db()
          .prepare(
            `insert into complaint_tickets (ticket_no, customer_id, vehicle_id, channel, category, description, demand,
               received_at, facts, suggested_grade, grade, state, created_at, updated_at)
             values ('TS20260928-001', ?, ?, 'phone', 'product_quality', ?, '更换变速箱', ?, '{}', 'B', 'B', 'received', ?, ?)`,
          )
          .run(
            cardId,
            vehicleId,
            `${person.name}来电（${person.mobile}）：变速箱异响第三次`,
            monday,
            monday,
            monday,
          ).lastInsertRowid,
      );
      db()
        .prepare(
          `insert into complaint_events (ticket_id, kind, at, user_id, note) values (?, 'note', ?, ?, ?)`,
        )
        .run(ticketId, monday, managerId, `已回电 ${person.mobile}`);
      db()
        .prepare(
          `insert into notifications (user_id, kind, title, ref_type, ref_id, created_at)
           values (?, 'complaint_routed', ?, 'complaint_ticket', ?, ?)`,
        )
        .run(managerId, `新投诉：${person.name}`, ticketId, monday);
      // Another customer's note that mentions the person's phone (a relative).
      otherId = await newCustomer({ notes: `家属联系电话 ${person.mobile}` });
      accessRequest = await newRequest(cardId, { kind: 'access', identityNote: '核对身份证原件末四位' });
    });

    it('the data package holds every row of the person in every table, unmasked, and is logged', async () => {
      // Counted straight from the schema: for every table, the rows any included column points at the person with.
      const cards = [cardId, oldCardId];
      const list = JSON.stringify(cards);
      const fks = db()
        .prepare(
          `select m.name as t, f."from" as c from sqlite_master m, pragma_foreign_key_list(m.name) f
           where m.type = 'table' and f."table" = 'customers'`,
        )
        .all() as { t: string; c: string }[];
      const plain = (
        db()
          .prepare(
            `select m.name as t from sqlite_master m, pragma_table_info(m.name) i where m.type = 'table' and i.name = 'customer_id'`,
          )
          .pluck()
          .all() as string[]
      ).map((t) => ({ t, c: 'customer_id' }));
      const byTable = new Map<string, string[]>([['customers', ['id']]]);
      for (const { t, c } of [...fks, ...plain]) {
        const rule = referenceRules[`${t}.${c}`];
        if (rule && !rule.package.include) continue;
        byTable.set(t, [...new Set([...(byTable.get(t) ?? []), c])]);
      }
      const expected = new Map<string, number>();
      for (const [t, cols] of byTable) {
        const n = sqlCount(
          db(),
          `select count(*) from "${t}" where ${cols.map((c) => `"${c}" in (select value from json_each(?))`).join(' or ')}`,
          ...cols.map(() => list),
        );
        const label = referenceRules[`${t}.${cols[0]}`]?.label ?? t;
        expected.set(t === 'customers' ? referenceRules[ownCardsKey]!.label : label, n);
      }
      for (const child of childRules) {
        if (child.inPackage === false) continue;
        const [parentTable, parentColumn] = child.parentKey.split('.') as [string, string];
        const filter = child.filter ? ` and (${child.filter})` : '';
        expected.set(
          child.label,
          sqlCount(
            db(),
            `select count(*) from ${child.table} where ${child.column} in
               (select id from ${parentTable} where ${parentColumn} in (select value from json_each(?)))${filter}`,
            list,
          ),
        );
      }
      const pkg = await app.ok('subjectRequests.dataPackage', { id: accessRequest.id }, manager);
      expect(pkg.fileName).toMatch(new RegExp(`^个人信息副本-客户${cardId}-\\d{8}\\.xlsx$`));
      expect(pkg.fileName).not.toContain(person.name);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(Buffer.from(pkg.contentBase64, 'base64') as unknown as ArrayBuffer);
      const sheetRows = new Map(book.worksheets.map((ws) => [ws.name, ws.actualRowCount - 1]));

      // A kind of data the person has none of may have no sheet.
      for (const [label, n] of expected) expect(sheetRows.get(label) ?? 0, label).toBe(n);
      // Everything the person has here is in it: both cards, tags, consents and their history, visits, call-backs, merges…
      for (const label of [
        '客户资料',
        '标签',
        '授权同意',
        '授权历史',
        '联系记录',
        '车辆',
        '车辆归属记录',
        '进站记录',
        '回访任务',
        '回访通话',
        '满意度调查',
        '合并记录',
        '权利请求',
        '请求处理记录',
        '投诉工单',
        '投诉处理记录',
      ]) {
        expect(sheetRows.get(label), label).toBeGreaterThan(0);
      }
      expect(sheetRows.get('客户资料')).toBe(2);
      expect(sheetRows.get('授权历史')).toBe(2);
      expect(pkg.sheets.find((s) => s.name === '进站记录')?.rows).toBe(1);

      // Unmasked, for the person: full numbers are in the card sheet.
      const cardSheet = book.getWorksheet('客户资料')!;
      const text = JSON.stringify(cardSheet.getSheetValues());
      for (const v of [
        person.mobile,
        person.mobile2,
        person.oldMobile,
        person.idNumber,
        person.address,
        person.wechat,
      ])
        expect(text).toContain(v);
      expect(JSON.stringify(book.getWorksheet('进站记录')!.getSheetValues())).toContain('1200');

      const audit = db()
        .prepare(`select * from audit_log where action = 'export.subject_data' order by id desc limit 1`)
        .get() as { customer_id: number; detail: string };
      expect(audit.customer_id).toBe(cardId);
      expect(JSON.parse(audit.detail)).toMatchObject({ requestId: accessRequest.id, masked: false });
      expect(audit.detail).not.toContain(person.mobile);
      expect(pkg.request.state).toBe('in_progress');
      expect(pkg.request.events.map((e) => e.action)).toEqual(['created', 'package', 'state']);
    });

    it('the erasure preview says what goes and what stays, and changes nothing', async () => {
      const r = await newRequest(cardId, { kind: 'delete', channel: 'letter' });
      const before = sqlCount(db(), 'select total_changes()');
      const preview = await app.ok('subjectRequests.erasurePreview', { id: r.id }, manager);
      expect(sqlCount(db(), 'select total_changes()')).toBe(before);
      expect(preview.blockedReason).toBeNull();
      expect(preview.mergedCardIds).toEqual([oldCardId]);
      expect(preview.confirmText).toBe(String(cardId));
      const erase = Object.fromEntries(preview.erase.map((l) => [l.key, l.count]));
      expect(erase).toMatchObject({
        'customers.id': 2,
        'interactions.customer_id': expect.any(Number),
        'customer_tags.customer_id': 1,
        'callback_tasks.open': expect.any(Number),
        'import_batches.undo': 1,
      });
      expect(erase.free_text).toBeGreaterThanOrEqual(1);
      const keep = Object.fromEntries(preview.keep.map((l) => [l.key, l]));
      expect(keep['vehicles.owner_id']).toMatchObject({ count: 1, detail: expect.stringContaining('三包') });
      expect(keep['service_visits.customer_id']).toMatchObject({ count: 1 });
      expect(keep['ledgers.checked']?.detail).toContain('已核对');
    });

    it('a wrong confirmation changes nothing', async () => {
      const r = (await app.ok('subjectRequests.list', { customerId: cardId, kind: 'delete' }, manager))
        .rows[0]!;
      const detail = await app.ok('subjectRequests.get', { id: r.id }, manager);
      const res = await app.call(
        'subjectRequests.anonymise',
        { id: r.id, version: detail.version, confirm: '确认' },
        manager,
      );
      expect(res).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(
        sqlCount(db(), 'select count(*) from customers where id = ? and mobile = ?', cardId, person.mobile),
      ).toBe(1);
    });

    it('anonymising leaves no trace of name, phones or ID number in any table, and keeps visits and vehicles', async () => {
      const visitsBefore = db()
        .prepare(
          'select id, vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen from service_visits where customer_id = ?',
        )
        .all(cardId);
      const vehiclesBefore = db()
        .prepare('select id, vin, plate, owner_id, price_fen from vehicles where owner_id = ?')
        .all(cardId);
      expect(visitsBefore).toHaveLength(1);
      const r = (await app.ok('subjectRequests.list', { customerId: cardId, kind: 'delete' }, manager))
        .rows[0]!;
      const detail = await app.ok('subjectRequests.get', { id: r.id }, manager);
      const out = await app.ok(
        'subjectRequests.anonymise',
        { id: r.id, version: detail.version, confirm: String(cardId) },
        manager,
      );
      expect(out.request).toMatchObject({
        state: 'done',
        customerErased: true,
        customerName: `已删除客户#${cardId}`,
      });
      expect(out.request.events.map((e) => e.action)).toEqual(['created', 'anonymised', 'state']);
      // The person's other open request (the copy) closed with the erasure: nothing is left to copy.
      expect((await app.ok('subjectRequests.get', { id: accessRequest.id }, manager)).state).toBe('done');

      // Every text value of every table — FTS and shadow tables, ledgers, JSON undo images included.
      const tables = db()
        .prepare(`select name from sqlite_master where type = 'table'`)
        .pluck()
        .all() as string[];
      const terms = [
        person.name,
        person.mobile,
        person.mobile2,
        person.oldMobile,
        person.idNumber,
        person.wechat,
        person.address,
        'ouyangcesha',
      ];
      const found: string[] = [];
      for (const t of tables) {
        for (const row of db().prepare(`select * from "${t}"`).all() as Record<string, unknown>[]) {
          for (const [col, v] of Object.entries(row)) {
            const s = typeof v === 'string' ? v : Buffer.isBuffer(v) ? v.toString('utf8') : '';
            for (const term of terms) if (s.includes(term)) found.push(`${t}.${col}: ${term}`);
            // The employer is cleared from every record the erasure can rewrite; the audit log's change rows
            // keep it as typed (it is not one of the masked fields), and that log cannot be rewritten.
            if (t !== 'audit_log' && s.includes(person.employer)) found.push(`${t}.${col}: employer`);
          }
        }
      }
      expect(found).toEqual([]);
      // The search keys follow the new name: none of the old name's pieces point at the card.
      const grams = db()
        .prepare('select gram from customer_name_grams where customer_id = ?')
        .pluck()
        .all(cardId) as string[];
      expect(grams).not.toContain('欧阳');
      expect(
        sqlCount(
          db(),
          `select count(*) from customers where id in (?, ?) and (name_pinyin <> '' or name_initials <> '' or mobile_tail is not null)`,
          cardId,
          oldCardId,
        ),
      ).toBe(0);

      // What the store must keep is still there, unchanged, on the anonymous card.
      expect(
        db()
          .prepare(
            'select id, vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen from service_visits where customer_id = ?',
          )
          .all(cardId),
      ).toEqual(visitsBefore);
      expect(
        db()
          .prepare('select id, vin, plate, owner_id, price_fen from vehicles where owner_id = ?')
          .all(cardId),
      ).toEqual(vehiclesBefore);
      expect(db().prepare('select notes from service_visits where customer_id = ?').pluck().get(cardId)).toBe(
        '[已删除]反映异响，三包维修，联系 [已删除]',
      );
      expect(
        sqlCount(
          db(),
          'select count(*) from csi_surveys where customer_id = ? and nps = 9 and notes is null',
          cardId,
        ),
      ).toBe(1);
      // Open call-backs are closed with the reason; nobody calls an erased card again.
      expect(
        sqlCount(
          db(),
          `select count(*) from callback_tasks where customer_id = ? and status = 'open'`,
          cardId,
        ),
      ).toBe(0);
      expect(
        db()
          .prepare(
            `select skip_reason from callback_tasks where customer_id = ? and rule_code = 'quarterly_care'`,
          )
          .pluck()
          .get(cardId),
      ).toContain('已按本人请求删除');
      expect(sqlCount(db(), 'select do_not_contact from customers where id = ?', cardId)).toBe(1);
      // The relative's note loses the number, keeps the rest.
      expect(db().prepare('select notes from customers where id = ?').pluck().get(otherId)).toBe(
        '家属联系电话 [已删除]',
      );
      // One audit row, counts only.
      const audit = db()
        .prepare(`select detail, customer_id from audit_log where action = 'customer.anonymised'`)
        .all() as { detail: string; customer_id: number }[];
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({ requestId: r.id, cardIds: [cardId, oldCardId] });

      // Search no longer finds the person by phone, name or pinyin.
      for (const text of [person.mobile, person.mobile.slice(-4), '欧阳测', 'ouyang']) {
        const page = await app.ok('customers.list', { filters: { text } }, manager);
        expect(
          page.rows.map((x) => x.id),
          text,
        ).not.toContain(cardId);
      }
    });

    it('an erased card cannot be merged back into a live one, nor its merge undone, nor a new request recorded', async () => {
      const mergeId = db()
        .prepare('select id from customer_merges where survivor_id = ?')
        .pluck()
        .get(cardId) as number;
      const unmerge = await app.call('customers.unmerge', { mergeId, force: true }, manager);
      expect(unmerge).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      const card = await app.ok('customers.get', { id: cardId }, manager);
      const edit = await app.call(
        'customers.update',
        { id: cardId, version: card.version, fields: { name: person.name, mobile: person.mobile } },
        manager,
      );
      expect(edit).toMatchObject({
        ok: false,
        error: { kind: 'conflict', message: expect.stringContaining('新建客户') },
      });
      expect(db().prepare('select name from customers where id = ?').pluck().get(cardId)).toBe(
        `已删除客户#${cardId}`,
      );
      const merge = await app.call('customers.merge', { survivorId: otherId, mergedId: cardId }, manager);
      expect(merge).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      const req = await app.call(
        'subjectRequests.create',
        {
          customerId: cardId,
          kind: 'access',
          channel: 'phone',
          identityCheck: 'phone_callback',
          receivedOn: '2026-09-28',
        },
        manager,
      );
      expect(req).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    });
  });

  describe('ledgers that cannot be rewritten', () => {
    it('the preview warns when the audit log holds a full number of the person', async () => {
      const mobile = '13712398765';
      const c = await newCustomer({ name: '宇文台账', mobile });
      // As an export's filter would be logged if it kept a typed phone number in full.
      appendAudit(db(), {
        at: monday,
        userId: managerId,
        username: 'privacymgr',
        action: 'export.customers',
        entity: 'export',
        entityId: null,
        customerId: null,
        detail: JSON.stringify({ filters: { text: mobile } }),
        client: null,
      });
      const r = await newRequest(c, { kind: 'delete' });
      const preview = await app.ok('subjectRequests.erasurePreview', { id: r.id }, manager);
      expect(preview.keep.find((l) => l.key === 'ledgers.checked')?.detail).toMatch(/注意：审计日志 1 条/);
    });
  });

  describe('a merged-away card', () => {
    it('gets no new request (the refusal names the survivor); an earlier request moves with the merge', async () => {
      const survivor = await newCustomer({ name: '司马留存' });
      const old = await newCustomer({ name: '司马留存' });
      const r = await newRequest(old, { kind: 'delete' });
      await app.ok('customers.merge', { survivorId: survivor, mergedId: old }, manager);
      const fresh = await app.call(
        'subjectRequests.create',
        {
          customerId: old,
          kind: 'delete',
          channel: 'phone',
          identityCheck: 'phone_callback',
          receivedOn: '2026-09-28',
        },
        manager,
      );
      expect(fresh).toMatchObject({ ok: false, error: { kind: 'not_found' } });
      expect(JSON.stringify(fresh)).toContain(`客户编号 ${survivor}`);
      // The rule: the request follows the person's data to the surviving card, whose erasure takes the old card along.
      const moved = await app.ok('subjectRequests.get', { id: r.id }, manager);
      expect(moved.customerId).toBe(survivor);
      const preview = await app.ok('subjectRequests.erasurePreview', { id: r.id }, manager);
      expect(preview).toMatchObject({ blockedReason: null, mergedCardIds: [old], customerId: survivor });
    });

    it('a card merged away behind the request is refused with the rule, naming the survivor', async () => {
      const survivor = await newCustomer({ name: '诸葛留存' });
      const old = await newCustomer({ name: '诸葛留存' });
      const r = await newRequest(old, { kind: 'delete' });
      // A merge that did not carry the request along (an older database, a hand-made fix).
      db().prepare('update customers set merged_into_id = ? where id = ?').run(survivor, old);
      const preview = await app.ok('subjectRequests.erasurePreview', { id: r.id }, manager);
      expect(preview.blockedReason).toContain(`客户编号 ${survivor}`);
      expect(preview.blockedReason).toContain('保留的客户卡');
      const res = await app.call(
        'subjectRequests.anonymise',
        { id: r.id, version: r.version, confirm: String(old) },
        manager,
      );
      expect(res).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      expect(
        sqlCount(db(), 'select count(*) from customer_erasures where customer_id in (?, ?)', survivor, old),
      ).toBe(0);
    });
  });
});
