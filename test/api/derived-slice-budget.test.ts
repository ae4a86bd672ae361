import { describe, expect, it } from 'vitest';
import { refreshDerivedSlice } from '../../electron/domain/customers/refresh-all-derived';
import { createTestApp } from '../helpers/test-app';

describe('a slice of the stage/grade pass keeps to its time budget', () => {
  it('stops after the customer that used the budget up, and the next slice goes on from there', async () => {
    const app = await createTestApp();
    try {
      const sqlite = app.core.db.$client;
      const insert = sqlite.prepare(`insert into customers (name, mobile) values (?, ?)`);
      const ids = ['甲一', '乙二', '丙三'].map((n, i) =>
        Number(insert.run(n, `1390000000${i}`).lastInsertRowid),
      );
      const cut = refreshDerivedSlice(sqlite, '2026-12-01', 0, 100, 0);
      expect(cut).toMatchObject({ checked: 1, lastId: ids[0] });
      const rest = refreshDerivedSlice(sqlite, '2026-12-01', cut.lastId!, 100);
      expect(rest).toMatchObject({ checked: 2, lastId: ids[2] });
    } finally {
      app.close();
    }
  });
});
