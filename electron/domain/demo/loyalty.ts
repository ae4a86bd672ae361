import type Database from 'better-sqlite3';
import { referralCodeAlphabet, referralCodeLength } from '../../contract/loyalty-terms';
import { runLoyaltyDaily } from '../loyalty/daily-pass';
import { loadLoyaltySettings } from '../loyalty/loyalty-settings';
import { isoDay } from './calendar';
import type { Rng } from './rng';

/**
 * The member programme's history, as the app would have posted it under the default settings: every service
 * visit's points (¥10 a point), every delivery's points to the car's first holder, event check-ins, the referral rewards of
 * referred customers who took delivery (stepped per referrer and year), a reward catalogue with redemptions
 * by a few members, and referral codes for the members who refer. Then the daily pass as of today: what is
 * past its last day expires (FIFO) and every member's tier is reached. Set-based (a few statements at any
 * scale), written after the customers from its own random stream, in the generator's transaction.
 */

const rewards: readonly [string, 'gift' | 'service_voucher' | 'experience', number, number | null][] = [
  ['品牌定制雨伞', 'gift', 800, 500],
  ['车载香氛礼盒', 'gift', 1500, 300],
  ['免费基础保养券', 'service_voucher', 3000, null],
  ['精致洗车 5 次卡', 'service_voucher', 1200, null],
  ['赛道驾驶体验日', 'experience', 20000, 40],
];

const expirySql = (col: string) => `printf('%04d-12-31', cast(substr(${col}, 1, 4) as integer) + @years)`;

export function writeDemoLoyalty(
  sqlite: Database.Database,
  rng: Rng,
  opts: { today: number; now: Date },
): { postings: number; members: number } {
  const settings = loadLoyaltySettings(sqlite);
  const today = isoDay(opts.today);
  const now = opts.now.toISOString();
  const p = { years: settings.expiryYears, today, now };
  sqlite.exec(`create temp table demo_earn (customer_id integer, source text, source_table text, source_id integer,
    points integer, posted_on text, reason text)`);
  try {
    sqlite
      .prepare(
        `insert into demo_earn select customer_id, 'service_visit', 'service_visits', id, amount_fen / cast(@fen as integer),
           visit_date, '进站消费 ¥' || printf('%.2f', amount_fen / 100.0)
         from service_visits where amount_fen >= @fen and visit_date <= @today`,
      )
      .run({ fen: settings.serviceFenPerPoint, today });
    sqlite
      .prepare(
        `insert into demo_earn select
           coalesce((select o.customer_id from vehicle_ownerships o where o.vehicle_id = v.id
                     order by o.from_date, o.id limit 1), v.owner_id),
           'delivery', 'vehicles', v.id, @points, v.delivery_date,
           '购车交车：' || v.series || coalesce(' ' || v.plate, '')
         from vehicles v where v.delivery_date is not null and v.delivery_date <= @today`,
      )
      .run({ points: settings.deliveryPoints, today });
    // Check-in times are stored in UTC; the store day is Beijing's (no daylight saving).
    sqlite
      .prepare(
        `insert into demo_earn select i.customer_id, 'event_checkin', 'event_invitees', i.id, @points,
           date(i.checked_in_at, '+8 hours'), '活动签到：' || e.title
         from event_invitees i join events e on e.id = i.event_id
         where i.status = 'checked_in' and i.checked_in_at is not null`,
      )
      .run({ points: settings.eventCheckinPoints });
    sqlite.exec(
      'delete from demo_earn where customer_id is null or posted_on > @today'.replace('@today', `'${today}'`),
    );
    // A referred customer's first delivery rewards both sides once; the referrer's step is their how-many-th
    // closed referral of that calendar year.
    const steps = settings.referrerPoints;
    sqlite.exec(`create temp table demo_referral as
      select c.id as referred, c.name as referredName, c.referrer_id as referrer, r.name as referrerName,
        d.deliveredOn, row_number() over (partition by c.referrer_id, substr(d.deliveredOn, 1, 4)
          order by d.deliveredOn, c.id) as n
      from customers c join customers r on r.id = c.referrer_id
      join (select customer_id, min(posted_on) as deliveredOn from demo_earn where source = 'delivery'
            group by customer_id) d on d.customer_id = c.id
      where c.referrer_id <> c.id`);
    const step = `case when n >= 3 then ${steps[2] ?? steps[steps.length - 1]} when n = 2 then ${steps[1] ?? steps[steps.length - 1]} else ${steps[0]} end`;
    sqlite.exec(`insert into demo_earn select referrer, 'referral', 'customers', referred, ${step}, deliveredOn,
        '推荐 ' || referredName || ' 成交（' || substr(deliveredOn, 1, 4) || ' 年第 ' || n || ' 次）'
      from demo_referral`);
    if (settings.refereePoints > 0) {
      sqlite.exec(`insert into demo_earn select referred, 'referral', 'customers', referred, ${settings.refereePoints},
          deliveredOn, '经 ' || referrerName || ' 推荐购车' from demo_referral`);
    }
    // Each member's lines in the order they happened, members one after another (the index grows in order).
    sqlite
      .prepare(
        `insert into loyalty_postings (customer_id, kind, source, source_table, source_id, points, posted_on,
           expires_on, reason, created_at)
         select customer_id, 'earn', source, source_table, source_id, points, posted_on, ${expirySql('posted_on')},
           reason, @now
         from demo_earn where points > 0 order by customer_id, posted_on, source_table, source_id`,
      )
      .run(p);
    sqlite
      .prepare(
        `insert into loyalty_members (customer_id, tier, updated_at)
         select distinct customer_id, 'regular', @now from demo_earn order by customer_id`,
      )
      .run({ now });
    writeCodes(sqlite, rng, now);
  } finally {
    sqlite.exec('drop table if exists temp.demo_earn; drop table if exists temp.demo_referral');
  }
  writeRedemptions(sqlite, rng, opts.today, now);
  runLoyaltyDaily(sqlite, { today, now });
  return {
    postings: sqlite.prepare('select count(*) from loyalty_postings').pluck().get() as number,
    members: sqlite.prepare('select count(*) from loyalty_members').pluck().get() as number,
  };
}

