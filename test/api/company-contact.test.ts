import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

const start = new Date('2026-11-22T10:00:00+08:00');

describe('a company customer is spoken to through its contact person', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ clock: () => start });
  });
  afterAll(() => app.close());

  it('keeps the contact on the card, drops it for a person, and greets the contact in the script', async () => {
    const created = await app.ok(
      'customers.create',
      {
        name: '惠州市宏图贸易有限公司',
        mobile: '13912345678',
        isCompany: true,
        contactPerson: ' 李明 ',
        contactTitle: '经理',
        stage: 'owner',
      },
      app.adminToken,
    );
    expect(created).toMatchObject({ isCompany: true, contactPerson: '李明', contactTitle: '经理' });
    const vin = 'LSVCB000000000001';
    app.core.db.$client
      .prepare(
        `insert into vehicles (vin, vin_reversed, brand, series, plate, delivery_date, owner_id)
         values (?, ?, '大众', '帕萨特', '粤L·H0001', '2026-11-19', ?)`,
      )
      .run(vin, [...vin].reverse().join(''), created.id);
    await app.ok('callbacks.generate', {}, app.adminToken);
    const panel = await app.ok('callbacks.next', { customerId: created.id }, app.adminToken);
    expect(panel?.customer).toMatchObject({ salutation: '宏图贸易 李经理', contactPerson: '李明' });
    const script = panel!.reasons.find((r) => r.ruleCode === 'delivery_3d')!.script;
    expect(script.startsWith('宏图贸易 李经理您好')).toBe(true);
    expect(script).not.toContain('有限公司您好');
    await app.ok('callbacks.release', { taskIds: panel!.reasons.map((r) => r.taskId) }, app.adminToken);

    const asPerson = await app.ok(
      'customers.update',
      {
        id: created.id,
        version: (await app.ok('customers.get', { id: created.id }, app.adminToken)).version,
        fields: {
          name: '李明',
          gender: 'male',
          mobile: '13912345678',
          isCompany: false,
          contactPerson: '李明',
        },
      },
      app.adminToken,
    );
    expect(asPerson).toMatchObject({ isCompany: false, contactPerson: null, contactTitle: null });
    const again = await app.ok('callbacks.next', { customerId: created.id }, app.adminToken);
    expect(again!.customer.salutation).toBe('李先生');
  });
});
