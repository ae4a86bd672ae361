import type Database from 'better-sqlite3';

/** The store days on which the day's work was done: queue generated, expired tasks closed, upkeep finished. */
interface Marks {
  generated?: string;
  /** The store day of the last pass over every customer's call-backs (not only the days new since the last). */
  swept?: string;
  /** The store day every customer's stored stage and grade were last brought up to (the upkeep's first step). */
  derived?: string;
  expired?: string;
  upkept?: string;
  /** How long that day's upkeep took, start to end, yields included (for the bench and for support). */
  upkeptMs?: number;
}

// Kept in store_settings (not one of the typed settings: the settings service reads only its own keys), so a
// restart on the same store day finds the day's work done instead of doing it again.
const key = 'upkeep.runMarks';
const cache = new WeakMap<Database.Database, Marks>();
/** Who runs the day's pass in the background on this connection (the server's upkeep scheduler), if anyone. */
const runners = new WeakMap<Database.Database, () => void>();

function load(sqlite: Database.Database): Marks {
  let marks = cache.get(sqlite);
  if (!marks) {
    const row = sqlite.prepare('select value from store_settings where key = ?').pluck().get(key) as
      string | undefined;
    marks = row ? (JSON.parse(row) as Marks) : {};
    cache.set(sqlite, marks);
  }
  return marks;
}

function save(sqlite: Database.Database, change: Marks): void {
  const marks = { ...load(sqlite), ...change };
  sqlite
    .prepare(
      `insert into store_settings (key, value, updated_at) values (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
       on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(key, JSON.stringify(marks));
  // Inside a transaction that may still roll back, the table stays the truth: read it again next time.
  if (sqlite.inTransaction) cache.delete(sqlite);
  else cache.set(sqlite, marks);
}

export const runMarks = {
  generated: (sqlite: Database.Database) => load(sqlite).generated,
  markGenerated: (sqlite: Database.Database, today: string, whole: boolean) =>
    save(sqlite, whole ? { generated: today, swept: today } : { generated: today }),
  swept: (sqlite: Database.Database) => load(sqlite).swept,
  expired: (sqlite: Database.Database) => load(sqlite).expired,
  markExpired: (sqlite: Database.Database, today: string) => save(sqlite, { expired: today }),
  derived: (sqlite: Database.Database) => load(sqlite).derived,
  markDerived: (sqlite: Database.Database, today: string) => save(sqlite, { derived: today }),
  upkept: (sqlite: Database.Database) => load(sqlite).upkept,
  markUpkept: (sqlite: Database.Database, today: string, tookMs: number) =>
    save(sqlite, { upkept: today, upkeptMs: Math.round(tookMs) }),
  /** Forgets the cached marks (another connection wrote them), so the next read goes to the table. */
  reload: (sqlite: Database.Database) => cache.delete(sqlite),
  /** The background runner of the day's pass; a reader that finds the day not done asks it instead of building. */
  setRunner: (sqlite: Database.Database, nudge: (() => void) | null) =>
    nudge ? runners.set(sqlite, nudge) : runners.delete(sqlite),
  runner: (sqlite: Database.Database) => runners.get(sqlite),
};
