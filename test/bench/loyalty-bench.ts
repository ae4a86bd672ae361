import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { LoyaltySettings } from '../../electron/contract/loyalty-settings';
import { windowStart } from '../../electron/domain/loyalty/loyalty-dates';
import { databaseFileName } from '../../electron/server/data-dir';
import type { BenchServer } from './api-server';
import { startBenchServer } from './api-server';
import { benchDataDir } from './bench-db';
import type { Figures, Row } from './stats';
import { firstCalls, percentiles, printTable, timeAsync, timeSync } from './stats';

/** The store day the server will see (Asia/Shanghai, the default zone; the bench data keeps the default). */
const storeToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const marksKey = 'loyalty.runMarks';
const tierRankSql = (col: string) =>
  `case ${col} when 'black' then 3 when 'gold' then 2 when 'silver' then 1 else 0 end`;

/**
 * The tier pass over the whole base as one set-based statement (points basis, the default and the demo's):
 * qualifying points of the 12 months per member from the earned index, beside the stored tiers, and how many
 * would move up (and down, on a review day). The app's pass (tiers.ts) reads the same two sets and compares in JS.
 */
function rawTierPass(raw: Database.Database, today: string, s: LoyaltySettings): unknown {
  const t = s.thresholds;
  return raw
    .prepare(
      `with f as (select customer_id as id, sum(points) as p from loyalty_postings indexed by loyalty_postings_earned_idx
           where kind in ('earn', 'reverse') and posted_on between @from and @today group by customer_id),
         m as (select customer_id as id, tier from loyalty_members where tier <> 'regular'),
         ids as (select id from f union select id from m),
         r as (select ${tierRankSql("coalesce(m.tier, 'regular')")} as stored,
                 case when coalesce(f.p, 0) >= @black then 3 when coalesce(f.p, 0) >= @gold then 2
                      when coalesce(f.p, 0) >= @silver then 1 else 0 end as reached
               from ids left join f on f.id = ids.id left join m on m.id = ids.id)
       select count(*) as checked, coalesce(sum(reached > stored), 0) as up, coalesce(sum(reached < stored), 0) as down
       from r`,
    )
    .get({
      from: windowStart(today),
      today,
      silver: t.silver.points,
      gold: t.gold.points,
      black: t.black.points,
    });
}

/** The expiry pass's reads: lots ended before today for members with a lot ending since `since`, and the care list. */
function rawExpiryReads(raw: Database.Database, since: string, today: string, noticeEnd: string): void {
  const due = `select customer_id,
      sum(case when expires_on < @before then points when (points < 0 and kind <> 'reverse') or kind = 'redeem'
        then points else 0 end) as due,
      min(case when expires_on >= @first and expires_on < @before and points > 0 then expires_on end) as firstOn
    from loyalty_postings indexed by loyalty_postings_customer_idx
    where customer_id in (select customer_id from loyalty_postings indexed by loyalty_postings_expiry_idx
      where expires_on >= @first and expires_on < @before)
    group by customer_id having due > 0`;
  raw.prepare(due).all({ first: since, before: today });
  raw.prepare(due).all({ first: today, before: noticeEnd });
}

const ledgerSql = `select p.id, p.kind, p.source, p.source_table, p.source_id, p.points, p.posted_on, p.expires_on,
    p.reason, p.created_at, p.created_by, cu.display_name, p.approved_by, au.display_name
  from loyalty_postings p indexed by loyalty_postings_customer_idx
  left join users cu on cu.id = p.created_by left join users au on au.id = p.approved_by
  where p.customer_id = ? and p.id < ? order by p.id desc limit 51`;
const balanceSql =
  'select coalesce(sum(points), 0) from loyalty_postings indexed by loyalty_postings_customer_idx where customer_id = ?';

function rawLedgerPage(raw: Database.Database, customerId: number, cursor: number): number | null {
  const rows = raw.prepare(ledgerSql).raw().all(customerId, cursor) as [number][];
  raw.prepare(balanceSql).pluck().get(customerId);
  return rows.length > 50 ? rows[49]![0] : null;
}

