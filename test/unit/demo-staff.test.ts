import { beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate';
import type { AppDb } from '../../db/open-database';
import { openDatabase } from '../../db/open-database';
import { hasAdministrator } from '../../electron/domain/auth/auth-service';
import { generateDemo } from '../../electron/domain/demo/generate-demo';
import { unusablePasswordHash } from '../../electron/domain/demo/staff';

/** The demo's staff: the history's calls, complaints and events have people, and no one can sign in unasked. */

const now = new Date('2026-11-23T11:00:00+08:00');

describe('demo staff, scale S', () => {
  let db: AppDb;
  const one = <T>(sql: string) => db.$client.prepare(sql).get() as T;
  beforeAll(() => {
    db = openDatabase(':memory:');
    migrateDatabase(db, { dbFile: null });
    generateDemo(db, { scale: 'S', seed: 20261122, now });
  });

  it('writes every role but the administrator, all without a usable password', () => {
    const roles = db.$client
      .prepare('select role, count(*) as n from users group by role order by role')
      .all() as { role: string; n: number }[];
    expect(Object.fromEntries(roles.map((r) => [r.role, r.n]))).toEqual({
      callback_operator: 3,
      complaint_handler: 4,
      front_desk: 2,
      manager: 1,
      sales: 2,
    });
    expect(
      one<{ n: number }>(`select count(*) as n from users where password_hash <> '${unusablePasswordHash}'`)
        .n,
    ).toBe(0);
    // So the first start still asks for the administrator's password.
    expect(hasAdministrator({ db })).toBe(false);
  });

  it('gives each finished call to an operator, spread over all of them', () => {
    const calls = db.$client
      .prepare(
        `select u.role, count(*) as n from callback_tasks t left join users u on u.id = t.completed_by
         where t.status = 'done' group by u.role`,
      )
      .all() as { role: string | null; n: number }[];
    expect(calls).toHaveLength(1);
    expect(calls[0]!.role).toBe('callback_operator');
    const perOperator = db.$client
      .prepare(
        `select count(*) as n from callback_tasks where status = 'done' group by completed_by order by n`,
      )
      .pluck()
      .all() as number[];
    expect(perOperator).toHaveLength(3);
    expect(perOperator[0]! / perOperator[2]!).toBeGreaterThan(0.8);
  });

  it('gives handled complaints to a handler of their own department and leaves intake unowned', () => {
    const c = one<Record<string, number>>(
      `select sum(t.state = 'received' and t.owner_user_id is not null) as ownedAtIntake,
         sum(t.state <> 'received' and t.owner_user_id is null and t.department_id in
           (select department_id from users where role = 'complaint_handler')) as unowned,
         sum(t.owner_user_id is not null and u.department_id <> t.department_id) as wrongDepartment,
         sum(t.owner_user_id is not null) as owned
       from complaint_tickets t left join users u on u.id = t.owner_user_id`,
    );
    expect(c).toMatchObject({ ownedAtIntake: 0, unowned: 0, wrongDepartment: 0 });
    expect(c.owned).toBeGreaterThan(300);
  });

  it('gives every event an owner', () => {
    expect(one<{ n: number }>('select count(*) as n from events where owner_user_id is null').n).toBe(0);
  });
});
