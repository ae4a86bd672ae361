import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { PersonalField } from '../../electron/common/personal-mask';
import { maskPersonal, personalFields } from '../../electron/common/personal-mask';
import type { ChannelName } from '../../electron/contract';
import { channelNames, contract } from '../../electron/contract';
import type { PersonalSpot } from '../../electron/contract/channel';
import type { Role } from '../../electron/contract/permissions';
import { roleCan, roles } from '../../electron/contract/permissions';
import { createHttpApp } from '../../electron/server/http-app';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';
import { callbackFixture } from '../helpers/callback-fixture';
import { eventFixture } from '../helpers/event-fixture';

/**
 * PIPL masking, decided in main: every channel that declares personal fields in the contract, called as every
 * role, returns each declared field in full or masked exactly as the rules say — full for personal.reveal
 * (manager, admin), full for a sales consultant on the customers they own, masked for everyone else. The list
 * of channels comes from the contract, and a schema scan fails when an output has a personal field name the
 * channel does not declare, so a new channel cannot forget.
 */

// Tuesday 10 Nov 2026, 10:00 in the store: within calling hours, a delivery on the 7th is due for its 3-day call.
const now = new Date('2026-11-10T10:00:00+08:00');

type Json = Record<string, unknown>;

/**
 * Names that look like a person's contact or ID data: the five fields themselves and any name around them
 * (customerMobile, ownerPhone…). A name that says it is masked (maskedMobile) promises the service's mask.
 */
function looksPersonal(name: string): boolean {
  if ((personalFields as readonly string[]).includes(name)) return true;
  return /mobile|phone|idnumber|wechat|address/i.test(name) && !/masked/i.test(name);
}

/** Output paths (rows[].mobile) of properties named like a personal field, from the output's JSON Schema. */
function personalPathsOf(schema: unknown, at = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const s = schema as Json;
  const out: string[] = [];
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const)
    if (Array.isArray(s[key])) for (const sub of s[key] as unknown[]) out.push(...personalPathsOf(sub, at));
  if (s.items) out.push(...personalPathsOf(s.items, `${at}[]`));
  if (s.properties && typeof s.properties === 'object')
    for (const [name, sub] of Object.entries(s.properties as Json)) {
      const path = at ? `${at}.${name}` : name;
      if (looksPersonal(name)) out.push(path);
      out.push(...personalPathsOf(sub, path));
    }
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    out.push(...personalPathsOf(s.additionalProperties, `${at}{}`));
  return [...new Set(out)];
}

const declaredPaths = (spots: readonly PersonalSpot[] = []) =>
  spots.flatMap((s) => Object.keys(s.fields).map((f) => (s.at ? `${s.at}.${f}` : f)));

/** The records a spot names, walked here independently of the privacy module. */
function recordsAt(value: unknown, at: string): Json[] {
  let level: unknown[] = [value];
  for (const step of at ? at.split('.') : []) {
    const many = step.endsWith('[]');
    const key = many ? step.slice(0, -2) : step;
    level = level.flatMap((v) => {
      const child = key === '' ? v : (v as Json | null)?.[key];
      if (many) return Array.isArray(child) ? child : [];
      return child === undefined || child === null ? [] : [child];
    });
  }
  return level.filter((v): v is Json => typeof v === 'object' && v !== null);
}

const personalChannels = channelNames.filter((c) => contract[c].personal);

/** Names that look personal but are not a customer's data: each one says why. */
const notCustomerData: Record<string, string[] | undefined> = {
  // The workstation's network address a lockout came from, not where a person lives.
  'users.lockouts': ['[].address'],
};

