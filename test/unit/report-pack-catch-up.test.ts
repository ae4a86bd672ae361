import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import type { AppDb } from '../../db/open-database';
import { openDatabase } from '../../db/open-database';
import * as schema from '../../db/schema';
import { withVisitDeletesInBulk, withVisitInsertsInBulk } from '../../db/suspended-triggers';
import type { ReportPack } from '../../electron/contract/reports';
import { visitCreateInput } from '../../electron/contract/vehicles';
import type { AuthedContext } from '../../electron/domain/context';
import { generateDemo } from '../../electron/domain/demo/generate-demo';
import { catchUpLimit, keepMonth, lastChangeId } from '../../electron/domain/reports/fact-changes';
import { reportPack } from '../../electron/domain/reports/report-pack';
import { createVisit } from '../../electron/domain/vehicles/service-visit';

const now = new Date('2026-11-22T10:00:00+08:00');
const months = ['2026-10', '2026-11', '2026-03', '2025-06'];
const admin = { id: 1, username: 'admin', displayName: '管理员', role: 'admin', permissions: [] };
const contextOf = (db: AppDb) =>
  ({ db, clock: () => now, user: admin, token: null }) as unknown as AuthedContext;
const figures = (p: ReportPack) => ({ ...p, generatedAt: null });

/**
 * The pack after writes, with the kept structure and buyer months caught up from the change log
 * (electron/domain/reports/fact-changes.ts), equals the pack computed with every kept month cleared — on a copy,
 * so the kept months go on catching up across all the writes: a visit saved through the domain, one corrected,
 * moved to another month, to another customer (as a merge does) and deleted, a car's series and delivery
 * corrected, visits inserted and deleted in bulk (an import and its revert), a call recorded, a ticket closed;
 * and several writes before one read.
 */
