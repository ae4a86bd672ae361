import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../electron/common/vin';
import type { ImportProgress } from '../../electron/contract/imports';
import { recordAudit } from '../../electron/domain/audit/audit-log';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import type { TestClock } from '../helpers/test-clock';
import { testClock } from '../helpers/test-clock';

const vin = (s: string) => `${s.slice(0, 8)}${vinCheckDigit(s)}${s.slice(9)}`;
let serial = 0;
const nextVin = () => vin(`LFV2A21K0R${String(++serial).padStart(7, '0')}`);

interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  customer_id: number | null;
  detail: string | null;
}
type Changes = Record<string, [unknown, unknown]>;

describe('audit log', () => {
  let app: TestApp;
  let clock: TestClock;
  let frontDesk: string;
  let manager: string;
  let frontDeskId: number;

  const rows = (where = '1', ...params: unknown[]) =>
    app.core.db.$client
      .prepare(`select * from audit_log where ${where} order by id`)
      .all(...params) as AuditRow[];
  const lastOf = (action: string, where = '1', ...params: unknown[]) => {
    const r = rows(`action = ? and ${where}`, action, ...params).at(-1);
    if (!r) throw new Error(`no ${action} row`);
    return { ...r, detail: JSON.parse(r.detail ?? '{}') as { changes?: Changes } & Record<string, unknown> };
  };
  const count = () => app.core.db.$client.prepare('select count(*) from audit_log').pluck().get() as number;
  const customer = (name: string, mobile: string, extra: Record<string, unknown> = {}) =>
    app.ok('customers.create', { name, mobile, ...extra }, frontDesk);

  beforeAll(async () => {
    // 17:30 UTC is 01:30 the next morning in the store (Asia/Shanghai): rows fall on store day 2026-11-21.
    clock = testClock('2026-11-20T17:30:00Z');
    app = await createTestApp({ clock: clock.clock });
    frontDesk = await app.userWithRole('front_desk');
    manager = await app.userWithRole('manager');
    frontDeskId = (await app.ok('auth.me', {}, frontDesk)).id;
  });
  afterAll(() => app.close());

  it('logs a new card and each changed field, personal values masked, free text by length only', async () => {
    const c = await customer('王小明', '13812345678', {
      idNumber: '11010519491231002X',
      address: '惠州市惠城区麦地路22号',
      notes: '客户说手机13812345678晚上打',
      tags: ['老客户'],
    });
    const created = lastOf('customer.created', 'customer_id = ?', c.id);
    expect(created).toMatchObject({ entity: 'customer', entity_id: String(c.id), user_id: frontDeskId });
    expect(created.detail.changes).toMatchObject({
      name: [null, '王**'],
      mobile: [null, '138****5678'],
      idNumber: [null, '1101**********002X'],
      address: [null, '惠州市惠城区麦地路***'],
      notes: [null, '〔19 字〕'],
      tags: [null, ['老客户']],
    });
    // Defaults nobody typed (not a company, no do-not-contact) are not listed as changes of a new card.
    expect(created.detail.changes).not.toHaveProperty('isCompany');
    expect(created.detail.changes).not.toHaveProperty('doNotContact');
    const raw = JSON.stringify(rows('customer_id = ?', c.id));
    expect(raw).not.toContain('13812345678');
    expect(raw).not.toContain('11010519491231002X');
    expect(raw).not.toContain('王小明');

    const updated = await app.ok(
      'customers.update',
      {
        id: c.id,
        version: c.version,
        fields: { name: '王小明', mobile: '13987654321', district: '惠阳区', idNumber: '11010519491231002X' },
      },
      frontDesk,
    );
    const change = lastOf('customer.updated', 'customer_id = ?', c.id).detail.changes!;
    expect(change.mobile).toEqual(['138****5678', '139****4321']);
    expect(change.district).toEqual([null, '惠阳区']);
    expect(change.notes).toEqual(['〔19 字〕', null]);
    expect(change.tags).toEqual([['老客户'], []]);
    expect(change).not.toHaveProperty('name');
    expect(change).not.toHaveProperty('idNumber');

    // Saving the same values again changes nothing, so it writes nothing.
    const before = count();
    await app.ok(
      'customers.update',
      {
        id: c.id,
        version: updated.version,
        fields: { name: '王小明', mobile: '13987654321', district: '惠阳区', idNumber: '11010519491231002X' },
      },
      frontDesk,
    );
    expect(count()).toBe(before);
  });

  it('logs a refused change not at all: the row lives and dies with its transaction', async () => {
    const c = await customer('刘一', '13812340001');
    const before = count();
    const stale = await app.call(
      'customers.update',
      { id: c.id, version: c.version + 5, fields: { name: '刘一', mobile: '13812340002' } },
      frontDesk,
    );
    expect(stale).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(count()).toBe(before);
  });

  it('logs vehicles created, edited and transferred, and service visits, under the owner', async () => {
    const seller = await customer('赵六', '13700000001');
    const buyer = await customer('钱七', '13700000002');
    const v = await app.ok(
      'vehicles.create',
      {
        customerId: seller.id,
        fields: {
          vin: nextVin(),
          brand: '大众',
          series: '迈腾',
          deliveryDate: '2024-05-01',
          plate: '粤L12345',
        },
      },
      frontDesk,
    );
    const created = lastOf('vehicle.created', 'entity_id = ?', String(v.id));
    expect(created).toMatchObject({ entity: 'vehicle', customer_id: seller.id });
    expect(created.detail.changes).toMatchObject({ series: [null, '迈腾'], plate: [null, '粤L12345'] });
    expect(created.detail.acquiredOn).toBe('2024-05-01');

    const edited = await app.ok(
      'vehicles.update',
      {
        id: v.id,
        version: v.version,
        fields: {
          vin: v.vin,
          brand: '大众',
          series: '迈腾',
          deliveryDate: '2024-05-01',
          plate: '粤L12345',
          color: '白色',
        },
      },
      frontDesk,
    );
    expect(lastOf('vehicle.updated', 'entity_id = ?', String(v.id)).detail.changes).toEqual({
      color: [null, '白色'],
    });

    const visit = await app.ok(
      'visits.create',
      { vehicleId: v.id, visitDate: '2025-05-01', type: 'maintenance', mileageKm: 12000, amountFen: 58000 },
      frontDesk,
    );
    const visitRow = lastOf('visit.created', 'entity_id = ?', String(visit.id));
    expect(visitRow).toMatchObject({ entity: 'visit', customer_id: seller.id });
    expect(visitRow.detail.changes).toMatchObject({ mileageKm: [null, 12000], type: [null, 'maintenance'] });

    const current = await app.ok('vehicles.get', { id: v.id }, frontDesk);
    await app.ok(
      'vehicles.transfer',
      { id: v.id, version: current.version, toCustomerId: buyer.id, date: '2026-10-01' },
      frontDesk,
    );
    const out = lastOf('vehicle.transferred', 'customer_id = ?', seller.id);
    const into = lastOf('vehicle.transferred', 'customer_id = ?', buyer.id);
    expect(out.detail).toMatchObject({ direction: 'out', changes: { ownerId: [seller.id, buyer.id] } });
    expect(into.detail).toMatchObject({ direction: 'in', date: '2026-10-01' });
    expect(edited.version).toBeGreaterThan(v.version);
  });

  it('logs a merge on both cards and its undo, which leaves the log untouched', async () => {
    const survivor = await customer('孙八', '13600000001');
    const merged = await customer('孙八', '13600000002', { district: '惠城区' });
    const result = await app.ok(
      'customers.merge',
      { survivorId: survivor.id, mergedId: merged.id, reason: '同一人两张卡' },
      frontDesk,
    );
    const onSurvivor = lastOf('customer.merged', 'customer_id = ?', survivor.id);
    expect(onSurvivor.detail).toMatchObject({
      mergeId: result.mergeId,
      mergedId: merged.id,
      reason: '同一人两张卡',
    });
    expect(onSurvivor.detail.changes).toMatchObject({ district: [null, '惠城区'] });
    expect(lastOf('customer.merged', 'customer_id = ?', merged.id).detail).toMatchObject({
      survivorId: survivor.id,
    });

    const logged = count();
    await app.ok('customers.unmerge', { mergeId: result.mergeId }, frontDesk);
    expect(count()).toBe(logged + 2);
    const undone = lastOf('customer.unmerged', 'customer_id = ?', survivor.id);
    expect(undone.detail).toMatchObject({ mergeId: result.mergeId });
    expect(undone.detail.changes).toMatchObject({ district: ['惠城区', null] });
  });

  it('logs an import per batch and per customer, and its revert', async () => {
    const existing = await customer('周九', '13500000009');
    const text = '姓名,手机,地址\n周九,13500000009,惠州市惠城区演达大道8号\n吴十,13500000010,\n';
    const file = { fileName: '客户导入.csv', contentBase64: Buffer.from(text, 'utf8').toString('base64') };
    const { jobId } = await app.ok('imports.apply', file, frontDesk);
    let progress: ImportProgress | null = null;
    for (let i = 0; i < 400 && progress?.phase !== 'done' && progress?.phase !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      progress = await app.ok('imports.progress', { jobId }, frontDesk);
    }
    expect(progress?.phase).toBe('done');
    const batchId = progress!.result!.batchId;
    const batch = lastOf('import.committed', "entity = 'import'");
    expect(batch).toMatchObject({ entity_id: String(batchId), user_id: frontDeskId });
    expect(batch.detail).toMatchObject({
      fileName: '客户导入.csv',
      created: { customers: 1 },
      updated: { customers: 1 },
    });
    expect(lastOf('import.committed', 'customer_id = ?', existing.id).detail).toEqual({
      batchId,
      changes: { address: [null, '惠州市惠城区演达大道***'] },
    });
    const newId = app.core.db.$client
      .prepare("select id from customers where mobile = '13500000010'")
      .pluck()
      .get();
    expect(lastOf('import.committed', 'customer_id = ?', newId).detail).toEqual({ batchId, created: true });

    await app.ok('imports.revert', { batchId }, frontDesk);
    expect(lastOf('import.reverted', "entity = 'import'").detail).toMatchObject({
      removed: { customers: 1 },
      restored: { customers: 1 },
    });
    expect(lastOf('import.reverted', 'customer_id = ?', existing.id).detail.changes).toEqual({
      address: ['惠州市惠城区演达大道***', null],
    });
    expect(lastOf('import.reverted', 'customer_id = ?', newId).detail).toMatchObject({ removed: true });
  });

  it('logs user accounts created, changed, role-changed, disabled and enabled', async () => {
    const u = await app.ok(
      'users.create',
      { username: 'audit-sales', displayName: '李销售', role: 'sales', password: 'Staff-Pass-9x' },
      app.adminToken,
    );
    const created = lastOf('user.created', 'entity_id = ?', String(u.id));
    expect(created.detail.changes).toMatchObject({ username: [null, 'audit-sales'], role: [null, 'sales'] });
    expect(JSON.stringify(created.detail)).not.toMatch(/Staff-Pass|scrypt/);

    const renamed = await app.ok(
      'users.update',
      { id: u.id, version: u.version, displayName: '李顾问' },
      app.adminToken,
    );
    expect(lastOf('user.updated', 'entity_id = ?', String(u.id)).detail.changes).toEqual({
      displayName: ['李销售', '李顾问'],
    });
    const promoted = await app.ok(
      'users.update',
      { id: u.id, version: renamed.version, role: 'manager' },
      app.adminToken,
    );
    expect(lastOf('user.role_changed', 'entity_id = ?', String(u.id)).detail.changes).toEqual({
      role: ['sales', 'manager'],
    });
    const off = await app.ok(
      'users.update',
      { id: u.id, version: promoted.version, disabled: true },
      app.adminToken,
    );
    expect(lastOf('user.disabled', 'entity_id = ?', String(u.id)).detail.changes).toEqual({
      disabled: [false, true],
    });
    await app.ok('users.update', { id: u.id, version: off.version, disabled: false }, app.adminToken);
    expect(lastOf('user.enabled', 'entity_id = ?', String(u.id)).detail.changes).toEqual({
      disabled: [true, false],
    });
  });

  it('logs store settings, call-back rule and outcome settings changes', async () => {
    await app.ok(
      'settings.update',
      { storeName: '惠州一店', callingHours: { start: '09:30', end: '20:00' } },
      manager,
    );
    expect(lastOf('settings.updated', "entity = 'setting'").detail.changes).toEqual({
      storeName: ['本店', '惠州一店'],
      callingHours: [
        { start: '09:00', end: '20:00' },
        { start: '09:30', end: '20:00' },
      ],
    });

    const rule = (await app.ok('callbacks.rules', {}, manager)).find((r) => r.code === 'delivery_3d')!;
    const { code, version, paramKeys: _keys, updatedAt: _at, ...fields } = rule;
    await app.ok('callbacks.updateRule', { code, version, fields: { ...fields, maxAttempts: 5 } }, manager);
    const ruleRow = lastOf('settings.updated', "entity = 'callback_rule'");
    expect(ruleRow.entity_id).toBe('delivery_3d');
    expect(ruleRow.detail.changes).toEqual({ maxAttempts: [rule.maxAttempts, 5] });

    await app.ok(
      'callbacks.updateOutcomeSetting',
      { outcome: 'no_answer', recycleMinutes: 90, countsAttempt: true, closesTask: false },
      manager,
    );
    const outcomeRow = lastOf('settings.updated', "entity = 'callback_outcome'");
    expect(outcomeRow.entity_id).toBe('no_answer');
    expect(outcomeRow.detail.changes).toMatchObject({ recycleMinutes: [expect.any(Number), 90] });
  });

  it('lists newest first with filters by user, customer, action and store day, in keyset pages', async () => {
    const late = await customer('郑十一', '13400000011');
    // A row stamped two days earlier, written last: the list orders by time, not by id.
    const earlier = {
      db: app.core.db,
      clock: () => new Date('2026-11-19T03:00:00Z'),
      user: null,
      token: null,
    };
    recordAudit(earlier, {
      action: 'customer.viewed',
      entity: 'customer',
      entityId: late.id,
      customerId: late.id,
    });

    const storeDay = await app.ok(
      'audit.list',
      { filters: { dateFrom: '2026-11-21', dateTo: '2026-11-21', customerId: late.id } },
      manager,
    );
    expect(storeDay.rows.map((r) => r.action)).toEqual(['customer.created']);
    expect(storeDay.rows[0]).toMatchObject({ customerName: '郑十一', atLabel: '2026-11-21 01:30' });
    // The UTC date of those rows (the 20th) is not their store day.
    const utcDay = await app.ok(
      'audit.list',
      { filters: { dateFrom: '2026-11-20', dateTo: '2026-11-20' } },
      manager,
    );
    expect(utcDay.total).toBe(0);
    const older = await app.ok('audit.list', { filters: { dateTo: '2026-11-19' } }, manager);
    expect(older.rows.map((r) => [r.action, r.atLabel])).toEqual([['customer.viewed', '2026-11-19 11:00']]);

    const byCustomer = await app.ok('audit.list', { filters: { customerId: late.id } }, manager);
    expect(byCustomer.rows.map((r) => r.action)).toEqual(['customer.created', 'customer.viewed']);
    expect(byCustomer.total).toBe(2);

    const byUser = await app.ok(
      'audit.list',
      { filters: { userId: frontDeskId, actions: ['vehicle.transferred', 'visit.created'] } },
      manager,
    );
    expect(byUser.rows.length).toBe(3);
    expect(byUser.rows.every((r) => r.userId === frontDeskId && r.username?.startsWith('frontdesk'))).toBe(
      true,
    );

    const all = await app.ok('audit.list', { limit: 200 }, manager);
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { rows: { id: number }[]; nextCursor: string | null } = await app.ok(
        'audit.list',
        { limit: 7, cursor },
        manager,
      );
      ids.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toEqual(all.rows.map((r) => r.id));
    expect(all.total).toBe(ids.length);
    // Newest first by time: the back-dated row comes last although it was written last.
    expect(all.rows.at(-1)!.action).toBe('customer.viewed');
    expect(all.rows.at(-1)!.id).toBe(Math.max(...ids));

    const bad = await app.call(
      'audit.list',
      { filters: { dateFrom: '2026-11-22', dateTo: '2026-11-01' } },
      manager,
    );
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('exports what is filtered as XLSX with a footer, and logs the export', async () => {
    const file = await app.ok('audit.export', { filters: { actions: ['customer.updated'] } }, manager);
    const expected = rows("action = 'customer.updated'").length;
    expect(file.rowCount).toBe(expected);
    expect(file.fileName).toBe('审计日志-20261121.xlsx');
    const book = new ExcelJS.Workbook();
    const buf = Buffer.from(file.contentBase64, 'base64');
    await book.xlsx.load(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).getCell(5).value).toBe('操作');
    expect(sheet.getRow(2).getCell(5).value).toBe('修改客户');
    const texts: string[] = [];
    sheet.eachRow((r) => texts.push(r.values ? JSON.stringify(r.values) : ''));
    expect(texts.join()).toContain('手机号码：138****5678 → 139****4321');
    expect(texts.at(-1)).toContain('导出人：测试manager');
    const logged = lastOf('export.audit');
    expect(logged.detail).toMatchObject({ rowCount: expected, filter: { actions: ['customer.updated'] } });
  });

  it('shows an administrator who viewed and revealed a customer’s data', async () => {
    const c = await customer('冯十二', '13300000012');
    const ctx = { db: app.core.db, clock: clock.clock, user: null, token: null };
    recordAudit(ctx, {
      action: 'customer.viewed',
      entity: 'customer',
      entityId: c.id,
      customerId: c.id,
      username: 'op1',
    });
    recordAudit(ctx, {
      action: 'customer.viewed',
      entity: 'customer',
      entityId: c.id,
      customerId: c.id,
      username: 'op1',
    });
    recordAudit(ctx, {
      action: 'personal.revealed',
      entity: 'customer',
      entityId: c.id,
      customerId: c.id,
      username: 'op1',
      detail: { field: 'mobile', reason: '回访' },
    });
    const access = await app.ok('audit.customerAccess', { customerId: c.id }, app.adminToken);
    expect(access.rows.map((r) => r.action)).toEqual([
      'personal.revealed',
      'customer.viewed',
      'customer.viewed',
    ]);
    expect(access.people).toEqual([
      expect.objectContaining({ username: 'op1', views: 2, reveals: 1, exports: 0 }),
    ]);
    expect(await app.call('audit.customerAccess', { customerId: c.id }, manager)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('lets a manager read but not verify, and refuses the front desk', async () => {
    expect((await app.call('audit.list', {}, manager)).ok).toBe(true);
    expect(await app.call('audit.verify', {}, manager)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    for (const channel of ['audit.list', 'audit.export', 'audit.users', 'audit.verify']) {
      expect(await app.call(channel, {}, frontDesk)).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
    }
  });

  it('verifies the chain, and finds a row edited behind the app’s back', async () => {
    const good = await app.ok('audit.verify', {}, app.adminToken);
    expect(good).toMatchObject({ ok: true, broken: null });
    expect(good.checked).toBe(count() - 1);
    expect(lastOf('audit.verified').detail).toMatchObject({ ok: true, checked: good.checked });

    const target = lastOf('customer.updated');
    const outside = new Database(app.core.dbFile);
    outside.exec('drop trigger audit_log_no_update');
    outside
      .prepare('update audit_log set detail = ? where id = ?')
      .run(JSON.stringify({ changes: { mobile: ['138****5678', '138****0000'] } }), target.id);
    outside.close();

    const bad = await app.ok('audit.verify', {}, app.adminToken);
    expect(bad.ok).toBe(false);
    expect(bad.broken).toMatchObject({ id: target.id, problem: 'content' });
    expect(bad.broken!.message).toContain(`第 ${target.id} 条`);
    expect(bad.checked).toBe(target.id - 1);
    expect(lastOf('audit.verified').detail).toMatchObject({ ok: false, brokenId: target.id });
  });
});
