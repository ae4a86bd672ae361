import type Database from 'better-sqlite3';

// There is no settings table to keep these in, so they live in memory per database connection: the first queue
// read or claim of a store day (or a server start that calls ensureDailyGeneration) does the day's work once.
const generatedOn = new WeakMap<Database.Database, string>();
const expiredOn = new WeakMap<Database.Database, string>();

export const runMarks = {
  generated: (sqlite: Database.Database) => generatedOn.get(sqlite),
  markGenerated: (sqlite: Database.Database, today: string) => generatedOn.set(sqlite, today),
  expired: (sqlite: Database.Database) => expiredOn.get(sqlite),
  markExpired: (sqlite: Database.Database, today: string) => expiredOn.set(sqlite, today),
};
