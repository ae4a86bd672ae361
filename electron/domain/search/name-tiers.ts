import type Database from 'better-sqlite3';
import type { SearchMatch } from '../../contract/search';
import { prepared } from '../customers/sql-cache';
import type { CandidateSet, Hit } from './recency-top';
import { prefixEnd, topByRecency } from './recency-top';

/** One rank of results: every customer it finds ranks below all found by the tiers before it. */
export interface Tier {
  match: SearchMatch;
  find(sqlite: Database.Database, limit: number): Hit[];
}

const setTier = (match: SearchMatch, set: CandidateSet): Tier => ({
  match,
  find: (sqlite, limit) => topByRecency(sqlite, set, limit),
});

const gramExists = 'exists (select 1 from customer_name_grams g where g.gram = ? and g.customer_id = c.id)';

/**
 * Name tiers for Chinese text: the whole name, then names starting with it, then names containing it. Each
 * tier leaves out what an earlier one found, so every tier can be cut at the same limit.
 */
export function nameTiers(text: string, lower: string): Tier[] {
  const end = prefixEnd(text);
  const notPrefix = 'not (c.name >= ? and c.name < ?)';
  return [
    setTier('name_exact', {
      where: 'c.name = ?',
      params: [text],
      matched: 'c.name',
      driver: {
        sql: 'select id from customers indexed by customers_name_idx where name = ?',
        params: [text],
      },
    }),
    setTier('name_prefix', {
      where: 'c.name > ? and c.name < ?',
      params: [text, end],
      matched: 'c.name',
      driver: {
        sql: 'select id from customers indexed by customers_name_idx where name > ? and name < ?',
        params: [text, end],
      },
    }),
    {
      match: 'name',
      find: (sqlite, limit) =>
        topByRecency(sqlite, substringSet(sqlite, lower, [text, end], notPrefix), limit),
    },
  ];
}

/**
 * Names containing `lower`. One or two characters are a gram themselves; longer text is found through its
 * rarest two-character piece and confirmed on the name, since every bigram of the text must be in the name.
 */
function substringSet(
  sqlite: Database.Database,
  lower: string,
  prefixRange: string[],
  notPrefix: string,
): CandidateSet {
  const chars = [...lower];
  if (chars.length <= 2) {
    return {
      where: `${gramExists} and ${notPrefix}`,
      params: [lower, ...prefixRange],
      matched: 'c.name',
      driver: { sql: 'select customer_id as id from customer_name_grams where gram = ?', params: [lower] },
    };
  }
  const bigrams = [...new Set(chars.slice(1).map((ch, i) => chars[i] + ch))];
  const rarest = rarestGram(sqlite, bigrams);
  return {
    where: `${gramExists} and instr(lower(c.name), ?) > 0 and ${notPrefix}`,
    params: [rarest, lower, ...prefixRange],
    matched: 'c.name',
    driver: { sql: 'select customer_id as id from customer_name_grams where gram = ?', params: [rarest] },
  };
}

/** Each gram is counted only up to a bound, and a gram rare enough ends the search early. */
function rarestGram(sqlite: Database.Database, grams: string[]): string {
  const count = prepared(
    sqlite,
    'select count(*) as n from (select 1 from customer_name_grams where gram = ? limit 5000)',
  );
  let best = grams[0]!;
  let bestN = Infinity;
  for (const gram of grams) {
    const { n } = count.get(gram) as { n: number };
    if (n < bestN) {
      best = gram;
      bestN = n;
    }
    if (n < 50) break;
  }
  return best;
}

/** Pinyin tiers for latin letters: full pinyin (whole, then prefix), then initials (whole, then prefix). */
export function pinyinTiers(letters: string): Tier[] {
  const end = prefixEnd(letters);
  const keyTiers = (match: SearchMatch, column: string, index: string): Tier[] => [
    setTier(match, {
      where: `c.${column} = ?`,
      params: [letters],
      matched: `c.${column}`,
      driver: { sql: `select id from customers indexed by ${index} where ${column} = ?`, params: [letters] },
    }),
    setTier(match, {
      where: `c.${column} > ? and c.${column} < ?`,
      params: [letters, end],
      matched: `c.${column}`,
      driver: {
        sql: `select id from customers indexed by ${index} where ${column} > ? and ${column} < ?`,
        params: [letters, end],
      },
    }),
  ];
  return [
    ...keyTiers('pinyin', 'name_pinyin', 'customers_pinyin_idx'),
    ...keyTiers('initials', 'name_initials', 'customers_initials_idx'),
  ];
}
