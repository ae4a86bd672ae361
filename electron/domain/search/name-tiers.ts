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

// A list, not a correlated EXISTS: SQLite reads the gram's postings once per statement (with a Bloom filter),
// where EXISTS would descend the gram index again for every customer walked past.
const gramProbe = (gram: string) => ({
  sql: 'c.id in (select customer_id from customer_name_grams where gram = ?)',
  params: [gram],
});

/**
 * Name tiers for Chinese text: the whole name, then names starting with it, then names containing it. Each
 * tier leaves out what an earlier one found, so every tier can be cut at the same limit. Every name holding
 * the text holds its rarest gram (the text itself up to two characters), so all three tiers walk customers
 * with that gram's postings as the probe, and read a row only to confirm it.
 */
export function nameTiers(sqlite: Database.Database, text: string, lower: string): Tier[] {
  const end = prefixEnd(text);
  const chars = [...lower];
  const gram = nameGram(sqlite, lower);
  const probe = gramProbe(gram);
  const notPrefix = 'not (c.name >= ? and c.name < ?)';
  return [
    setTier('name_exact', {
      where: { sql: 'c.name = ?', params: [text] },
      matched: 'c.name',
      probe,
      driver: {
        sql: 'select id from customers indexed by customers_name_idx where name = ?',
        params: [text],
      },
    }),
    setTier('name_prefix', {
      where: { sql: 'c.name > ? and c.name < ?', params: [text, end] },
      matched: 'c.name',
      probe,
      driver: {
        sql: 'select id from customers indexed by customers_name_idx where name > ? and name < ?',
        params: [text, end],
      },
    }),
    setTier('name', {
      where:
        chars.length <= 2
          ? { sql: notPrefix, params: [text, end] }
          : { sql: `instr(lower(c.name), ?) > 0 and ${notPrefix}`, params: [lower, text, end] },
      matched: 'c.name',
      probe,
      driver: { sql: 'select customer_id as id from customer_name_grams where gram = ?', params: [gram] },
    }),
  ];
}

/**
 * The gram every name holding `lower` holds, with the fewest postings: the text itself up to two characters,
 * else its rarest bigram.
 */
export function nameGram(sqlite: Database.Database, lower: string): string {
  const chars = [...lower];
  if (chars.length <= 2) return lower;
  return rarestGram(sqlite, [...new Set(chars.slice(1).map((ch, i) => chars[i] + ch))]);
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
      where: { sql: `c.${column} = ?`, params: [letters] },
      matched: `c.${column}`,
      driver: { sql: `select id from customers indexed by ${index} where ${column} = ?`, params: [letters] },
    }),
    setTier(match, {
      where: { sql: `c.${column} > ? and c.${column} < ?`, params: [letters, end] },
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
