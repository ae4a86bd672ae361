import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withTransaction } from '../../electron/domain/customers/sql-cache';

/**
 * withTransaction (one better-sqlite3 wrapper per connection, used by visits.create and the call-back
 * regeneration) keeps db.transaction's semantics: commit, rollback on a throw, and a savepoint when nested that
 * undoes only its own writes when the inner call fails and the outer one catches it.
 */
describe('withTransaction', () => {
  let db: Database.Database;
  const rows = () => db.prepare('select v from t order by v').pluck().all();
  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('create table t (v integer)');
  });
  afterEach(() => db.close());

  it('commits, returns the value, and rolls back what a throwing call wrote', () => {
    expect(withTransaction(db, () => db.prepare('insert into t values (1)').run().changes)).toBe(1);
    expect(() =>
      withTransaction(db, () => {
        db.prepare('insert into t values (2)').run();
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(rows()).toEqual([1]);
    expect(db.inTransaction).toBe(false);
  });

  it('nested: the inner failure undoes only the inner writes; the outer commits the rest', () => {
    withTransaction(db, () => {
      db.prepare('insert into t values (1)').run();
      try {
        withTransaction(db, () => {
          db.prepare('insert into t values (2)').run();
          throw new Error('inner');
        });
      } catch {
        // the caller goes on
      }
      expect(db.inTransaction).toBe(true);
      withTransaction(db, () => db.prepare('insert into t values (3)').run());
    });
    expect(rows()).toEqual([1, 3]);
  });

  it('one wrapper per connection: another connection has its own', () => {
    const other = new Database(':memory:');
    other.exec('create table t (v integer)');
    withTransaction(other, () => other.prepare('insert into t values (9)').run());
    withTransaction(db, () => db.prepare('insert into t values (1)').run());
    expect(other.prepare('select v from t').pluck().all()).toEqual([9]);
    expect(rows()).toEqual([1]);
    other.close();
  });
});
