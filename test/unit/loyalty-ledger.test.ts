import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../electron/contract/auth';
import { addDays } from '../../electron/domain/callbacks/dates';
import { localDate } from '../../electron/domain/clock';
import type { AuthedContext } from '../../electron/domain/context';
import { settleSource } from '../../electron/domain/loyalty/earnings';
import { expirePoints } from '../../electron/domain/loyalty/expiry';
import { balanceOf } from '../../electron/domain/loyalty/ledger';
import { expiryDateOf } from '../../electron/domain/loyalty/loyalty-dates';
import { loadLoyaltySettings } from '../../electron/domain/loyalty/loyalty-settings';
import { redeem } from '../../electron/domain/loyalty/redemption';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

/** A small seeded generator, so a failing sequence can be replayed from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random sequences of earnings (some back-dated), redemptions, reversals of earlier earnings and expiry passes on
 * a moving clock. After every step: the balance is the ledger's sum and never negative; a redemption succeeds
 * exactly when the balance covers it; after an expiry pass no expired point is left (the balance is at most what
 * the live lots hold) and nothing live was taken (the balance is the smaller of before and the live lots); a
 * second pass the same day takes nothing.
 */
describe('ledger invariants under random sequences', () => {
  let app: TestApp;
  let now = new Date('2024-01-10T04:00:00Z');
  let ctx: AuthedContext;
  let rewardIds: number[] = [];

  beforeAll(async () => {
    app = await createTestApp({ clock: () => new Date(now) });
    const sqlite = app.core.db.$client;
    ctx = {
      db: app.core.db,
      clock: () => new Date(now),
      user: { id: 1, username: 'admin' } as SessionUser,
      token: null,
    };
    rewardIds = [50, 120, 400].map((price) =>
      Number(
        sqlite
          .prepare("insert into loyalty_rewards (name, kind, points_price) values (?, 'gift', ?)")
          .run(`礼品${price}`, price).lastInsertRowid,
      ),
    );
  });
  afterAll(() => app.close());

  const sum = (customerId: number) =>
    app.core.db.$client
      .prepare('select coalesce(sum(points), 0) from loyalty_postings where customer_id = ?')
      .pluck()
      .get(customerId) as number;
  /** What the lots still valid on `day` hold, net of their reversals. */
  const liveLots = (customerId: number, day: string) =>
    app.core.db.$client
      .prepare(
        `select coalesce(sum(net), 0) from (select sum(points) as net, min(expires_on) as e from loyalty_postings
         where customer_id = ? and (kind in ('earn', 'reverse') or (kind = 'adjust' and points > 0))
         group by source_table, source_id) where e >= ?`,
      )
      .pluck()
      .get(customerId, day) as number;

  it.each([1, 2, 3, 4, 5, 6])('seed %i', (seed) => {
    const sqlite = app.core.db.$client;
    const random = mulberry32(seed);
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    const customerId = Number(
      sqlite.prepare("insert into customers (name, stage) values (?, 'owner')").run(`随机${seed}`)
        .lastInsertRowid,
    );
    const settings = loadLoyaltySettings(sqlite);
    const sources: { id: number; earnedOn: string }[] = [];
    let lastPass = '0000-01-01';
    for (let step = 0; step < 150; step++) {
      const today = localDate(now);
      const stamp = { today, now: now.toISOString(), by: 1 };
      const before = balanceOf(sqlite, customerId);
      const roll = random();
      if (roll < 0.35) {
        const earnedOn = random() < 0.2 ? addDays(today, -int(1, 500)) : today;
        const id = seed * 10_000 + step;
        const posted = settleSource(
          sqlite,
          {
            customerId,
            source: 'service_visit',
            sourceTable: 'test_sources',
            sourceId: id,
            points: int(1, 600),
            earnedOn,
          },
          stamp,
          settings,
        );
        if (posted > 0) sources.push({ id, earnedOn });
        else expect(expiryDateOf(earnedOn, settings.expiryYears) < today).toBe(true);
      } else if (roll < 0.6) {
        const rewardId = rewardIds[int(0, rewardIds.length - 1)]!;
        const quantity = int(1, 3);
        const price =
          (sqlite
            .prepare('select points_price from loyalty_rewards where id = ?')
            .pluck()
            .get(rewardId) as number) * quantity;
        let ok = true;
        try {
          redeem(ctx, { customerId, rewardId, quantity });
        } catch {
          ok = false;
        }
        expect(ok).toBe(before >= price);
        expect(balanceOf(sqlite, customerId)).toBe(ok ? before - price : before);
      } else if (roll < 0.75 && sources.length) {
        const source = sources[int(0, sources.length - 1)]!;
        settleSource(
          sqlite,
          {
            customerId,
            source: 'service_visit',
            sourceTable: 'test_sources',
            sourceId: source.id,
            points: random() < 0.5 ? 0 : int(0, 300),
            earnedOn: source.earnedOn,
          },
          stamp,
          settings,
        );
      } else {
        // Days, sometimes a year end, pass; then the day's expiry.
        now = new Date(now.getTime() + int(1, 200) * 86_400_000);
        const day = localDate(now);
        const held = balanceOf(sqlite, customerId);
        sqlite.transaction(() => expirePoints(sqlite, lastPass, { today: day, now: now.toISOString() }))();
        lastPass = addDays(day, -1);
        const after = balanceOf(sqlite, customerId);
        expect(after).toBe(Math.min(held, liveLots(customerId, day)));
        sqlite.transaction(() =>
          expirePoints(sqlite, '0000-01-01', { today: day, now: now.toISOString() }),
        )();
        expect(balanceOf(sqlite, customerId)).toBe(after);
      }
      const balance = balanceOf(sqlite, customerId);
      expect(balance).toBe(sum(customerId));
      expect(balance).toBeGreaterThanOrEqual(0);
    }
  });

  it('reversing points that already expired or were spent takes nothing from the other points', () => {
    const sqlite = app.core.db.$client;
    const customerId = Number(
      sqlite.prepare("insert into customers (name, stage) values ('冲回客户', 'owner')").run()
        .lastInsertRowid,
    );
    const today = localDate(now);
    const stamp = { today, now: now.toISOString(), by: 1 };
    const settings = loadLoyaltySettings(sqlite);
    const lot = (sourceId: number, points: number, earnedOn: string) =>
      settleSource(
        sqlite,
        { customerId, source: 'service_visit', sourceTable: 'test_lots', sourceId, points, earnedOn },
        stamp,
        settings,
      );
    // An old lot that runs out at the end of this year, and a new one.
    expect(lot(1, 100, `${Number(today.slice(0, 4)) - settings.expiryYears}-06-01`)).toBe(100);
    expect(lot(2, 50, today)).toBe(50);
    const nextYear = `${Number(today.slice(0, 4)) + 1}-01-02`;
    sqlite.transaction(() =>
      expirePoints(sqlite, '0000-01-01', { today: nextYear, now: now.toISOString() }),
    )();
    expect(balanceOf(sqlite, customerId)).toBe(50);
    // The expired lot's source is reverted: nothing of it is left, the new lot stays whole.
    expect(lot(1, 0, `${Number(today.slice(0, 4)) - settings.expiryYears}-06-01`)).toBe(0);
    expect(balanceOf(sqlite, customerId)).toBe(50);
    expect(lot(2, 20, today)).toBe(-30);
    expect(balanceOf(sqlite, customerId)).toBe(20);
  });
});
