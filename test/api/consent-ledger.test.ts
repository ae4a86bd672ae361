import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultMigrationsFolder, migrateDatabase } from '../../db/migrate';
import { openDatabase } from '../../db/open-database';
import { vinCheckDigit } from '../../electron/common/vin';
import { contactDecision, skipReasons } from '../../electron/domain/callbacks/consent';
import type { TestApp } from '../helpers/test-app';
import { adminPassword, createTestApp } from '../helpers/test-app';
import type { TestClock } from '../helpers/test-clock';
import { testClock } from '../helpers/test-clock';

/** Any 17 characters with the right check digit put in position 9. */
const vin = (s: string) => `${s.slice(0, 8)}${vinCheckDigit(s)}${s.slice(9)}`;

let phone = 13700000000;
const nextMobile = () => String(++phone);

describe('consent ledger', () => {
  let app: TestApp;
  let clock: TestClock;
  let token: string;
  let otherDeskToken: string;
  let adminToken: string;
  const sql = () => app.core.db.$client;
  const count = (table: string, where = '1') =>
    sql().prepare(`select count(*) from ${table} where ${where}`).pluck().get() as number;

  const customer = (fields: Record<string, unknown> = {}) =>
    app.ok('customers.create', { name: '客户', mobile: nextMobile(), ...fields }, token);
  const setConsent = (input: Record<string, unknown>, as = token) =>
    app.call('customers.setConsent', input, as);
  const history = (customerId: number) =>
    app.ok('customers.consentHistory', { customerId }, token).then((r) => r.items);
  const signIn = async () => {
    token = await app.login('desk1', 'Staff-Pass-1');
    otherDeskToken = await app.login('desk2', 'Staff-Pass-1');
    adminToken = await app.login('admin', adminPassword);
  };

  beforeAll(async () => {
    clock = testClock('2026-11-22T02:00:00.000Z');
    app = await createTestApp({ clock: clock.clock });
    for (const [username, role, displayName] of [
      ['desk1', 'front_desk', '前台周婷'],
      ['desk2', 'front_desk', '客服李娜'],
      ['handler1', 'complaint_handler', '投诉王强'],
    ] as const) {
      await app.ok('users.create', { username, displayName, role, password: 'Staff-Pass-1' }, app.adminToken);
    }
    await signIn();
  });
  afterAll(() => app.close());

  it('appends a history row on every change, newest first, and keeps the latest as the current state', async () => {
    const c = await customer();
    const t1 = clock.now().toISOString();
    await app.ok(
      'customers.setConsent',
      { customerId: c.id, purpose: 'marketing', granted: true, channel: 'paper', evidence: ' SQ-2026-0012 ' },
      token,
    );
    clock.advance(60_000);
    const t2 = clock.now().toISOString();
    await app.ok(
      'customers.setConsent',
      {
        customerId: c.id,
        purpose: 'marketing',
        granted: false,
        channel: 'phone',
        evidence: 'REC-20261122-031',
      },
      otherDeskToken,
    );
    clock.advance(60_000);
    const t3 = clock.now().toISOString();
    // The same answer again (a re-signed form) is still an event of its own.
    const consents = await app.ok(
      'customers.setConsent',
      { customerId: c.id, purpose: 'marketing', granted: false, channel: 'wechat' },
      token,
    );
    expect(consents.marketing).toEqual({ granted: false, recordedAt: t3, channel: 'wechat' });
    expect(consents.service).toBeNull();

    const items = await history(c.id);
    expect(items).toEqual([
      expect.objectContaining({
        customerId: c.id,
        purpose: 'marketing',
        granted: false,
        at: t3,
        channel: 'wechat',
        evidence: null,
        recordedBy: '前台周婷',
        source: 'staff',
      }),
      expect.objectContaining({
        granted: false,
        at: t2,
        channel: 'phone',
        evidence: 'REC-20261122-031',
        recordedBy: '客服李娜',
      }),
      // Blank around the evidence is trimmed.
      expect.objectContaining({
        granted: true,
        at: t1,
        channel: 'paper',
        evidence: 'SQ-2026-0012',
        recordedBy: '前台周婷',
      }),
    ]);
    // The card's current answer and the ledger agree.
    const card = await app.ok('customers.card', { id: c.id }, token);
    expect(card.customer.consents.marketing).toEqual(consents.marketing);
  });

  it('never lets a history row be updated or deleted, even by SQL behind the app', async () => {
    const c = await customer();
    await app.ok(
      'customers.setConsent',
      { customerId: c.id, purpose: 'care', granted: true, channel: 'in_person', evidence: 'JC-001' },
      token,
    );
    const before = sql().prepare('select * from consent_history where customer_id = ?').all(c.id);
    expect(before).toHaveLength(1);
    expect(() =>
      sql().prepare('update consent_history set granted = 0 where customer_id = ?').run(c.id),
    ).toThrow('授权记录历史只能追加，不能修改');
    expect(() =>
      sql().prepare("update consent_history set evidence = '伪造' where customer_id = ?").run(c.id),
    ).toThrow('只能追加');
    expect(() => sql().prepare('delete from consent_history where customer_id = ?').run(c.id)).toThrow(
      '授权记录历史只能追加，不能删除',
    );
    expect(sql().prepare('select * from consent_history where customer_id = ?').all(c.id)).toEqual(before);
  });

  it('writes one consent.changed audit row per change, in the same transaction, naming the ledger row', async () => {
    const c = await customer();
    const auditBefore = count('audit_log', "action = 'consent.changed'");
    await app.ok(
      'customers.setConsent',
      { customerId: c.id, purpose: 'service', granted: true, channel: 'paper', evidence: 'SQ-1' },
      token,
    );
    await app.ok(
      'customers.setConsent',
      { customerId: c.id, purpose: 'service', granted: false, channel: 'phone' },
      token,
    );
    expect(count('audit_log', "action = 'consent.changed'")).toBe(auditBefore + 2);
    const rows = sql()
      .prepare(
        `select a.entity, a.entity_id as entityId, a.customer_id as customerId, a.username, a.detail
         from audit_log a where a.action = 'consent.changed' and a.customer_id = ? order by a.id`,
      )
      .all(c.id) as {
      entity: string;
      entityId: string;
      customerId: number;
      username: string;
      detail: string;
    }[];
    const ledgerIds = (await history(c.id)).map((h) => String(h.id)).reverse();
    expect(rows.map((r) => r.entityId)).toEqual(ledgerIds);
    expect(rows[0]).toMatchObject({ entity: 'consent', customerId: c.id, username: 'desk1' });
    expect(JSON.parse(rows[0]!.detail)).toEqual({
      purpose: 'service',
      channel: 'paper',
      source: 'staff',
      changes: { granted: [null, true] },
    });
    expect(JSON.parse(rows[1]!.detail)).toMatchObject({ changes: { granted: [true, false] } });
  });

  it('skips open call-backs of the withdrawn purpose at once, with the reason, and leaves other purposes open', async () => {
    // A year after delivery with no visit: a win-back call (marketing) and the purchase anniversary (care).
    const today = clock.now().toISOString().slice(0, 10);
    const delivered = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    const c = await customer({ name: '一年车主' });
    await app.ok(
      'vehicles.create',
      {
        customerId: c.id,
        fields: { vin: vin('LSVAU2180N2000001'), brand: '大众', series: '朗逸', deliveryDate: delivered },
      },
      token,
    );
    for (const purpose of ['marketing', 'care'] as const) {
      await app.ok(
        'customers.setConsent',
        { customerId: c.id, purpose, granted: true, channel: 'paper', evidence: 'SQ-9' },
        token,
      );
    }
    const tasks = () =>
      Object.fromEntries(
        (
          sql()
            .prepare(
              'select rule_code as rule, status, skip_reason as reason from callback_tasks where customer_id = ?',
            )
            .all(c.id) as { rule: string; status: string; reason: string | null }[]
        ).map((t) => [t.rule, { status: t.status, reason: t.reason }]),
      );
    const open = { status: 'open', reason: null };
    expect(tasks()).toMatchObject({ churn_risk: open, purchase_anniversary: open });

    await app.ok(
      'customers.setConsent',
      { customerId: c.id, purpose: 'marketing', granted: false, channel: 'phone', evidence: 'REC-77' },
      otherDeskToken,
    );
    const after = tasks();
    expect(after.churn_risk).toEqual({ status: 'skipped', reason: '客户已拒绝「营销推广」用途的联系' });
    expect(after.churn_risk!.reason).toBe(skipReasons.refused('marketing'));
    expect(after.purchase_anniversary).toEqual(open);
    // Nothing but the withdrawn purpose's calls changed.
    const marketingRules = new Set<string>(
      (await app.ok('callbacks.rules', {}, adminToken))
        .filter((r) => r.consentPurpose === 'marketing')
        .map((r) => r.code),
    );
    for (const [rule, t] of Object.entries(after))
      expect(t.status, rule).toBe(marketingRules.has(rule) ? 'skipped' : 'open');

    // Granting again brings the call back: the ledger is not a one-way switch.
    await app.ok(
      'customers.setConsent',
      { customerId: c.id, purpose: 'marketing', granted: true, channel: 'wechat' },
      token,
    );
    expect(tasks().churn_risk).toEqual(open);
  });

  it('records the events purpose like the others', async () => {
    const c = await customer();
    const consents = await app.ok(
      'customers.setConsent',
      { customerId: c.id, purpose: 'events', granted: true, channel: 'app', evidence: 'App 勾选' },
      token,
    );
    expect(consents.events).toEqual({ granted: true, recordedAt: clock.now().toISOString(), channel: 'app' });
    expect(consents.marketing).toBeNull();
    const card = await app.ok('customers.card', { id: c.id }, token);
    expect(card.customer.consents.events?.granted).toBe(true);
    expect((await history(c.id))[0]).toMatchObject({
      purpose: 'events',
      granted: true,
      evidence: 'App 勾选',
    });
    // The timeline note names the purpose in Chinese.
    const note = sql()
      .prepare("select summary from interactions where customer_id = ? and ref_type = 'consent'")
      .pluck()
      .get(c.id);
    expect(note).toBe('授权记录：同意活动邀约（App，凭证：App 勾选）');
    // A call-back rule may require it: without a yes the call is skipped, with one it is made.
    expect(contactDecision('events', false, [])).toEqual({
      status: 'skipped',
      skipReason: '未取得客户「活动邀约」用途的同意',
    });
    expect(contactDecision('events', false, [{ purpose: 'events', granted: true }]).status).toBe('open');
    const rule = (await app.ok('callbacks.rules', {}, adminToken)).find((r) => r.code === 'lost_prospect')!;
    const { code, version, paramKeys: _k, updatedAt: _u, ...fields } = rule;
    const updated = await app.ok(
      'callbacks.updateRule',
      { code, version, fields: { ...fields, consentPurpose: 'events' } },
      adminToken,
    );
    expect(updated.consentPurpose).toBe('events');
    await app.ok(
      'callbacks.updateRule',
      { code, version: updated.version, fields: { ...fields, consentPurpose: 'marketing' } },
      adminToken,
    );
  });

  it('changes nothing on bad input or when a step of the change fails', async () => {
    const c = await customer();
    const merged = await customer();
    const snapshot = () => ({
      consents: count('consents'),
      history: count('consent_history'),
      audit: count('audit_log', "action = 'consent.changed'"),
      notes: count('interactions', "ref_type = 'consent'"),
    });
    const before = snapshot();
    const base = { customerId: c.id, purpose: 'marketing', granted: false, channel: 'phone' };
    const refusals = [
      [{ ...base, purpose: 'newsletter' }, 'validation'],
      [{ ...base, channel: 'telepathy' }, 'validation'],
      [{ ...base, channel: undefined }, 'validation'],
      [{ ...base, granted: 'no' }, 'validation'],
      [{ ...base, evidence: '录'.repeat(201) }, 'validation'],
      [{ ...base, customerId: 999_999 }, 'not_found'],
    ] as const;
    for (const [input, kind] of refusals) {
      const r = await setConsent(input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) {
        expect(r.error.kind).toBe(kind);
        expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    // A merged-away card takes no new answers: they belong on the survivor.
    await app.ok('customers.merge', { survivorId: c.id, mergedId: merged.id }, adminToken);
    const afterMerge = snapshot();
    const r = await setConsent({ ...base, customerId: merged.id });
    expect(r).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    expect(snapshot()).toEqual(afterMerge);
    // Read-only roles may not record consent.
    const handler = await app.login('handler1', 'Staff-Pass-1');
    expect(await setConsent(base, handler)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });

    // A failure late in the change (here the timeline note) rolls back the state, the ledger and the audit row.
    sql().exec(
      "create temp trigger consent_note_fails before insert on main.interactions begin select raise(abort, 'boom'); end",
    );
    try {
      const failed = await setConsent(base);
      expect(failed).toMatchObject({ ok: false, error: { kind: 'internal' } });
    } finally {
      sql().exec('drop trigger temp.consent_note_fails');
    }
    expect(snapshot()).toEqual(afterMerge);
    expect(afterMerge.history).toBe(before.history);
    expect(afterMerge.consents).toBe(before.consents);
  });

  it("shows a merged card's history on the survivor, and takes it back on unmerge", async () => {
    const survivor = await customer({ name: '幸存' });
    const other = await customer({ name: '被合并' });
    await app.ok(
      'customers.setConsent',
      { customerId: survivor.id, purpose: 'service', granted: true, channel: 'paper' },
      token,
    );
    clock.advance(60_000);
    await app.ok(
      'customers.setConsent',
      { customerId: other.id, purpose: 'marketing', granted: false, channel: 'phone', evidence: 'REC-5' },
      token,
    );
    const merge = await app.ok(
      'customers.merge',
      { survivorId: survivor.id, mergedId: other.id },
      adminToken,
    );
    const items = await history(survivor.id);
    expect(items.map((i) => [i.customerId, i.purpose])).toEqual([
      [other.id, 'marketing'],
      [survivor.id, 'service'],
    ]);
    await app.ok('customers.unmerge', { mergeId: merge.mergeId }, adminToken);
    expect((await history(survivor.id)).map((i) => i.customerId)).toEqual([survivor.id]);
    expect((await history(other.id)).map((i) => i.evidence)).toEqual(['REC-5']);
  });
});

describe('consent ledger migration', () => {
  it('gives every existing consent one history row, marked as imported from the old state', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consent-migration-'));
    try {
      // The migrations up to the one before the ledger, in a folder of their own.
      const before = path.join(dir, 'migrations');
      fs.mkdirSync(path.join(before, 'meta'), { recursive: true });
      const journal = JSON.parse(
        fs.readFileSync(path.join(defaultMigrationsFolder, 'meta', '_journal.json'), 'utf8'),
      ) as { entries: { tag: string }[] };
      const at = journal.entries.findIndex((e) => e.tag === '0015_consent_history');
      expect(at).toBeGreaterThan(0);
      const older = journal.entries.slice(0, at);
      for (const e of older) {
        fs.copyFileSync(
          path.join(defaultMigrationsFolder, `${e.tag}.sql`),
          path.join(before, `${e.tag}.sql`),
        );
      }
      fs.writeFileSync(
        path.join(before, 'meta', '_journal.json'),
        JSON.stringify({ ...journal, entries: older }),
      );

      const db = openDatabase(path.join(dir, 'old.sqlite'));
      migrateDatabase(db, { dbFile: null, migrationsFolder: before });
      const s = db.$client;
      s.prepare(
        "insert into customers (id, name, mobile) values (1, '老客户', '13900000001'), (2, '老客户二', '13900000002')",
      ).run();
      const ins = s.prepare(
        'insert into consents (customer_id, purpose, granted, recorded_at, channel) values (?, ?, ?, ?, ?)',
      );
      ins.run(1, 'service', 1, '2024-03-01T02:00:00.000Z', 'paper');
      ins.run(1, 'marketing', 0, '2025-06-01T03:00:00.000Z', 'phone');
      ins.run(2, 'care', 1, '2023-01-05T04:00:00.000Z', 'in_person');

      migrateDatabase(db, { dbFile: null });
      const rows = s
        .prepare(
          'select customer_id, purpose, granted, at, channel, evidence, user_id, user_name, source from consent_history order by id',
        )
        .all();
      // Oldest first, so ids follow time.
      expect(rows).toEqual([
        {
          customer_id: 2,
          purpose: 'care',
          granted: 1,
          at: '2023-01-05T04:00:00.000Z',
          channel: 'in_person',
          evidence: null,
          user_id: null,
          user_name: null,
          source: 'migration',
        },
        {
          customer_id: 1,
          purpose: 'service',
          granted: 1,
          at: '2024-03-01T02:00:00.000Z',
          channel: 'paper',
          evidence: null,
          user_id: null,
          user_name: null,
          source: 'migration',
        },
        {
          customer_id: 1,
          purpose: 'marketing',
          granted: 0,
          at: '2025-06-01T03:00:00.000Z',
          channel: 'phone',
          evidence: null,
          user_id: null,
          user_name: null,
          source: 'migration',
        },
      ]);
      // And the table is append-only from the start.
      expect(() => s.prepare('delete from consent_history').run()).toThrow('只能追加');
      db.$client.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