/** What the card's member panel reads (member-view.ts), as plain statements. */
function rawMember(raw: Database.Database, customerId: number, today: string, noticeEnd: string): void {
  const from = windowStart(today);
  raw.prepare('select 1 from customers where id = ?').get(customerId);
  raw
    .prepare('select tier, tier_since, referral_code from loyalty_members where customer_id = ?')
    .get(customerId);
  raw
    .prepare(
      `select coalesce(sum(points), 0) from loyalty_postings indexed by loyalty_postings_customer_idx
       where customer_id = ? and kind in ('earn', 'reverse') and posted_on between ? and ?`,
    )
    .get(customerId, from, today);
  raw
    .prepare(
      `select count(*), coalesce(sum(amount_fen), 0) from service_visits where customer_id = ? and visit_date between ? and ?`,
    )
    .get(customerId, from, today);
  raw
    .prepare(
      `select coalesce(sum(price_fen), 0) from vehicles where owner_id = ? and delivery_date between ? and ?`,
    )
    .get(customerId, from, today);
  raw
    .prepare(
      `select sum(case when expires_on < @before then points when (points < 0 and kind <> 'reverse') or kind = 'redeem'
          then points else 0 end), min(case when expires_on >= @first and expires_on < @before and points > 0 then expires_on end)
       from loyalty_postings indexed by loyalty_postings_customer_idx where customer_id = @id`,
    )
    .get({ id: customerId, first: today, before: noticeEnd });
  raw
    .prepare('select * from loyalty_tier_changes where customer_id = ? order by id desc limit 10')
    .all(customerId);
  raw.prepare(balanceSql).pluck().get(customerId);
}

interface Car {
  id: number;
  ownerId: number;
  km: number;
}

/**
 * A visit that earns points, as plain SQL in one IMMEDIATE transaction: the holder and the mileage checks, the
 * visit (its visit-facts triggers fire as for the app), the vehicle's mileage and the customer's last visit, the
 * earned points (what the source had, the posting, the member row) and the tier figures. Not the call-back
 * regeneration, derived fields and audit row visits.create also does.
 */
function rawVisitWithPoints(raw: Database.Database, car: Car, today: string, now: string): void {
  raw
    .transaction(() => {
      raw
        .prepare('select owner_id, delivery_date, mileage_km, mileage_at from vehicles where id = ?')
        .get(car.id);
      raw
        .prepare(
          `select customer_id from vehicle_ownerships where vehicle_id = ? and from_date <= ? and (to_date is null or to_date > ?)
           order by from_date desc, id desc limit 1`,
        )
        .get(car.id, today, today);
      raw
        .prepare(
          'select visit_date, mileage_km from service_visits where vehicle_id = ? and visit_date < ? order by mileage_km desc limit 1',
        )
        .get(car.id, today);
      raw
        .prepare(
          'select visit_date, mileage_km from service_visits where vehicle_id = ? and visit_date > ? order by mileage_km asc limit 1',
        )
        .get(car.id, today);
      const visitId = raw
        .prepare(
          `insert into service_visits (vehicle_id, customer_id, visit_date, type, mileage_km, amount_fen)
           values (?, ?, ?, 'maintenance', ?, 68000)`,
        )
        .run(car.id, car.ownerId, today, (car.km += 50)).lastInsertRowid;
      raw
        .prepare(
          'update vehicles set mileage_km = ?, mileage_at = ?, updated_at = ?, version = version + 1 where id = ?',
        )
        .run(car.km, today, now, car.id);
      raw
        .prepare(
          'update customers set last_visit_at = ? where id = ? and (last_visit_at is null or last_visit_at < ?)',
        )
        .run(today, car.ownerId, today);
      raw
        .prepare(
          `select coalesce(sum(points), 0) from loyalty_postings where source_table = 'service_visits' and source_id = ?
             and customer_id = ? and kind in ('earn', 'reverse')`,
        )
        .get(visitId, car.ownerId);
      raw
        .prepare(
          `insert into loyalty_members (customer_id, tier, updated_at) values (?, 'regular', ?) on conflict (customer_id) do nothing`,
        )
        .run(car.ownerId, now);
      raw
        .prepare(
          `insert into loyalty_postings (customer_id, kind, source, source_table, source_id, points, posted_on, expires_on,
             reason, created_at) values (?, 'earn', 'service_visit', 'service_visits', ?, 68, ?, ?, '进站消费 ¥680.00', ?)`,
        )
        .run(car.ownerId, visitId, today, `${Number(today.slice(0, 4)) + 2}-12-31`, now);
      raw.prepare('select tier from loyalty_members where customer_id = ?').get(car.ownerId);
      raw
        .prepare(
          `select coalesce(sum(points), 0) from loyalty_postings indexed by loyalty_postings_customer_idx
           where customer_id = ? and kind in ('earn', 'reverse') and posted_on between ? and ?`,
        )
        .get(car.ownerId, windowStart(today), today);
    })
    .immediate();
}

