import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startAppCore } from '../../electron/server/app-core';
import { createTestApp } from '../helpers/test-app';
import { vinCheckDigit } from '../../electron/common/vin';

const vin = (s: string) => `${s.slice(0, 8)}${vinCheckDigit(s)}${s.slice(9)}`;

describe('daily upkeep at start and on a new store day', () => {
  it('moves a new owner to 老客户 half a year on, and fills the call-back queue, without a request', async () => {
    let now = new Date(2026, 10, 22, 9, 0, 0);
    const app = await createTestApp({ clock: () => now });
    const token = app.adminToken;
    const c = await app.ok('customers.create', { name: '周新车', mobile: '13600001234', tags: [] }, token);
    await app.ok(
      'customers.setConsent',
      { customerId: c.id, purpose: 'care', granted: true, channel: 'phone' },
      token,
    );
    await app.ok(
      'vehicles.create',
      {
        customerId: c.id,
        fields: { vin: vin('LFV2A21K0P0001234'), brand: '大众', series: '迈腾', deliveryDate: '2026-11-20' },
      },
      token,
    );
    expect(app.core.db.$client.prepare('select stage from customers where id = ?').pluck().get(c.id)).toBe(
      'new_owner',
    );
    const dataDir = app.dataDir;
    // As if the tasks had never been generated (a database restored from before the delivery was entered).
    app.core.db.$client.exec('delete from callback_tasks');
    app.core.close();
    const restart = async (at: Date) => {
      now = at;
      const core = await startAppCore({ dataDir, clock: () => now, dailyUpkeep: true });
      await core.upkeepSettled();
      return core;
    };
    const stageOf = (core: Awaited<ReturnType<typeof restart>>) =>
      core.db.$client.prepare('select stage from customers where id = ?').pluck().get(c.id);
    try {
      // A month later the app starts; nobody has opened the card or the queue yet.
      const month = await restart(new Date(2026, 11, 21, 8, 30, 0));
      const open = month.db.$client
        .prepare("select rule_code from callback_tasks where customer_id = ? and status = 'open'")
        .pluck()
        .all(c.id) as string[];
      expect(open).toContain('delivery_1m');
      expect(stageOf(month)).toBe('new_owner');
      // Once per day: a second check the same day does nothing more.
      month.db.$client.exec('delete from callback_tasks');
      await month.upkeepSettled();
      expect(month.db.$client.prepare('select count(*) from callback_tasks').pluck().get()).toBe(0);
      month.close();

      // Seven months on, the stored stage has caught up with the calendar: 新车客户 → 老客户.
      const later = await restart(new Date(2027, 5, 25, 8, 30, 0));
      expect(stageOf(later)).toBe('owner');
      later.close();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
