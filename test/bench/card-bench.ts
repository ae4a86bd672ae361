import type Database from 'better-sqlite3';
import { detailSql, tagsSql } from '../../electron/domain/customers/customer-card';
import { consentsSql } from '../../electron/domain/customers/customer-consent';
import { factsSql, instantWindows } from '../../electron/domain/customers/customer-facts';
import { timelineSql } from '../../electron/domain/customers/customer-timeline';
import { cardSql, cardTimelineLimit } from '../../electron/domain/customers/customer-view';
import { localDate } from '../../electron/domain/clock';
import { ruleWindows } from '../../electron/domain/customers/customer-rules';
import { addMonths } from '../../electron/domain/customers/customer-rules/rule-dates';
import { vehicleSql } from '../../electron/domain/vehicles/vehicle-read';
import { threeGuaranteeSql } from '../../electron/domain/vehicles/three-guarantee-watch';
import type { BenchServer } from './api-server';
import type { Row } from './stats';
import { timeAsync, timeSync } from './stats';

/**
 * The customer card (issue "Customer card": p95 < 20 ms at scale L) at random customers and at the customers
 * with the most service visits (fleets), through the HTTP API; beside it, the card's very SQL on a raw
 * connection with statements prepared once: what is left is HTTP, JSON, zod, the router and the rules.
 */
export async function benchCard(
  scale: string,
  server: BenchServer,
  raw: Database.Database,
  reps: number,
): Promise<Row[]> {
  // The server runs on the system clock, so the raw side counts the same windows.
  const today = localDate(new Date());
  const { from12m, from24m } = ruleWindows(today);
  const windows = { from12: from12m, from24: from24m, today };
  const { since12m, since24m } = instantWindows(today);
  const maxId = (raw.prepare('select max(id) as m from customers').get() as { m: number }).m;
  const randomIds = Array.from({ length: reps }, (_, i) => 1 + ((i * 104_729 + 17) % maxId));
  const heavyIds = (
    raw
      .prepare(
        'select customer_id as id from service_visits group by customer_id order by count(*) desc limit 50',
      )
      .all() as { id: number }[]
  ).map((r) => r.id);

  const s = {
    detail: raw.prepare(detailSql),
    tags: raw.prepare(tagsSql),
    consents: raw.prepare(consentsSql),
    ownerships: raw.prepare(factsSql.ownerships),
    currentVehicles: raw.prepare(factsSql.currentVehicles),
    lastVisit: raw.prepare(factsSql.lastVisit),
    visitWindow: raw.prepare(factsSql.visitWindow),
    surveys: raw.prepare(factsSql.surveys),
    lastContact: raw.prepare(factsSql.lastContact),
    kindSince: raw.prepare(factsSql.kindSince),
    referrals: raw.prepare(factsSql.referrals),
    referrer: raw.prepare(cardSql.referrer),
    referred: raw.prepare(cardSql.referred),
    vehicles: raw.prepare(vehicleSql.byOwner),
    tgSettings: raw.prepare("select value from store_settings where key = 'threeGuarantee'"),
    tgRepairs: raw.prepare(threeGuaranteeSql.repairs),
    visits: raw.prepare(timelineSql.visits(0)),
    interactions: raw.prepare(timelineSql.interactions(0)),
  };
  // The setup above takes seconds at scale L, longer than the server keeps an idle keep-alive connection (5 s):
  // the next request could meet a closed socket, so one throwaway request opens a fresh one first.
  await server.call('auth.me', {}).catch(() => undefined);

  const rawCard = (id: number) => {
    const c = s.detail.get(id) as { referrerId: number | null };
    s.tags.all(id);
    s.consents.all(id);
    s.ownerships.all(id, id);
    s.currentVehicles.get(id);
    s.lastVisit.get(id);
    s.visitWindow.get({ id, ...windows });
    s.surveys.all(id, since24m);
    s.lastContact.get(id);
    s.kindSince.get(id, since12m, 'complaint');
    s.kindSince.get(id, since24m, 'event');
    s.referrals.get(id);
    if (c.referrerId) s.referrer.get(c.referrerId);
    s.referred.all(id);
    s.tgSettings.get();
    // Each car's 三包 watch: its quality repairs from delivery to the end of the warranty (3 years).
    for (const v of s.vehicles.all(id) as { id: number; deliveryDate: string | null }[])
      if (v.deliveryDate) s.tgRepairs.all(v.id, v.deliveryDate, addMonths(v.deliveryDate, 36));
    s.visits.all(id, '9999-12-31', '9999-12-31', Number.MAX_SAFE_INTEGER, cardTimelineLimit + 1);
    s.interactions.all(id, '9999', '9999', Number.MAX_SAFE_INTEGER, cardTimelineLimit + 1);
  };

  const rows: Row[] = [];
  rows.push({
    scale,
    operation: 'customers.card (random customers)',
    api: await timeAsync(reps, (i) => server.call('customers.card', { id: randomIds[i % randomIds.length] })),
    raw: timeSync(reps, (i) => rawCard(randomIds[i % randomIds.length]!)),
    target: '<20ms',
  });
  rows.push({
    scale,
    operation: `customers.card (${heavyIds.length} customers with most visits)`,
    api: await timeAsync(reps, (i) => server.call('customers.card', { id: heavyIds[i % heavyIds.length] })),
    raw: timeSync(reps, (i) => rawCard(heavyIds[i % heavyIds.length]!)),
    target: '<20ms',
  });

  // The second page of a long timeline: keyset paging costs what the first page does.
  const cursors = new Map<number, string>();
  for (const id of heavyIds) {
    const page = (await server.call('customers.timeline', { customerId: id, limit: 20 })) as {
      nextCursor: string | null;
    };
    if (page.nextCursor) cursors.set(id, page.nextCursor);
  }
  const paged = [...cursors.keys()];
  if (paged.length) {
    rows.push({
      scale,
      operation: 'customers.timeline page 2 (most visits)',
      api: await timeAsync(reps, (i) => {
        const id = paged[i % paged.length]!;
        return server.call('customers.timeline', { customerId: id, limit: 20, cursor: cursors.get(id) });
      }),
      raw: null,
    });
  }
  return rows;
}
