import type { ChannelOutput, ChannelParsedInput } from '../../contract';
import type { SearchMatch, SearchResult } from '../../contract/search';
import type { ServiceContext } from '../context';
import { prepared } from '../customers/sql-cache';
import { classifyQuery } from './classify-query';
import { keyTiers } from './key-tiers';
import { countMatches, matchIdLists } from './match-sets';
import type { Tier } from './name-tiers';
import { nameTiers, pinyinTiers } from './name-tiers';

type Found = { id: number; match: SearchMatch; matchedText: string };

/** Beyond this many matches the count says "at least": counting a whole common surname would cost more. */
export const searchCountCap = 5000;

/**
 * The front desk's one search box. The query is classified into the kinds it can be; the kinds run as tiers
 * in rank order (exact keys, partial keys, name, pinyin, initials), each reading at most `limit` customers
 * through an index, most recently visited first, and the search stops as soon as the better tiers filled the page.
 */
export function searchCustomers(
  ctx: ServiceContext,
  input: ChannelParsedInput<'customers.search'>,
): ChannelOutput<'customers.search'> {
  const sqlite = ctx.db.$client;
  const plan = classifyQuery(input.q);
  const tiers: Tier[] = [
    ...keyTiers(plan),
    ...(plan.name ? nameTiers(sqlite, plan.name.text, plan.name.lower) : []),
    ...(plan.pinyin ? pinyinTiers(plan.pinyin) : []),
  ];
  const found = new Map<number, Found>();
  for (const tier of tiers) {
    if (found.size >= input.limit) break;
    for (const hit of tier.find(sqlite, input.limit)) {
      if (!found.has(hit.id))
        found.set(hit.id, { id: hit.id, match: tier.match, matchedText: hit.matchedText });
    }
  }
  const results = describe(ctx, [...found.values()].slice(0, input.limit));
  const count = countMatches(sqlite, matchIdLists(sqlite, plan), searchCountCap);
  return { results, total: count.total, totalCapped: count.capped };
}

/** Name, phone, stage and vehicles for the few customers found, in two indexed reads. */
function describe(ctx: ServiceContext, found: Found[]): SearchResult[] {
  if (!found.length) return [];
  const sqlite = ctx.db.$client;
  const ids = found.map((f) => f.id);
  const marks = ids.map(() => '?').join(',');
  const people = prepared(sqlite, `select id, name, mobile, stage from customers where id in (${marks})`).all(
    ...ids,
  ) as Pick<SearchResult, 'id' | 'name' | 'mobile' | 'stage'>[];
  const cars = prepared(
    sqlite,
    `select owner_id as id, group_concat(plate, ' ') as plates, group_concat(distinct series) as series
       from vehicles indexed by vehicles_owner_idx where owner_id in (${marks}) group by owner_id`,
  ).all(...ids) as { id: number; plates: string | null; series: string | null }[];
  const personById = new Map(people.map((p) => [p.id, p]));
  const carsById = new Map(cars.map((c) => [c.id, c]));
  return found.flatMap((f) => {
    const person = personById.get(f.id);
    if (!person) return [];
    const car = carsById.get(f.id);
    return [
      {
        ...person,
        plates: car?.plates ?? null,
        series: car?.series ?? null,
        match: f.match,
        matchedText: f.matchedText,
      },
    ];
  });
}
