import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../electron/contract';
import type { ChannelParsedInput } from '../../electron/contract';
import { exportCustomers, maxExportRows } from '../../electron/domain/exports/customer-export';
import type { ServiceContext } from '../../electron/domain/context';
import { resolveSession, sessionHours } from '../../electron/domain/auth/sessions';
import { fixtureVin } from '../fixtures/imports/make-fixtures';
import type { TestApp } from '../helpers/test-app';
import { adminPassword, createTestApp } from '../helpers/test-app';
import type { TestClock } from '../helpers/test-clock';
import { testClock } from '../helpers/test-clock';

// What staff meet on day one and no test covered: import revert after call-backs were worked, the session's
// 12-hour edge, password change ending sessions, the export row cap, and the admin/system channels via the API.

const hour = 3600_000;
const minute = 60_000;

describe('import revert after its call-backs were worked', () => {
  let app: TestApp;
  let time: TestClock;
  beforeAll(async () => {
    time = testClock('2026-11-22T02:00:00Z');
    app = await createTestApp({ clock: time.clock });
  });
  afterAll(() => app.close());

  const waitForJob = async (jobId: string) => {
    for (let i = 0; i < 600; i++) {
      const p = await app.ok('imports.progress', { jobId }, app.adminToken);
      if (p.phase === 'done' || p.phase === 'failed') return p;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  };

  it('refuses to revert once an operator recorded a call on a task the import created, changing nothing', async () => {
    // Delivered three days ago: the import generates the delivery call-backs, one of them due today.
    const csv = `姓名,手机,车架号,品牌,车系,交车日期\n郑晓彤,13900001111,${fixtureVin('LVGBE40K7MG09001')},丰田,凯美瑞,2026-11-19\n`;
    const jobId = (
      await app.ok(
        'imports.apply',
        { fileName: 'delivered.csv', contentBase64: Buffer.from(csv).toString('base64') },
        app.adminToken,
      )
    ).jobId;
    const done = await waitForJob(jobId);
    expect(done.phase).toBe('done');
    const batchId = done.result!.batchId;
    const db = app.core.db.$client;
    const tasks = (db.prepare('select count(*) as n from callback_tasks').get() as { n: number }).n;
    expect(tasks).toBeGreaterThan(0);

    const operator = await app.userWithRole('callback_operator');
    const panel = await app.ok('callbacks.next', {}, operator);
    expect(panel?.customer.name).toBe('郑晓彤');
    const taskIds = panel!.reasons.map((r) => r.taskId);
    await app.ok('callbacks.record', { taskIds, outcome: 'no_answer' }, operator);

    const snapshot = () => ({
      customers: db.prepare('select * from customers order by id').all(),
      vehicles: db.prepare('select * from vehicles order by id').all(),
      tasks: db.prepare('select * from callback_tasks order by id').all(),
      attempts: db.prepare('select * from callback_attempts order by id').all(),
    });
    const before = snapshot();
    const refused = await app.call('imports.revert', { batchId }, app.adminToken);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    if (!refused.ok) expect(refused.error.message).toContain('导入生成的回访任务已被处理');
    expect(snapshot()).toEqual(before);
    expect(db.prepare('select status from import_batches where id = ?').get(batchId)).toEqual({
      status: 'applied',
    });
  });
});

describe('sessions last 12 hours', () => {
  let app: TestApp;
  let time: TestClock;
  beforeAll(async () => {
    time = testClock('2026-11-22T00:00:00Z');
    app = await createTestApp({ clock: time.clock });
  });
  afterAll(() => app.close());

  it('is valid at 11:59 after sign-in and ended at 12:00', async () => {
    expect(sessionHours).toBe(12);
    time.set('2026-11-22T00:00:00Z');
    const login = await app.ok('auth.login', { username: 'admin', password: adminPassword }, null);
    expect(login.expiresAt).toBe('2026-11-22T12:00:00.000Z');
    time.advance(11 * hour + 59 * minute);
    expect((await app.ok('auth.me', {}, login.token!)).username).toBe('admin');
    time.advance(minute);
    expect(await app.call('auth.me', {}, login.token!)).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
    // Ended for good: winding the clock back does not revive it.
    time.set('2026-11-22T06:00:00Z');
    expect(resolveSession(app.core.db, login.token!, time.now())).toBeNull();
  });
});

describe('changing one’s password', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('ends every other session of that user (other workstations too), keeps this one, and only theirs', async () => {
    await app.ok(
      'users.create',
      { username: 'huifang', displayName: '回访小周', role: 'callback_operator', password: 'Old-Pass-1234' },
      app.adminToken,
    );
    const desk = await app.login('huifang', 'Old-Pass-1234');
    const laptop = await app.login('huifang', 'Old-Pass-1234');
    const other = await app.userWithRole('front_desk');

    await app.ok(
      'auth.changePassword',
      { currentPassword: 'Old-Pass-1234', newPassword: 'New-Pass-5678' },
      desk,
    );
    // The workstation that changed it stays signed in; every other session of the account ends.
    expect((await app.ok('auth.me', {}, desk)).username).toBe('huifang');
    expect(await app.call('auth.me', {}, laptop)).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
    const sessions = app.core.db.$client
      .prepare(
        "select count(*) as n from sessions s join users u on u.id = s.user_id where u.username = 'huifang'",
      )
      .get() as { n: number };
    expect(sessions.n).toBe(1);
    expect((await app.ok('auth.me', {}, other)).role).toBe('front_desk');
    expect((await app.ok('auth.me', {}, app.adminToken)).role).toBe('admin');
    expect(
      await app.call('auth.login', { username: 'huifang', password: 'Old-Pass-1234' }, null),
    ).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
    expect(await app.login('huifang', 'New-Pass-5678')).toBeTruthy();
  });

  it('refuses a wrong current password and keeps the sessions', async () => {
    const token = await app.login('huifang', 'New-Pass-5678');
    const wrong = await app.call(
      'auth.changePassword',
      { currentPassword: 'nope-nope', newPassword: 'Other-Pass-1' },
      token,
    );
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'validation', message: '当前密码不正确' } });
    expect((await app.ok('auth.me', {}, token)).username).toBe('huifang');
  });
});

