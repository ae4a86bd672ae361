import { describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../electron/domain/duplicates/customer-takeover';
import { takeOverFields } from '../../electron/domain/duplicates/customer-takeover';
import { parseIndexSql, plainColumn } from '../../electron/domain/duplicates/index-keys';
import { nameLikeness, phoneBlockingKeys, phoneCloseness } from '../../electron/domain/duplicates/similarity';

describe('phone closeness', () => {
  it('names each kind of near miss and nothing else', () => {
    expect(phoneCloseness('13812345678', '13812345679')).toBe('one_digit');
    expect(phoneCloseness('13812345678', '13812346578')).toBe('swapped_digits');
    expect(phoneCloseness('13812345678', '15912345678')).toBe('same_last8');
    expect(phoneCloseness('13812345678', '13812345678')).toBeNull();
    expect(phoneCloseness('13812345678', '13812345600')).toBeNull();
    expect(phoneCloseness('13812345678', '13812346587')).toBeNull();
    expect(phoneCloseness('1381234567', '13812345678')).toBeNull();
  });

  it('never misses a close pair through the scan blocking keys (last 4 or first 6 digits)', () => {
    const base = '13812345678';
    const variants: string[] = [];
    for (let i = 0; i < 11; i++) {
      for (const d of '0123456789')
        if (d !== base[i]) variants.push(base.slice(0, i) + d + base.slice(i + 1));
      if (i < 10) variants.push(base.slice(0, i) + base[i + 1] + base[i] + base.slice(i + 2));
    }
    for (const prefix of ['130', '159', '199']) variants.push(prefix + base.slice(3));
    const keys = phoneBlockingKeys(base);
    for (const v of variants) {
      if (!phoneCloseness(base, v)) continue;
      const k = phoneBlockingKeys(v);
      expect(k.tail4 === keys.tail4 || k.head6 === keys.head6, v).toBe(true);
    }
  });
});

describe('name likeness', () => {
  it('is the same name, or the same pinyin reading', () => {
    expect(nameLikeness({ name: '张三', pinyin: 'zhangsan' }, { name: '张三 ', pinyin: 'zhangsan' })).toBe(
      'same_name',
    );
    expect(nameLikeness({ name: '张三', pinyin: 'zhangsan' }, { name: '张叁', pinyin: 'zhangsan' })).toBe(
      'same_pinyin',
    );
    expect(
      nameLikeness({ name: '张三', pinyin: 'zhangsan' }, { name: '张山', pinyin: 'zhangshan' }),
    ).toBeNull();
    expect(nameLikeness({ name: 'A', pinyin: '' }, { name: 'B', pinyin: '' })).toBeNull();
  });
});

describe('index key parsing', () => {
  it('reads expression keys and partial-index conditions', () => {
    expect(
      parseIndexSql(
        'CREATE UNIQUE INDEX `callback_tasks_identity_idx` ON `callback_tasks` (`customer_id`, `rule_code`, `anchor_date`, coalesce(`vehicle_id`, 0))',
      ),
    ).toEqual({
      keys: ['`customer_id`', '`rule_code`', '`anchor_date`', 'coalesce(`vehicle_id`, 0)'],
      where: null,
    });
    expect(
      parseIndexSql(`create unique index x on "t"(a DESC, lower(b, ',(')) where deleted_at is null;`),
    ).toEqual({
      keys: ['a', "lower(b, ',(')"],
      where: 'deleted_at is null',
    });
  });

  it('tells plain columns from expressions', () => {
    expect(plainColumn('`customer_id`')).toBe('customer_id');
    expect(plainColumn('"tag" COLLATE NOCASE')).toBe('tag');
    expect(plainColumn('coalesce(`vehicle_id`, 0)')).toBeNull();
  });
});

describe('fields the survivor takes over', () => {
  const card = (over: Partial<CustomerRecord>): CustomerRecord => ({
    id: 1,
    name: '刘建国',
    mobile: null,
    mobile2: null,
    stage: 'lead',
    source_channel: 'walk_in',
    referrer_id: null,
    do_not_contact: 0,
    ...over,
  });

  it('fills gaps only, keeps a second phone, and carries do-not-contact and ownership over', () => {
    const survivor = card({
      id: 1,
      mobile: '13900000001',
      wechat: 'keep',
      stage: 'intent',
      last_visit_at: '2025-01-01',
    });
    const merged = card({
      id: 2,
      mobile: '13900000002',
      mobile2: '13900000003',
      wechat: 'other',
      birthday: '1980-01-01',
      stage: 'owner',
      do_not_contact: 1,
      do_not_contact_at: '2025-02-02T00:00:00.000Z',
      last_visit_at: '2026-01-01',
    });
    expect(takeOverFields(survivor, merged)).toEqual({
      set: {
        mobile2: '13900000002',
        birthday: '1980-01-01',
        do_not_contact: 1,
        do_not_contact_at: '2025-02-02T00:00:00.000Z',
        stage: 'owner',
        last_visit_at: '2026-01-01',
      },
      labels: ['第二手机号', '生日', '勿扰', '客户类型'],
    });
  });

  it('never makes the survivor its own referrer and repairs a referral that pointed at the merged card', () => {
    const survivor = card({ id: 1, mobile: '13900000001', source_channel: 'referral', referrer_id: null });
    expect(takeOverFields(survivor, card({ id: 2, referrer_id: 1, source_channel: 'phone' })).set).toEqual({
      source_channel: 'phone',
    });
    expect(takeOverFields(survivor, card({ id: 2, referrer_id: 7, source_channel: 'referral' })).set).toEqual(
      {
        referrer_id: 7,
        source_channel: 'referral',
      },
    );
  });
});