describe('the report pack after a write', () => {
  it('equals the pack worked out from scratch', () => {
    const db = openDatabase(':memory:');
    migrateDatabase(db, { dbFile: null });
    generateDemo(db, { scale: 'S', seed: 20261203, now });
    const sqlite = db.$client;
    const ctx = contextOf(db);
    const fromScratch = (month: string) => {
      const copy = new Database(sqlite.serialize());
      try {
        copy.exec('delete from report_month_cache');
        return reportPack(contextOf(drizzle(copy, { schema }) as unknown as AppDb), month);
      } finally {
        copy.close();
      }
    };
    const caughtUp = () => sqlite.prepare('select count(*) from report_month_cache where seq > 0').pluck();
    const check = (what: string) => {
      for (const month of months)
        expect({ what, month, pack: figures(reportPack(ctx, month)) }).toEqual({
          what,
          month,
          pack: figures(fromScratch(month)),
        });
    };
    for (const month of months) reportPack(ctx, month);
    const visitIds = (where: string) =>
      sqlite.prepare(`select id from service_visits where ${where} order by id`).pluck().all() as number[];
    const car = sqlite
      .prepare(
        `select v.id, v.owner_id as ownerId, v.mileage_km as km from vehicles v
         where v.owner_id is not null and v.delivery_date < '2024-01-01' order by v.id limit 1`,
      )
      .get() as { id: number; ownerId: number; km: number | null };

    createVisit(
      ctx,
      visitCreateInput.parse({
        vehicleId: car.id,
        visitDate: '2026-10-18',
        mileageKm: (car.km ?? 0) + 5000,
        type: 'maintenance',
        amountFen: 45_600,
      }),
    );
    check('a visit saved');
    expect(caughtUp().get()).toBeGreaterThan(0);

    const [a, b, c, d] = visitIds(`visit_date between '2025-12-01' and '2026-10-31'`).slice(-4);
    sqlite.prepare('update service_visits set amount_fen = amount_fen + 1234 where id = ?').run(a);
    check('a visit corrected');
    sqlite.prepare("update service_visits set visit_date = '2024-12-03' where id = ?").run(b);
    sqlite.prepare("update service_visits set type = 'first_maintenance' where id = ?").run(c);
    check('a visit moved to another month, one made a first service');
    const other = sqlite
      .prepare(
        'select customer_id from service_visits where customer_id <> (select customer_id from service_visits where id = ?) limit 1',
      )
      .pluck()
      .get(d) as number;
    sqlite.prepare('update service_visits set customer_id = ? where id = ?').run(other, d);
    sqlite.prepare('delete from service_visits where id = ?').run(a);
    check('a visit moved to another customer, one deleted');

    sqlite
      .prepare("update vehicles set series = '测试车系', delivery_date = '2023-10-02' where id = ?")
      .run(car.id);
    check('a car corrected');

    // An import and its revert, with the visit triggers suspended and the facts brought up to date set-based.
    const cars = sqlite
      .prepare(
        'select id, owner_id as ownerId from vehicles where owner_id is not null order by id desc limit 40',
      )
      .all() as { id: number; ownerId: number }[];
    const insert = sqlite.prepare(
      `insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen)
       values (?, ?, ?, ?, ?, ?)`,
    );
    const imported: number[] = [];
    sqlite.transaction(() =>
      withVisitInsertsInBulk(sqlite, () =>
        cars.map((x, i) => {
          const id = Number(
            insert.run(
              x.id,
              x.ownerId,
              `2026-0${1 + (i % 9)}-1${i % 10}`,
              i % 2 ? 'repair' : 'maintenance',
              90_000 + i,
              10_000 * i,
            ).lastInsertRowid,
          );
          imported.push(id);
          return id;
        }),
      ),
    )();
    check('visits imported in bulk');
    const reverted = JSON.stringify(imported.filter((_, i) => i % 3 === 0));
    sqlite.transaction(() =>
      withVisitDeletesInBulk(sqlite, JSON.parse(reverted) as number[], () =>
        sqlite
          .prepare('delete from service_visits where id in (select value from json_each(?))')
          .run(reverted),
      ),
    )();
    check('some of them reverted');

    // Writes the kept months do not follow (those sections are read afresh): a call recorded, a ticket closed.
    const task = sqlite
      .prepare("select id, customer_id from callback_tasks where status = 'pending' limit 1")
      .get() as { id: number; customer_id: number } | undefined;
    if (task) {
      sqlite
        .prepare(
          `insert into callback_attempts (task_id, user_id, started_at, ended_at, outcome)
           values (?, 1, '2026-10-20T02:00:00.000Z', '2026-10-20T02:05:00.000Z', 'reached')`,
        )
        .run(task.id);
      sqlite.prepare("update callback_tasks set status = 'done' where id = ?").run(task.id);
    }
    sqlite
      .prepare(
        `update complaint_tickets set closed_at = '2026-10-21T03:00:00.000Z'
         where id = (select id from complaint_tickets where closed_at is null order by id limit 1)`,
      )
      .run();
    check('a call recorded, a ticket closed');

    // Too many changes behind: worked out afresh, the log pruned to what the kept months still need.
    const many = visitIds('1').slice(0, catchUpLimit + 1);
    sqlite.transaction(() => {
      const bump = sqlite.prepare('update service_visits set amount_fen = amount_fen + 1 where id = ?');
      for (const id of many) bump.run(id);
    })();
    check('more visits changed than the kept months catch up with');
    const kept = sqlite
      .prepare("select min(seq) from report_month_cache where kind in ('structure', 'buyers')")
      .pluck()
      .get() as number;
    expect(sqlite.prepare('select count(*) from report_fact_changes where id <= ?').pluck().get(kept)).toBe(
      0,
    );
    sqlite.close();
  }, 180_000);

  it('keeps no month whose later changes were pruned before it was kept', () => {
    const db = openDatabase(':memory:');
    migrateDatabase(db, { dbFile: null });
    const sqlite = db.$client;
    const log = sqlite.prepare(
      `insert into report_fact_changes (ym, customer_id, series, state, visits, revenue_fen)
       values ('2026-10', 1, '朗逸', 'in_warranty', 1, 100)`,
    );
    log.run();
    const seq = lastChangeId(sqlite);
    // Another connection's write and its pack's prune, between this pack's read and its keeping the month.
    log.run();
    sqlite.exec('delete from report_fact_changes');
    keepMonth(sqlite, 'structure', '2026-10', 'k', seq, '{}');
    expect(sqlite.prepare('select count(*) from report_month_cache').pluck().get()).toBe(0);
    // Nothing after it pruned: kept.
    keepMonth(sqlite, 'structure', '2026-10', 'k', lastChangeId(sqlite), '{}');
    expect(sqlite.prepare('select seq from report_month_cache').pluck().get()).toBe(2);
    sqlite.close();
  });
});