describe('personal fields in the contract', () => {
  it.each(channelNames)('%s declares every personal field its output has', (channel) => {
    const def = contract[channel];
    const found = personalPathsOf(z.toJSONSchema(def.output, { io: 'output', unrepresentable: 'any' }));
    const declared = [...declaredPaths(def.personal?.spots), ...(notCustomerData[channel] ?? [])];
    expect(
      found.filter((p) => !declared.includes(p)),
      `${channel}: personal fields in the output that personal.spots does not declare`,
    ).toEqual([]);
  });

  it('declares only fields the output really has, with a customer id beside them', () => {
    for (const channel of personalChannels) {
      const def = contract[channel];
      const schema = z.toJSONSchema(def.output, { io: 'output', unrepresentable: 'any' });
      const text = JSON.stringify(schema);
      for (const spot of def.personal!.spots) {
        for (const f of [...Object.keys(spot.fields), spot.customerId])
          expect(text, `${channel}: ${spot.at}.${f}`).toContain(`"${f}":`);
      }
    }
  });

  it('finds the customer card and the call panel among them (the scan is not vacuous)', () => {
    expect(personalChannels).toEqual(
      expect.arrayContaining(['customers.card', 'customers.list', 'customers.search', 'callbacks.next']),
    );
    expect(personalPathsOf(z.toJSONSchema(contract['customers.card'].output))).toEqual(
      expect.arrayContaining(['customer.mobile', 'customer.idNumber', 'customer.address']),
    );
  });
});

