import type Database from 'better-sqlite3';
import { quoteId } from '../duplicates/schema-info';

/** What a person's name, phone or ID number becomes inside text that is kept (a repair note). */
export const scrubMark = '[已删除]';

/** The person's identifying values as stored on their cards. */
export interface CardIdentity {
  name: string;
  mobile: string | null;
  mobile2: string | null;
  id_number: string | null;
  wechat: string | null;
  address: string | null;
  contact_person: string | null;
  employer: string | null;
}

const identitySql =
  'select name, mobile, mobile2, id_number, wechat, address, contact_person, employer from customers where id = ?';

export function readCardIdentities(sqlite: Database.Database, cardIds: readonly number[]): CardIdentity[] {
  const read = sqlite.prepare(identitySql);
  return cardIds.map((id) => read.get(id) as CardIdentity);
}

/**
 * Values to find in the person's own free text, longest first (so 张三丰 is replaced before 张三). A name of a
 * single character or a very short WeChat id would match ordinary words, so those are left alone.
 */
export function personTerms(cards: readonly CardIdentity[]): string[] {
  const terms = new Set<string>();
  const add = (v: string | null, min: number) => {
    const s = v?.trim();
    if (s && [...s].length >= min) terms.add(s);
  };
  for (const c of cards) {
    add(c.name, 2);
    add(c.contact_person, 2);
    add(c.mobile, 7);
    add(c.mobile2, 7);
    add(c.id_number, 15);
    add(c.wechat, 5);
    add(c.address, 6);
    add(c.employer, 4);
  }
  return [...terms].sort((a, b) => b.length - a.length);
}

/**
 * Numbers that name the person wherever they appear — other cards' notes, call notes, summaries — unlike a
 * name, which other people share.
 */
export function uniqueTerms(cards: readonly CardIdentity[]): string[] {
  const terms = new Set<string>();
  for (const c of cards) {
    for (const v of [c.mobile, c.mobile2, c.id_number]) if (v && v.length >= 7) terms.add(v);
    if (c.wechat && c.wechat.length >= 6) terms.add(c.wechat);
  }
  return [...terms].sort((a, b) => b.length - a.length);
}

export function scrubText(text: string, terms: readonly string[]): string {
  let out = text;
  for (const t of terms) if (out.includes(t)) out = out.split(t).join(scrubMark);
  return out;
}

/** Replaces the terms in the given text columns of the rows `where` selects; returns how many rows changed. */
export function scrubColumns(
  sqlite: Database.Database,
  table: string,
  columns: readonly string[],
  where: string,
  params: unknown[],
  terms: readonly string[],
): number {
  if (!columns.length || !terms.length) return 0;
  const cols = columns.map(quoteId);
  const rows = sqlite
    .prepare(`select rowid as __rowid, ${cols.join(', ')} from ${quoteId(table)} where ${where}`)
    .all(...params) as Record<string, unknown>[];
  const update = sqlite.prepare(
    `update ${quoteId(table)} set ${cols.map((c) => `${c} = ?`).join(', ')} where rowid = ?`,
  );
  let changed = 0;
  for (const row of rows) {
    const next = columns.map((c) => (typeof row[c] === 'string' ? scrubText(row[c], terms) : row[c]));
    if (next.every((v, i) => v === row[columns[i]!])) continue;
    update.run(...next, row.__rowid);
    changed++;
  }
  return changed;
}