/** Codes for everyone who referred someone and about one member in five besides (asked for at the counter). */
function writeCodes(sqlite: Database.Database, rng: Rng, now: string): void {
  const ids = sqlite
    .prepare('select customer_id from loyalty_members order by customer_id')
    .pluck()
    .all() as number[];
  const referrers = new Set(sqlite.prepare('select referrer from demo_referral').pluck().all() as number[]);
  const set = sqlite.prepare(
    'update loyalty_members set referral_code = ?, updated_at = ? where customer_id = ?',
  );
  const taken = new Set<string>();
  for (const id of ids) {
    if (!referrers.has(id) && !rng.chance(0.2)) continue;
    let code = '';
    do {
      code = '';
      for (let i = 0; i < referralCodeLength; i++)
        code += referralCodeAlphabet[rng.int(0, referralCodeAlphabet.length - 1)];
    } while (taken.has(code));
    taken.add(code);
    set.run(code, now, id);
  }
}

/** The catalogue, and one redemption each for about one member in forty who could afford a reward. */
function writeRedemptions(sqlite: Database.Database, rng: Rng, today: number, now: string): void {
  const insertReward = sqlite.prepare(
    `insert into loyalty_rewards (name, kind, points_price, stock, active, description, created_at, updated_at)
     values (?, ?, ?, ?, 1, null, ?, ?)`,
  );
  const catalogue = rewards.map(([name, kind, price, stock]) => ({
    id: Number(insertReward.run(name, kind, price, stock, now, now).lastInsertRowid),
    name,
    price,
  }));
  const cheapest = Math.min(...catalogue.map((r) => r.price));
  const members = sqlite
    .prepare(
      `select customer_id as id, sum(points) as balance from loyalty_postings indexed by loyalty_postings_customer_idx
       group by customer_id having balance >= ?`,
    )
    .all(cheapest) as { id: number; balance: number }[];
  const insert = sqlite.prepare(
    `insert into loyalty_redemptions (voucher_no, customer_id, reward_id, quantity, points, redeemed_on, created_at)
     values (?, ?, ?, 1, ?, ?, ?)`,
  );
  const post = sqlite.prepare(
    `insert into loyalty_postings (customer_id, kind, source, source_table, source_id, points, posted_on, reason,
       created_at) values (?, 'redeem', 'redemption', 'loyalty_redemptions', ?, ?, ?, ?, ?)`,
  );
  const perDay = new Map<string, number>();
  for (const m of members) {
    if (!rng.chance(0.025)) continue;
    const affordable = catalogue.filter((r) => r.price <= m.balance);
    const reward = affordable[rng.int(0, affordable.length - 1)];
    if (!reward) continue;
    const day = isoDay(today - rng.int(1, 200));
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const voucherNo = `JF${day.replace(/-/g, '')}-${String(seq).padStart(3, '0')}`;
    const id = Number(insert.run(voucherNo, m.id, reward.id, reward.price, day, now).lastInsertRowid);
    post.run(m.id, id, -reward.price, day, `兑换 ${reward.name} × 1（凭证 ${voucherNo}）`, now);
  }
}