/** A manual adjustment below the approval size, as plain SQL: balance, the request row, the posting, balance. */
function rawAdjust(raw: Database.Database, customerId: number, today: string, now: string): void {
  raw
    .transaction(() => {
      raw.prepare(balanceSql).pluck().get(customerId);
      const id = raw
        .prepare(
          `insert into loyalty_adjustments (customer_id, points, reason, state, requested_by, requested_at)
           values (?, 10, '压测调整', 'approved', (select min(id) from users), ?)`,
        )
        .run(customerId, now).lastInsertRowid;
      raw
        .prepare(
          `insert into loyalty_members (customer_id, tier, updated_at) values (?, 'regular', ?) on conflict (customer_id) do nothing`,
        )
        .run(customerId, now);
      raw
        .prepare(
          `insert into loyalty_postings (customer_id, kind, source, source_table, source_id, points, posted_on, expires_on,
             reason, created_by, created_at) values (?, 'adjust', 'manual', 'loyalty_adjustments', ?, 10, ?, ?, '压测调整', (select min(id) from users), ?)`,
        )
        .run(customerId, id, today, `${Number(today.slice(0, 4)) + 2}-12-31`, now);
      raw.prepare(balanceSql).pluck().get(customerId);
    })
    .immediate();
}

/** A redemption as plain SQL: the balance under the write lock, the voucher number, the redemption and its line. */
function rawRedeem(
  raw: Database.Database,
  customerId: number,
  rewardId: number,
  today: string,
  now: string,
): void {
  raw
    .transaction(() => {
      raw.prepare('select id, name from customers where id = ?').get(customerId);
      raw.prepare('select * from loyalty_rewards where id = ?').get(rewardId);
      raw.prepare(balanceSql).pluck().get(customerId);
      const seq =
        (raw
          .prepare('select count(*) from loyalty_redemptions where redeemed_on = ?')
          .pluck()
          .get(today) as number) + 1;
      const id = raw
        .prepare(
          `insert into loyalty_redemptions (voucher_no, customer_id, reward_id, quantity, points, redeemed_on, redeemed_by, created_at)
           values (?, ?, ?, 1, 10, ?, (select min(id) from users), ?)`,
        )
        .run(
          `RAW${today.replace(/-/g, '')}-${seq}-${customerId}`,
          customerId,
          rewardId,
          today,
          now,
        ).lastInsertRowid;
      raw
        .prepare(
          `insert into loyalty_postings (customer_id, kind, source, source_table, source_id, points, posted_on, reason,
             created_by, created_at) values (?, 'redeem', 'redemption', 'loyalty_redemptions', ?, -10, ?, '压测兑换', (select min(id) from users), ?)`,
        )
        .run(customerId, id, today, now);
    })
    .immediate();
  raw.prepare(balanceSql).pluck().get(customerId);
}

const once = (ms: number): Figures => ({ p50: ms, p95: ms, n: 1 });

