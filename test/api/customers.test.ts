import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

describe('customers', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await createTestApp();
    token = await app.userWithRole('front_desk');
  });
  afterAll(() => app.close());

  it('creates a card with normalised phone, pinyin keys and tags', async () => {
    const c = await app.ok(
      'customers.create',
      {
        name: '张三',
        mobile: '+86 138-1234-5678',
        tags: ['VIP', 'VIP', '车队'],
        district: '惠城区',
        wechat: '',
      },
      token,
    );
    // Front desk sees the saved card masked (PIPL); the stored number is the normalised full one.
    expect(c).toMatchObject({
      name: '张三',
      mobile: '138****5678',
      tags: ['VIP', '车队'],
      wechat: null,
      version: 1,
    });
    const row = app.core.db.$client
      .prepare(
        'select name_pinyin as p, name_initials as i, mobile_tail as t, mobile as m from customers where id = ?',
      )
      .get(c.id);
    expect(row).toEqual({ p: 'zhangsan', i: 'zs', t: '5678', m: '13812345678' });
  });

  it('rejects a bad mobile with a Chinese message on the field, and stores nothing', async () => {
    const before = app.core.db.$client.prepare('select count(*) as n from customers').get();
    const r = await app.call('customers.create', { name: '李四', mobile: '12345' }, token);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.kind).toBe('validation');
      expect((r.error.details as { fields: Record<string, string> }).fields.mobile).toContain('手机号码无效');
    }
    expect(app.core.db.$client.prepare('select count(*) as n from customers').get()).toEqual(before);
  });

  it('requires a referrer for referrals, and one that exists', async () => {
    const missing = await app.call(
      'customers.create',
      { name: '赵六', mobile: '13900000001', sourceChannel: 'referral' },
      token,
    );
    expect(missing).toMatchObject({ ok: false, error: { kind: 'validation' } });
    const ghost = await app.call(
      'customers.create',
      { name: '赵六', mobile: '13900000001', sourceChannel: 'referral', referrerId: 99999 },
      token,
    );
    expect(ghost).toMatchObject({ ok: false, error: { kind: 'validation', message: '推荐人不存在' } });
  });

  it('refuses an edit on a stale copy with the current values, overwriting nothing', async () => {
    const c = await app.ok('customers.create', { name: '钱七', mobile: '13700000007' }, token);
    const first = await app.ok(
      'customers.update',
      { id: c.id, version: 1, fields: { name: '钱七', mobile: '13700000008' } },
      token,
    );
    expect(first.version).toBe(2);
    const stale = await app.call(
      'customers.update',
      { id: c.id, version: 1, fields: { name: '钱七七', mobile: '13700000009' } },
      token,
    );
    expect(stale).toMatchObject({
      ok: false,
      // The current card comes masked for front desk, like every card they are shown.
      error: { kind: 'conflict', details: { current: { mobile: '137****0008', version: 2 } } },
    });
    expect((await app.ok('customers.get', { id: c.id }, token)).name).toBe('钱七');
  });

  it('pages by keyset through values and then customers never seen in service', async () => {
    const db = app.core.db.$client;
    db.exec('delete from customer_tags; delete from customers;');
    const insert = db.prepare(
      "insert into customers (name, mobile, name_pinyin, name_initials, last_visit_at) values (?, ?, '', '', ?)",
    );
    for (let i = 0; i < 25; i++)
      insert.run(
        `客户${i}`,
        `1380000${String(i).padStart(4, '0')}`,
        i % 3 === 0 ? null : `2026-0${(i % 9) + 1}-15`,
      );
    const seen: number[] = [];
    let cursor: string | null = null;
    let total: number | null = null;
    let pages = 0;
    do {
      const page: {
        rows: { id: number; lastVisitAt: string | null }[];
        total: number | null;
        nextCursor: string | null;
      } = await app.ok('customers.list', { limit: 4, sort: 'lastVisit', direction: 'desc', cursor }, token);
      if (pages === 0) total = page.total;
      else expect(page.total).toBeNull();
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(total).toBe(25);
    expect(new Set(seen).size).toBe(25);
    const all = db.prepare('select id, last_visit_at as v from customers').all() as {
      id: number;
      v: string | null;
    }[];
    const byId = new Map(all.map((r) => [r.id, r.v]));
    const values = seen.map((id) => byId.get(id) ?? null);
    const nonNull = values.filter((v) => v !== null) as string[];
    expect(nonNull).toEqual([...nonNull].sort().reverse());
    expect(values.slice(nonNull.length).every((v) => v === null)).toBe(true);

    const asc = await app.ok('customers.list', { limit: 100, sort: 'lastVisit', direction: 'asc' }, token);
    expect(asc.rows[0]?.lastVisitAt).toBeNull();
    expect(asc.rows.map((r) => r.id).sort()).toEqual([...seen].sort());
  });

  it('filters by stage and district', async () => {
    await app.ok(
      'customers.create',
      { name: '孙八', mobile: '13600000008', stage: 'vip', district: '惠阳区' },
      token,
    );
    const page = await app.ok('customers.list', { filters: { stages: ['vip'], district: '惠阳区' } }, token);
    expect(page.rows.map((r) => r.name)).toEqual(['孙八']);
    expect(page.total).toBe(1);
  });

  it('turns a forged cursor into a validation error', async () => {
    const r = await app.call('customers.list', { cursor: 'not-a-cursor' }, token);
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });
});
