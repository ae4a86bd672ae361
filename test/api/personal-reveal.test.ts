import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/server/router';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { callbackFixture } from '../helpers/callback-fixture';
import { testClock } from '../helpers/test-clock';

/** 查看完整信息 with a reason (or the call being worked), and the card-view log: once per user, customer and hour. */
describe('reveal and the card-view log', () => {
  let app: TestApp;
  const clock = testClock('2026-11-10T02:00:00Z'); // 10:00 in the store
  const fx = callbackFixture(() => app, '6');
  let customerId: number;
  const mobile = '13812340001';

  const auditRows = (action: string) =>
    fx
      .sql()
      .prepare(
        `select user_id as userId, username, customer_id as customerId, entity, entity_id as entityId, detail
         from audit_log where action = ? order by id`,
      )
      .all(action) as {
      userId: number;
      username: string;
      customerId: number;
      entity: string;
      entityId: string;
      detail: string | null;
    }[];

  beforeAll(async () => {
    app = await createTestApp({ clock: clock.clock });
    await fx.staff('op1', 'callback_operator');
    await fx.staff('op2', 'callback_operator');
    await fx.staff('desk', 'front_desk');
    customerId = fx.customer('查看甲', {
      mobile,
      mobile_tail: mobile.slice(-4),
      id_number: '11010519491231002X',
      address: '广东省惠州市惠城区麦地路12号',
    });
    fx.vehicle(customerId, '2026-11-07');
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    clock.set('2026-11-10T02:00:00Z');
    await fx.loginAll();
  });

  describe('customers.reveal', () => {
    it('gives one field in full with a typed reason and logs who, which field and why', async () => {
      const before = auditRows('personal.revealed').length;
      const r = await app.ok(
        'customers.reveal',
        { customerId, field: 'idNumber', reason: '客户办理保险需核对证件' },
        fx.tokens.desk!,
      );
      expect(r).toEqual({
        customerId,
        field: 'idNumber',
        value: '11010519491231002X',
        reason: '客户办理保险需核对证件',
      });
      const rows = auditRows('personal.revealed');
      expect(rows).toHaveLength(before + 1);
      const row = rows.at(-1)!;
      expect(row).toMatchObject({
        userId: fx.ids.desk,
        customerId,
        entity: 'customer',
        entityId: String(customerId),
      });
      expect(JSON.parse(row.detail!)).toMatchObject({ field: 'idNumber', reason: '客户办理保险需核对证件' });
      // The log says a reveal happened; it never becomes a copy of the value.
      expect(row.detail).not.toContain('11010519491231002X');
    });

    it('refuses a reveal without a reason and logs nothing', async () => {
      const before = auditRows('personal.revealed').length;
      for (const input of [
        { customerId, field: 'mobile' },
        { customerId, field: 'mobile', reason: ' 查 ' },
      ])
        expect(await app.call('customers.reveal', input, fx.tokens.desk)).toMatchObject({
          ok: false,
          error: { kind: 'validation', details: { fields: { reason: expect.stringContaining('原因') } } },
        });
      expect(auditRows('personal.revealed')).toHaveLength(before);
    });

    it('takes the call being worked as the reason, filled in; another operator’s task does not count', async () => {
      const panel = await app.ok('callbacks.next', { customerId }, fx.tokens.op1!);
      expect(panel?.customer.mobile).toBe('138****0001');
      const taskId = panel!.reasons[0]!.taskId;
      const r = await app.ok('customers.reveal', { customerId, field: 'mobile', taskId }, fx.tokens.op1!);
      expect(r.value).toBe(mobile);
      expect(r.reason).toBe(`回访任务 #${taskId}（${panel!.reasons[0]!.ruleName}）`);
      expect(JSON.parse(auditRows('personal.revealed').at(-1)!.detail!)).toMatchObject({
        field: 'mobile',
        taskId,
        reason: r.reason,
      });

      const before = auditRows('personal.revealed').length;
      const stolen = await app.call(
        'customers.reveal',
        { customerId, field: 'mobile', taskId },
        fx.tokens.op2,
      );
      expect(stolen).toMatchObject({ ok: false, error: { kind: 'validation' } });
      // Once the call is given back, the task no longer counts for op1 either.
      await app.ok('callbacks.release', { taskIds: panel!.reasons.map((x) => x.taskId) }, fx.tokens.op1!);
      const released = await app.call(
        'customers.reveal',
        { customerId, field: 'mobile', taskId },
        fx.tokens.op1,
      );
      expect(released).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(auditRows('personal.revealed')).toHaveLength(before);
    });

    it('answers not_found for a customer that does not exist', async () => {
      const r = await app.call(
        'customers.reveal',
        { customerId: 999_999, field: 'mobile', reason: '核对' },
        fx.tokens.desk,
      );
      expect(r).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    });
  });

  describe('customer.viewed', () => {
    const views = (userId: number) =>
      auditRows('customer.viewed').filter((r) => r.userId === userId && r.customerId === customerId).length;

    it('writes one row per user, customer and hour, for the card and customers.get alike', async () => {
      const desk = fx.ids.desk!;
      const start = views(desk);
      await app.ok('customers.card', { id: customerId }, fx.tokens.desk!);
      await app.ok('customers.card', { id: customerId }, fx.tokens.desk!);
      await app.ok('customers.get', { id: customerId }, fx.tokens.desk!);
      expect(views(desk)).toBe(start + 1);
      clock.advance(59 * 60_000);
      await fx.loginAll(); // past the idle timeout
      await app.ok('customers.card', { id: customerId }, fx.tokens.desk!);
      expect(views(desk)).toBe(start + 1);
      clock.advance(2 * 60_000);
      await fx.loginAll();
      await app.ok('customers.card', { id: customerId }, fx.tokens.desk!);
      expect(views(desk)).toBe(start + 2);
      // Someone else's view is their own row.
      const op2 = views(fx.ids.op2!);
      await app.ok('customers.get', { id: customerId }, fx.tokens.op2!);
      expect(views(fx.ids.op2!)).toBe(op2 + 1);
    });

    it('does not log list pages, search results or call panels', async () => {
      const before = auditRows('customer.viewed').length;
      await app.ok('customers.list', { filters: { text: mobile } }, fx.tokens.desk!);
      await app.ok('customers.search', { q: mobile }, fx.tokens.desk!);
      await app.ok('customers.search', { q: '0001' }, fx.tokens.desk!);
      expect(auditRows('customer.viewed')).toHaveLength(before);
    });

    it('is written by a router with privacy on only (the benchmark’s comparison server turns both off)', async () => {
      const bare = createRouter({ db: app.core.db, clock: clock.clock, privacy: false });
      clock.advance(3 * 60 * 60_000);
      await fx.loginAll();
      const before = auditRows('customer.viewed').length;
      const r = await bare('customers.card', { id: customerId }, { token: fx.tokens.desk! });
      expect(r).toMatchObject({ ok: true, data: { customer: { mobile } } });
      expect(auditRows('customer.viewed')).toHaveLength(before);
      const masked = await app.ok('customers.card', { id: customerId }, fx.tokens.desk!);
      expect(masked.customer.mobile).toBe('138****0001');
      expect(auditRows('customer.viewed')).toHaveLength(before + 1);
    });
  });
});