describe('personal fields × roles, masked or full as the rules say', () => {
  let app: TestApp;
  const fx = callbackFixture(() => app, '5');
  const tokens = new Map<string, string>();
  const userIds = new Map<string, number>();
  const callers = [...roles, 'sales_other'] as const;
  type Caller = (typeof callers)[number];
  const roleOf = (who: Caller): Role => (who === 'sales_other' ? 'sales' : who);
  const people: Record<string, number> = {};
  const full = {
    mobile: '13912345678',
    mobile2: '13698765432',
    idNumber: '11010519491231002X',
    address: '广东省惠州市惠城区江北三新南路18号2栋501',
    wechat: 'wxid_privacy01',
  };
  let serial = 0;

  const stored = (id: number) =>
    fx
      .sql()
      .prepare(
        `select mobile, mobile2, id_number as idNumber, address, wechat, owner_user_id as ownerId, version
         from customers where id = ?`,
      )
      .get(id) as Record<PersonalField, string | null> & { ownerId: number | null; version: number };

  /** The rule, written out independently of the privacy module. */
  const expectFull = (who: Caller, customerId: number) =>
    roleCan(roleOf(who), 'personal.reveal') ||
    (roleOf(who) === 'sales' && stored(customerId).ownerId === userIds.get(who));

  const release = async (panel: unknown, token: string) => {
    const taskIds = (panel as { reasons: { taskId: number }[] } | null)?.reasons.map((r) => r.taskId) ?? [];
    if (taskIds.length) await app.ok('callbacks.release', { taskIds }, token);
  };

  /** One complaint ticket about the customer (its list row and page carry the customer's mobile). */
  const tickets = new Map<number, number>();
  const complaintOf = async (customerId: number) => {
    if (!tickets.has(customerId)) {
      const change = await app.ok(
        'complaints.create',
        {
          customerId,
          channel: 'phone',
          category: 'service_quality',
          description: '隐私测试投诉',
          receivedAt: now.toISOString(),
        },
        app.adminToken,
      );
      tickets.set(customerId, change.id);
    }
    return tickets.get(customerId)!;
  };

  /** An event the owned customer signed up for (its check-in lookup carries the mobile). */
  const events = eventFixture(() => fx.sql());
  let eventId = 0;
  const eventOfOwned = () => {
    if (!eventId) {
      eventId = events.event({ startsOn: '2026-11-10' });
      events.invitee(eventId, people.owned!, { signupNo: 7 });
    }
    return eventId;
  };
  /** A fresh event (so every call starts clean), approved, with room for `people` (null: no limit). */
  let eventSerial = 0;
  const freshEvent = (people: number | null = null) =>
    Number(
      fx
        .sql()
        .prepare(
          `insert into events (event_no, title, type, starts_on, ends_on, capacity_people, status, created_at, updated_at)
           values (?, '隐私测试活动', 'owners_meeting', '2026-12-20', '2026-12-20', ?, 'approved', ?, ?)`,
        )
        .run(`PM-${++eventSerial}`, people, now.toISOString(), now.toISOString()).lastInsertRowid,
    );
  /** Room for one: the owned card signed up, the other card on the waiting list. */
  const signedUpPair = async () => {
    const eventId = freshEvent(1);
    const add = (customerId: number) =>
      app.ok('events.addInvitee', { eventId, customerId, status: 'accepted', adults: 1 }, app.adminToken);
    return {
      first: (await add(people.owned!)).invitee.inviteeId,
      second: (await add(people.other!)).invitee.inviteeId,
    };
  };
  /** Whom a target list takes: the owned card (the only one with the events consent), not invited lately. */
  const targetsCall = (channel: 'events.previewTargets' | 'events.buildTargets') => (t: string) => {
    fx.sql()
      .prepare(`update event_invitees set created_at = '2020-01-01T00:00:00.000Z' where customer_id = ?`)
      .run(people.owned);
    return app.ok(channel, { eventId: freshEvent(), filters: {} }, t);
  };

  /** How to call each channel that declares personal fields, so that its output holds the fixture's people. */
  const calls: Partial<Record<ChannelName, (token: string) => Promise<unknown>>> = {
    'customers.list': (t) => app.ok('customers.list', { filters: { text: full.mobile } }, t),
    'customers.get': (t) => app.ok('customers.get', { id: people.owned! }, t),
    'customers.card': (t) => app.ok('customers.card', { id: people.owned! }, t),
    'customers.create': (t) =>
      app.ok(
        'customers.create',
        {
          name: '新建客户',
          mobile: `1371234${String(++serial).padStart(4, '0')}`,
          wechat: `wx_new_${serial}`,
          address: '广东省惠州市惠阳区淡水街道人民路9号',
          idNumber: full.idNumber,
        },
        t,
      ),
    'customers.update': (t) =>
      app.ok(
        'customers.update',
        {
          id: people.owned!,
          version: stored(people.owned!).version,
          fields: { name: '隐私甲', stage: 'owner', ...full },
        },
        t,
      ),
    'customers.search': (t) => app.ok('customers.search', { q: full.mobile }, t),
    'customers.duplicateScan': (t) => app.ok('customers.duplicateScan', { refresh: true }, t),
    'complaints.list': async (t) => {
      await complaintOf(people.owned!);
      return app.ok('complaints.list', { filters: { customerId: people.owned } }, t);
    },
    'complaints.get': async (t) => app.ok('complaints.get', { id: await complaintOf(people.owned!) }, t),
    'events.checkinLookup': (t) => app.ok('events.checkinLookup', { eventId: eventOfOwned(), q: '5678' }, t),
    'events.previewTargets': targetsCall('events.previewTargets'),
    'events.buildTargets': targetsCall('events.buildTargets'),
    'events.invitees': async (t) => {
      const eventId = freshEvent();
      await app.ok('events.addInvitee', { eventId, customerId: people.owned }, app.adminToken);
      return app.ok('events.invitees', { eventId }, t);
    },
    'events.addInvitee': (t) =>
      app.ok('events.addInvitee', { eventId: freshEvent(), customerId: people.owned }, t),
    'events.recordAnswer': async (t) =>
      app.ok('events.recordAnswer', { inviteeId: (await signedUpPair()).first, answer: 'cancelled' }, t),
    'events.cancelSignup': async (t) =>
      app.ok('events.cancelSignup', { inviteeId: (await signedUpPair()).first }, t),
    'events.promoteWaitlisted': async (t) => {
      const pair = await signedUpPair();
      await app.ok('events.cancelSignup', { inviteeId: pair.first }, app.adminToken);
      return app.ok('events.promoteWaitlisted', { inviteeId: pair.second }, t);
    },
    'callbacks.queue': (t) => app.ok('callbacks.queue', { scope: 'team' }, t),
    'callbacks.next': async (t) => {
      const panel = await app.ok('callbacks.next', { customerId: people.owned! }, t);
      await release(panel, t);
      return panel;
    },
    'callbacks.current': async (t) => {
      const panel = await app.ok('callbacks.next', { customerId: people.owned! }, t);
      const current = await app.ok('callbacks.current', {}, t);
      await release(panel, t);
      return current;
    },
  };

  beforeAll(async () => {
    app = await createTestApp({ clock: () => now });
    for (const who of callers) {
      const token = who === 'admin' ? app.adminToken : await app.userWithRole(roleOf(who));
      tokens.set(who, token);
      userIds.set(who, (await app.ok('auth.me', {}, token)).id);
    }
    // Two cards with the same mobile (a duplicate pair): one the sales consultant owns, one nobody owns.
    const { idNumber, ...columns } = full;
    people.owned = fx.customer('隐私甲', {
      ...columns,
      id_number: idNumber,
      mobile_tail: full.mobile.slice(-4),
      owner_user_id: userIds.get('sales'),
    });
    people.other = fx.customer('隐私乙', {
      mobile: full.mobile,
      mobile_tail: full.mobile.slice(-4),
      wechat: 'wxid_other99',
      address: '广东省惠州市惠城区河南岸街道演达大道3号',
    });
    fx.vehicle(people.owned, '2026-11-07');
    fx.vehicle(people.other, '2026-11-07');
    // Only the owned card may be invited to events: a target list over the whole base finds it alone.
    fx.sql()
      .prepare(
        `insert into consents (customer_id, purpose, granted, recorded_at, channel) values (?, 'events', 1, ?, 'paper')`,
      )
      .run(people.owned, now.toISOString());
  });
  afterAll(() => app.close());

  it('lists the personal spots in GET /api/contract, for other workstations and tools', async () => {
    const res = await createHttpApp({ router: app.core.router }).request('/api/contract');
    const body = (await res.json()) as { data: { channel: string; personal: unknown }[] };
    const byName = new Map(body.data.map((c) => [c.channel, c.personal]));
    expect(byName.get('customers.card')).toMatchObject({
      spots: [{ at: 'customer', customerId: 'id', fields: { mobile: 'mobile', idNumber: 'idNumber' } }],
      cardView: true,
    });
    expect(byName.get('auth.me')).toBeNull();
  });

  it('has a call for every channel that declares personal fields', () => {
    expect(personalChannels.filter((c) => !calls[c])).toEqual([]);
  });

  it.each(personalChannels)('%s', async (channel) => {
    const def = contract[channel];
    let checkedRoles = 0;
    for (const who of callers) {
      if (!roleCan(roleOf(who), def.access)) continue;
      const data = await calls[channel]!(tokens.get(who)!);
      let values = 0;
      for (const spot of def.personal!.spots) {
        const records = recordsAt(data, spot.at);
        expect(records.length, `${channel} as ${who}: nothing at ${spot.at || 'the output'}`).toBeGreaterThan(
          0,
        );
        for (const r of records) {
          const id = r[spot.customerId] as number;
          const inFull = expectFull(who, id);
          const db = stored(id);
          for (const [field, mask] of Object.entries(spot.fields)) {
            const value = r[field];
            if (typeof mask !== 'string') {
              if (!mask.when.in.includes(String(r[mask.when.field]))) continue;
              const mobiles = [db.mobile, db.mobile2].filter(Boolean) as string[];
              const want = inFull ? mobiles : mobiles.map((m) => maskPersonal('mobile', m));
              expect(want, `${channel} as ${who}: ${field} of #${id}`).toContain(value);
              values++;
              continue;
            }
            const want = inFull ? db[mask] : maskPersonal(mask, db[mask]);
            expect(value, `${channel} as ${who}: ${spot.at}.${field} of #${id}`).toBe(want);
            if (db[mask]) values++;
            if (!inFull && db[mask]) expect(value).not.toBe(db[mask]);
          }
        }
      }
      expect(values, `${channel} as ${who}: no personal value was checked`).toBeGreaterThan(0);
      checkedRoles++;
    }
    expect(checkedRoles).toBeGreaterThan(0);
  });

  it('shows the sales consultant their own customer in full and the other card of the pair masked', async () => {
    const rows = (await app.ok('customers.list', { filters: { text: full.mobile } }, tokens.get('sales')!))
      .rows;
    expect(rows.find((r) => r.id === people.owned)?.mobile).toBe(full.mobile);
    expect(rows.find((r) => r.id === people.other)?.mobile).toBe('139****5678');
    const theirs = await app.ok('customers.card', { id: people.owned! }, tokens.get('sales_other')!);
    expect(theirs.customer).toMatchObject({ mobile: '139****5678', idNumber: '1101**********002X' });
  });

  it('masks the current card a stale save is refused with', async () => {
    const v = stored(people.owned!).version;
    const result = await app.call(
      'customers.update',
      { id: people.owned, version: v - 1 > 0 ? v - 1 : v + 5, fields: { name: '隐私甲', ...full } },
      tokens.get('front_desk'),
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'conflict',
        details: {
          current: { mobile: '139****5678', wechat: 'wx****1', address: '广东省惠州市惠城区江北三新南路***' },
        },
      },
    });
    const asManager = await app.call(
      'customers.update',
      { id: people.owned, version: v + 5, fields: { name: '隐私甲', ...full } },
      tokens.get('manager'),
    );
    expect(asManager).toMatchObject({ ok: false, error: { details: { current: { mobile: full.mobile } } } });
  });

  describe('an edit by someone who was shown masks', () => {
    beforeEach(() => {
      fx.sql()
        .prepare(
          'update customers set mobile = ?, mobile2 = ?, id_number = ?, address = ?, wechat = ? where id = ?',
        )
        .run(full.mobile, full.mobile2, full.idNumber, full.address, full.wechat, people.owned);
    });

    it('keeps the stored values for the fields sent back masked, and saves what was typed', async () => {
      const token = tokens.get('front_desk')!;
      const card = await app.ok('customers.get', { id: people.owned! }, token);
      expect(card.mobile).toBe('139****5678');
      const saved = await app.ok(
        'customers.update',
        {
          id: card.id,
          version: card.version,
          fields: {
            name: card.name,
            stage: card.stage,
            mobile: card.mobile,
            mobile2: '13511112222',
            idNumber: card.idNumber,
            address: card.address,
            wechat: card.wechat,
          },
        },
        token,
      );
      expect(saved.mobile2).toBe('135****2222');
      expect(stored(people.owned!)).toMatchObject({ ...full, mobile2: '13511112222' });
    });

    it('refuses a mask that was altered, naming the field, and changes nothing', async () => {
      const token = tokens.get('front_desk')!;
      const card = await app.ok('customers.get', { id: people.owned! }, token);
      const result = await app.call(
        'customers.update',
        {
          id: card.id,
          version: card.version,
          fields: { name: card.name, stage: card.stage, mobile: '139****0000', wechat: card.wechat },
        },
        token,
      );
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'validation', details: { fields: { mobile: expect.stringContaining('手机号码') } } },
      });
      expect(stored(people.owned!)).toMatchObject(full);
    });

    it('refuses a masked value on a new card', async () => {
      const result = await app.call(
        'customers.create',
        { name: '粘贴错', mobile: '139****5678' },
        tokens.get('front_desk'),
      );
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'validation', details: { fields: { mobile: expect.any(String) } } },
      });
    });
  });

  it('finds customers by the full number and by its last four, and shows both masked', async () => {
    const token = tokens.get('callback_operator')!;
    for (const q of [full.mobile, '5678', '139 1234 5678']) {
      const { results, total } = await app.ok('customers.search', { q }, token);
      expect(total, q).toBeGreaterThanOrEqual(2);
      const ids = results.map((r) => r.id);
      expect(ids, q).toEqual(expect.arrayContaining([people.owned, people.other]));
      for (const r of results) {
        expect(r.mobile, q).not.toBe(full.mobile);
        expect(r.matchedText, q).not.toContain(full.mobile);
      }
      expect(results.find((r) => r.id === people.owned)).toMatchObject({
        mobile: '139****5678',
        matchedText: '139****5678',
      });
    }
    // The list's text filter matches on the full number too, and shows it masked.
    const list = await app.ok('customers.list', { filters: { text: full.mobile } }, token);
    expect(list.rows.map((r) => r.mobile)).toEqual(['139****5678', '139****5678']);
  });

  it('masks the queue rows and the call panel for the operator', async () => {
    const token = tokens.get('callback_operator')!;
    const queue = await app.ok('callbacks.queue', { scope: 'team' }, token);
    expect(queue.rows.find((r) => r.customerId === people.owned)?.mobile).toBe('139****5678');
    const panel = await app.ok('callbacks.next', { customerId: people.owned! }, token);
    expect(panel?.customer).toMatchObject({ mobile: '139****5678', mobile2: '136****5432' });
    await release(panel, token);
  });
});
