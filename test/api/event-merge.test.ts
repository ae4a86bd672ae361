import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { eventFixture } from '../helpers/event-fixture';

/**
 * Two cards of one person merged: their places on events' lists go to the surviving card, and where both were
 * on the same list the one further along (signed up, checked in) stays — the funnel counts the person once.
 */
describe('merging customers who are on events’ lists', () => {
  let app: TestApp;
  const sql = () => app.core.db.$client;
  const ev = eventFixture(sql);
  let n = 0;
  const customer = (name: string) =>
    Number(
      sql()
        .prepare("insert into customers (name, mobile, mobile_tail, stage) values (?, ?, ?, 'owner')")
        .run(name, `1390000${String(++n).padStart(4, '0')}`, String(n).padStart(4, '0')).lastInsertRowid,
    );
  const listOf = (eventId: number) =>
    sql()
      .prepare('select customer_id as customerId, status from event_invitees where event_id = ? order by id')
      .all(eventId);

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('moves the merged card’s sign-ups and keeps the further answer where both were listed', async () => {
    const survivor = customer('合并甲');
    const merged = customer('合并甲');
    const both = ev.event({ startsOn: '2026-12-20', status: 'inviting' });
    const onlyMerged = ev.event({ startsOn: '2026-12-27', status: 'inviting' });
    ev.invitee(both, survivor, { status: 'pending' });
    ev.invitee(both, merged, { status: 'accepted', signupNo: 7, cars: 1, adults: 2 });
    ev.invitee(onlyMerged, merged, { status: 'declined', declineReason: '出差' });

    const result = await app.ok(
      'customers.merge',
      { survivorId: survivor, mergedId: merged },
      app.adminToken,
    );
    expect(result.survivorId).toBe(survivor);
    expect(listOf(both)).toEqual([{ customerId: survivor, status: 'accepted' }]);
    expect(listOf(onlyMerged)).toEqual([{ customerId: survivor, status: 'declined' }]);
  });

  it('keeps the survivor’s row when it is the one further along', async () => {
    const survivor = customer('合并乙');
    const merged = customer('合并乙');
    const e = ev.event({ startsOn: '2026-12-20', status: 'running' });
    ev.invitee(e, survivor, { status: 'checked_in', checkedInAt: '2026-12-20T02:00:00.000Z' });
    ev.invitee(e, merged, { status: 'confirmed' });
    await app.ok('customers.merge', { survivorId: survivor, mergedId: merged }, app.adminToken);
    expect(listOf(e)).toEqual([{ customerId: survivor, status: 'checked_in' }]);
  });
});