describe('export row cap', () => {
  let app: TestApp;
  let ctx: ServiceContext;
  const input = (over: object = {}) =>
    contract['customers.export'].input.parse({
      sort: 'name',
      direction: 'asc',
      ...over,
    }) as ChannelParsedInput<'customers.export'>;
  const namesIn = async (base64: string) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const nameColumn = (sheet.getRow(1).values as unknown[]).indexOf('姓名');
    const names: string[] = [];
    // The last row is the footer that says who exported the file and when, not a customer.
    const footer = String(sheet.getRow(sheet.rowCount).getCell(1).value);
    expect(footer).toMatch(/^由 .+ 于 .+ 导出（已脱敏）$/);
    for (let r = 2; r < sheet.rowCount; r++) names.push(String(sheet.getRow(r).getCell(nameColumn).value));
    return names;
  };

  beforeAll(async () => {
    app = await createTestApp();
    for (const [i, name] of ['丁一', '王二', '张三', '李四', '赵五', '钱六', '孙七'].entries()) {
      await app.ok('customers.create', { name, mobile: `1370000${1000 + i}` }, app.adminToken);
    }
    const user = resolveSession(app.core.db, app.adminToken, new Date());
    ctx = { db: app.core.db, clock: () => new Date(), user, token: app.adminToken };
  });
  afterAll(() => app.close());

  it('stops at the cap with the first customers in the list’s order and says truncated', async () => {
    const listed = (
      await app.ok('customers.list', { sort: 'name', direction: 'asc', limit: 50 }, app.adminToken)
    ).rows.map((r) => r.name);
    expect(listed).toHaveLength(7);
    const capped = await exportCustomers(ctx, input(), 5);
    expect(capped).toMatchObject({ rowCount: 5, truncated: true });
    expect(await namesIn(capped.contentBase64)).toEqual(listed.slice(0, 5));
  });

  it('is not truncated when the list fits exactly, nor through the API below the real cap', async () => {
    expect(await exportCustomers(ctx, input(), 7)).toMatchObject({ rowCount: 7, truncated: false });
    expect(maxExportRows).toBe(200_000);
    const viaApi = await app.ok('customers.export', { sort: 'name', direction: 'asc' }, app.adminToken);
    expect(viaApi).toMatchObject({ rowCount: 7, truncated: false });
  });
});

describe('administration and system channels through the API', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('users.list shows every account with role, department and state; only for administrators', async () => {
    const departments = await app.ok('users.departments', {}, app.adminToken);
    const service = departments.find((d) => d.code === 'service');
    expect(departments.map((d) => d.name)).toEqual([
      '销售部',
      '售后部',
      '客服部',
      '财务部',
      '市场部',
      '行政部',
    ]);
    const created = await app.ok(
      'users.create',
      {
        username: 'shouhou',
        displayName: '售后老陈',
        role: 'complaint_handler',
        departmentId: service!.id,
        password: 'Service-Pass-1',
      },
      app.adminToken,
    );
    await app.ok(
      'users.update',
      { id: created.id, version: created.version, disabled: true },
      app.adminToken,
    );
    const list = await app.ok('users.list', {}, app.adminToken);
    expect(list.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'shouhou']));
    expect(list.find((u) => u.username === 'shouhou')).toMatchObject({
      displayName: '售后老陈',
      role: 'complaint_handler',
      departmentId: service!.id,
      departmentName: '售后部',
      disabled: true,
    });
    const clerk = await app.userWithRole('front_desk');
    expect(await app.call('users.list', {}, clerk)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    // Departments are for everyone signed in (tickets are routed to them), nobody else.
    expect((await app.ok('users.departments', {}, clerk)).length).toBe(6);
    expect(await app.call('users.departments', {}, null)).toMatchObject({
      ok: false,
      error: { kind: 'unauthenticated' },
    });
  });

  it('system.info says empty, demo.generate fills it once and is refused on a non-empty database', async () => {
    const info = await app.ok('system.info', {}, app.adminToken);
    expect(info).toMatchObject({ customerCount: 0, empty: true });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    const clerk = await app.userWithRole('front_desk');
    expect(await app.call('demo.generate', { scale: 'S' }, clerk)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });

    const demo = await app.ok('demo.generate', { scale: 'S' }, app.adminToken);
    expect(demo.customers).toBe(2000);
    expect(await app.ok('system.info', {}, clerk)).toMatchObject({ customerCount: 2000, empty: false });

    const again = await app.call('demo.generate', { scale: 'S' }, app.adminToken);
    expect(again).toMatchObject({
      ok: false,
      error: { kind: 'conflict', message: '数据库中已有客户数据，演示数据只能在空数据库中生成' },
    });
    expect((await app.ok('system.info', {}, app.adminToken)).customerCount).toBe(2000);
  });

  it('refuses demo data when a single real customer exists', async () => {
    const other = await createTestApp();
    try {
      await other.ok('customers.create', { name: '真实客户', mobile: '13600001111' }, other.adminToken);
      expect(await other.call('demo.generate', { scale: 'S' }, other.adminToken)).toMatchObject({
        ok: false,
        error: { kind: 'conflict' },
      });
      expect((await other.ok('system.info', {}, other.adminToken)).customerCount).toBe(1);
    } finally {
      other.close();
    }
  });
});