/** Sets the loyalty pass's marks as if it last ran yesterday and the yearly review is due today (or not). */
function setMarks(raw: Database.Database, today: string, reviewDue: boolean, now: string): void {
  const lastYear = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  const marks = { ranOn: d.toISOString().slice(0, 10), reviewedOn: reviewDue ? lastYear : today };
  raw
    .prepare(
      `insert into store_settings (key, value, updated_at) values (?, ?, ?)
       on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(marksKey, JSON.stringify(marks), now);
}

/**
 * 会员积分 at a scale, on a copy of the cached database (the passes and postings write; the cache is shared): the
 * daily pass with the tier re-evaluation of the whole base (first of the day on a fresh server, again the same
 * day, and on the yearly review day with downgrades), a visit that earns points, a manual adjustment, a
 * redemption, the ledger's first and second page and the card's member panel — through HTTP beside the same
 * work as raw SQL on the copy; cold (first calls of a fresh server) and warm.
 */
export async function benchLoyalty(
  scale: 'S' | 'M' | 'L',
  port: number,
  reps: number,
  log: (line: string) => void,
): Promise<Row[]> {
  const source = benchDataDir(scale, log);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-loyalty-bench-'));
  const rows: Row[] = [];
  let raw: Database.Database | null = null;
  try {
    const src = new Database(path.join(source, databaseFileName), { readonly: true });
    const t0 = performance.now();
    await src.backup(path.join(dir, databaseFileName));
    src.close();
    log(`  ${scale}: copied the database in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    raw = new Database(path.join(dir, databaseFileName));
    raw.pragma('journal_mode = WAL');
    raw.pragma('busy_timeout = 5000');
    const db = raw;
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    log(
      `  会员 ${count('select count(*) from loyalty_members')}，非普通 ${count("select count(*) from loyalty_members where tier <> 'regular'")}，积分流水 ${count('select count(*) from loyalty_postings')}，兑换 ${count('select count(*) from loyalty_redemptions')}`,
    );
    const today = storeToday();
    const now = () => new Date().toISOString();
    const noticeEnd = (() => {
      const d = new Date(`${today}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 30);
      return d.toISOString().slice(0, 10);
    })();
    // Members with the longest ledgers (pages worth paging), and the richest (redemptions that never run dry).
    const busy = db
      .prepare(
        `select customer_id from loyalty_postings group by customer_id having count(*) > 60 order by customer_id limit 400`,
      )
      .pluck()
      .all() as number[];
    const rich = db
      .prepare(
        `select customer_id from loyalty_postings group by customer_id having sum(points) >= 5000 order by customer_id limit 400`,
      )
      .pluck()
      .all() as number[];
    const members = db
      .prepare(
        'select customer_id from loyalty_members where customer_id % 37 = 5 order by customer_id limit 400',
      )
      .pluck()
      .all() as number[];
    const cars = db
      .prepare(
        `select v.id, v.owner_id as ownerId, max(coalesce(v.mileage_km, 0), coalesce((select max(mileage_km) from service_visits s
           where s.vehicle_id = v.id), 0)) + 100 as km
         from vehicles v where v.owner_id is not null and v.delivery_date is not null and v.delivery_date < ?
           and v.id % 11 = 3 order by v.id limit ?`,
      )
      .all(today, 2 * reps + 40) as Car[];
    log(
      `  ledgers > 60 lines: ${busy.length}; balance ≥ 5000: ${rich.length}; cars for visits: ${cars.length}`,
    );
    const ledgerCursor = new Map<number, number | null>();
    for (const id of busy) ledgerCursor.set(id, rawLedgerPage(db, id, Number.MAX_SAFE_INTEGER));

    // Cold: a fresh server, the pass first (the morning's), then the first card panels and ledger pages.
    setMarks(db, today, false, now());
    let server: BenchServer = await startBenchServer(dir, port);
    let settings: LoyaltySettings;
    try {
      settings = (await server.call('loyalty.settings', {})) as LoyaltySettings;
      if (settings.tierBasis !== 'points')
        log(`  (tier basis ${settings.tierBasis}: the raw tier pass counts points)`);
      let t = performance.now();
      const first = await server.call('loyalty.runDaily', {});
      rows.push({
        scale,
        operation: 'loyalty.runDaily first of the day, fresh server (expiry, care calls, tiers of all)',
        api: once(performance.now() - t),
        raw: null,
        target: '< 2 s',
      });
      log(`    first pass: ${JSON.stringify(first)}`);
      rows.push({
        scale,
        operation: 'loyalty.member (card panel) — first 20 calls after start (cold)',
        api: await firstCalls(20, (i) =>
          server.call('loyalty.member', { customerId: members[(i * 7) % members.length] }),
        ),
        raw: null,
      });
      rows.push({
        scale,
        operation: 'loyalty.ledger first page — first 20 calls after start (cold)',
        api: await firstCalls(20, (i) =>
          server.call('loyalty.ledger', { customerId: busy[(i * 7) % busy.length], limit: 50 }),
        ),
        raw: null,
      });
      t = performance.now();
      await server.call('visits.create', {
        vehicleId: cars[0]!.id,
        visitDate: today,
        type: 'maintenance',
        mileageKm: (cars[0]!.km += 50),
        amountFen: 68000,
      });
      rows.push({
        scale,
        operation: 'visits.create earning points — first after start (cold)',
        api: once(performance.now() - t),
        raw: null,
      });
    } finally {
      await server.stop();
    }

    // Warm: a server that has been answering for a while.
    server = await startBenchServer(dir, port);
    try {
      for (let i = 0; i < 50; i++) {
        await server.call('loyalty.member', { customerId: members[i % members.length] });
        await server.call('loyalty.ledger', { customerId: busy[i % busy.length], limit: 50 });
      }
      const passReps = Math.max(5, Math.min(15, Math.floor(reps / 20)));
      rows.push({
        scale,
        operation: 'loyalty.runDaily again the same day (tier re-evaluation of all members)',
        api: await timeAsync(passReps, () => server.call('loyalty.runDaily', {})),
        raw: timeSync(passReps, () => {
          rawExpiryReads(db, today, today, noticeEnd);
          rawTierPass(db, today, settings);
        }),
        target: '< 2 s',
      });
      // The yearly review today: downgrades allowed. The first moves tiers, later ones re-check an unchanged base.
      await server.call('loyalty.updateSettings', { reviewDate: today.slice(5) });
      log(`    review (raw count before): ${JSON.stringify(rawTierPass(db, today, settings))}`);
      setMarks(db, today, true, now());
      let t = performance.now();
      const review = await server.call('loyalty.runDaily', {});
      rows.push({
        scale,
        operation: 'loyalty.runDaily on the yearly review day (first: downgrades written)',
        api: once(performance.now() - t),
        raw: null,
        target: '< 2 s',
      });
      log(`    review pass: ${JSON.stringify(review)}`);
      const reviewTimes: number[] = [];
      for (let i = 0; i < passReps; i++) {
        setMarks(db, today, true, now());
        t = performance.now();
        await server.call('loyalty.runDaily', {});
        reviewTimes.push(performance.now() - t);
      }
      rows.push({
        scale,
        operation: 'loyalty.runDaily on the review day again (all members, nothing to move)',
        api: percentiles(reviewTimes),
        raw: timeSync(passReps, () => rawTierPass(db, today, settings)),
        target: '< 2 s',
      });

      let car = 1;
      rows.push({
        scale,
        operation: 'visits.create earning points (visit + points + tier check + call-backs)',
        api: await timeAsync(reps, () => {
          const c = cars[car++ % cars.length]!;
          return server.call('visits.create', {
            vehicleId: c.id,
            visitDate: today,
            type: 'maintenance',
            mileageKm: (c.km += 50),
            amountFen: 68000,
          });
        }),
        raw: timeSync(reps, () => rawVisitWithPoints(db, cars[car++ % cars.length]!, today, now())),
        target: 'p95 < 10 ms',
      });
      rows.push({
        scale,
        operation: 'loyalty.adjust +10 (posting below the approval size)',
        api: await timeAsync(reps, (i) =>
          server.call('loyalty.adjust', {
            customerId: members[i % members.length],
            points: 10,
            reason: '压测调整',
          }),
        ),
        raw: timeSync(reps, (i) => rawAdjust(db, members[(i + 7) % members.length]!, today, now())),
        target: 'p95 < 10 ms',
      });
      const reward = (await server.call('loyalty.saveReward', {
        name: '压测兑换券',
        kind: 'gift',
        pointsPrice: 10,
        stock: null,
        active: true,
      })) as { id: number };
      rows.push({
        scale,
        operation: 'loyalty.redeem (balance check, voucher, ledger line)',
        api: await timeAsync(reps, (i) =>
          server.call('loyalty.redeem', {
            customerId: rich[i % rich.length],
            rewardId: reward.id,
            quantity: 1,
          }),
        ),
        raw: timeSync(reps, (i) => rawRedeem(db, rich[(i + 3) % rich.length]!, reward.id, today, now())),
      });
      rows.push({
        scale,
        operation: 'loyalty.ledger first page (50 lines, balance)',
        api: await timeAsync(reps, (i) =>
          server.call('loyalty.ledger', { customerId: busy[i % busy.length], limit: 50 }),
        ),
        raw: timeSync(reps, (i) => rawLedgerPage(db, busy[i % busy.length]!, Number.MAX_SAFE_INTEGER)),
        target: 'p95 < 10 ms',
      });
      const paged = busy.filter((id) => ledgerCursor.get(id) !== null);
      if (paged.length > 0)
        rows.push({
          scale,
          operation: 'loyalty.ledger second page (cursor)',
          api: await timeAsync(reps, (i) => {
            const id = paged[i % paged.length]!;
            return server.call('loyalty.ledger', { customerId: id, cursor: ledgerCursor.get(id), limit: 50 });
          }),
          raw: timeSync(reps, (i) => {
            const id = paged[i % paged.length]!;
            rawLedgerPage(db, id, ledgerCursor.get(id)!);
          }),
        });
      rows.push({
        scale,
        operation: 'loyalty.member (card panel: tier, figures, expiring, balance)',
        api: await timeAsync(reps, (i) =>
          server.call('loyalty.member', { customerId: members[i % members.length] }),
        ),
        raw: timeSync(reps, (i) => rawMember(db, members[i % members.length]!, today, noticeEnd)),
        target: 'p95 < 10 ms',
      });
    } finally {
      await server.stop();
    }
    return rows;
  } finally {
    raw?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx test/bench/loyalty-bench.ts L 5600` runs this module alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const scale = (process.argv[2] ?? 'L') as 'S' | 'M' | 'L';
  benchLoyalty(scale, Number(process.argv[3] ?? 5397), 200, (l) => console.log(l))
    .then((rows) => printTable(rows))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
