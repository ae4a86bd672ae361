import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../electron/common/vin';
import { contract } from '../../electron/contract';
import type { LiveChange } from '../../electron/contract/live-topics';
import { liveTopics } from '../../electron/contract/live-topics';
import { localDate } from '../../electron/domain/clock';
import { addDays } from '../../electron/domain/callbacks/dates';
import { createChangeBus } from '../../electron/server/change-bus';
import { createHttpApp } from '../../electron/server/http-app';
import type { TestApp } from '../helpers/test-app';
import { createTestApp } from '../helpers/test-app';

const vin = (s: string) => `${s.slice(0, 8)}${vinCheckDigit(s)}${s.slice(9)}`;

/** Reads server-sent events off a streaming response until one of `event` arrives (or the time is up). */
async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>, event: string, ms = 3000) {
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now())),
    ]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
    for (const block of text.split('\n\n')) {
      const lines = block.split('\n');
      if (lines.includes(`event: ${event}`)) {
        const data = lines.find((l) => l.startsWith('data: '))?.slice(6) ?? '';
        return JSON.parse(data) as unknown;
      }
    }
  }
  throw new Error(`no ${event} event within ${ms} ms; got: ${text}`);
}

describe('live changes', () => {
  let app: TestApp;
  let deskA: string;
  let deskB: string;
  let http: ReturnType<typeof createHttpApp>;

  beforeAll(async () => {
    app = await createTestApp();
    deskA = await app.userWithRole('front_desk');
    deskB = await app.userWithRole('front_desk');
    http = createHttpApp({ router: app.core.router, changes: app.core.changes });
  });
  afterAll(() => app.close());

  it('delivers one workstation’s write to another’s open stream, and refuses a stream without a session', async () => {
    const refused = await http.request('/api/changes');
    expect(refused.status).toBe(401);

    const res = await http.request('/api/changes', { headers: { authorization: `Bearer ${deskB}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    await nextEvent(reader, 'ready');
    await app.ok('customers.create', { name: '周一', mobile: '13800001111' }, deskA);
    const change = (await nextEvent(reader, 'change')) as { seq: number; topics: string[] };
    expect(change.topics).toEqual(expect.arrayContaining(['customers', 'callbacks']));
    await reader.cancel();
  });

  it('names the called customer on a claim and a recorded call: other customers’ cards need not refetch', async () => {
    const operator = await app.userWithRole('callback_operator');
    const sqlite = app.core.db.$client;
    const today = localDate(new Date());
    const stamp = new Date().toISOString();
    const customerId = Number(
      sqlite
        .prepare("insert into customers (name, mobile, stage) values ('钱七', '13700007777', 'owner')")
        .run().lastInsertRowid,
    );
    sqlite
      .prepare(
        `insert into callback_tasks (customer_id, rule_code, anchor_date, due_date, expires_on, priority, created_at, updated_at)
         values (?, 'quarterly_care', ?, ?, ?, 1, ?, ?)`,
      )
      .run(customerId, today, today, addDays(today, 30), stamp, stamp);

    const res = await http.request('/api/changes', { headers: { authorization: `Bearer ${deskB}` } });
    const reader = res.body!.getReader();
    await nextEvent(reader, 'ready');
    const panel = await app.ok('callbacks.next', { customerId }, operator);
    expect(panel?.customer.id).toBe(customerId);
    const claimed = (await nextEvent(reader, 'change')) as LiveChange;
    expect(claimed).toMatchObject({ topics: ['callbacks'], customers: { callbacks: [customerId] } });

    const recorded = await app.ok(
      'callbacks.record',
      { taskIds: panel!.reasons.map((r) => r.taskId), outcome: 'reached' },
      operator,
    );
    expect(recorded.customerId).toBe(customerId);
    const change = (await nextEvent(reader, 'change')) as LiveChange;
    expect(change.topics).toEqual(expect.arrayContaining(['callbacks', 'customers', 'complaints', 'events']));
    for (const topic of change.topics) expect(change.customers?.[topic], topic).toEqual([customerId]);
    await reader.cancel();
  });

  it('names the owner on a vehicle’s and a visit’s save', async () => {
    const heard: LiveChange[] = [];
    const stop = app.core.changes.subscribe((c) => heard.push(c));
    const owner = await app.ok('customers.create', { name: '冯八', mobile: '13700008888' }, deskA);
    const vehicle = await app.ok(
      'vehicles.create',
      { customerId: owner.id, fields: { vin: vin('LFV2A21K0P9000007'), brand: '大众', series: '朗逸' } },
      deskA,
    );
    await app.ok(
      'visits.create',
      {
        vehicleId: vehicle.id,
        visitDate: '2026-01-06',
        mileageKm: 3000,
        type: 'maintenance',
        amountFen: 30000,
      },
      deskA,
    );
    await new Promise((r) => setTimeout(r, 300));
    stop();
    expect(heard.length).toBeGreaterThan(0);
    for (const change of heard)
      for (const topic of change.topics) expect(change.customers?.[topic], topic).toEqual([owner.id]);
  });

  it('names the ticket’s customer on a complaint’s writes', async () => {
    const customer = await app.ok('customers.create', { name: '陈九', mobile: '13700009999' }, deskA);
    await new Promise((r) => setTimeout(r, 300));
    const heard: LiveChange[] = [];
    const stop = app.core.changes.subscribe((c) => heard.push(c));
    const ticket = await app.ok(
      'complaints.create',
      {
        customerId: customer.id,
        channel: 'walk_in',
        category: 'waiting_time',
        description: '等待时间太长',
        receivedAt: new Date().toISOString(),
        facts: {
          safety_fault: false,
          media_exposure: false,
          regulator: false,
          refund_or_replacement: false,
          concrete_loss: false,
        },
      },
      deskA,
    );
    expect(ticket.customerId).toBe(customer.id);
    await new Promise((r) => setTimeout(r, 300));
    stop();
    expect(heard.flatMap((c) => c.topics)).toContain('complaints');
    for (const change of heard)
      for (const topic of change.topics) expect(change.customers?.[topic], topic).toEqual([customer.id]);
  });

  it('merges a batch’s customers per topic; a wholesale write or too many customers make the topic wholesale', async () => {
    const bus = createChangeBus({ batchMs: 10, customerCap: 3 });
    const heard: LiveChange[] = [];
    bus.subscribe((c) => heard.push(c));
    const settle = () => new Promise((r) => setTimeout(r, 40));
    bus.publish(['customers', 'callbacks'], [1]);
    bus.publish(['customers'], [2, 1]);
    await settle();
    bus.publish(['customers'], [3]);
    bus.publish(['customers', 'settings']);
    bus.publish(['customers'], [4]);
    await settle();
    bus.publish(['callbacks'], [1, 2]);
    bus.publish(['callbacks'], [3, 4]);
    await settle();
    bus.stop();
    expect(heard).toEqual([
      { seq: 1, topics: ['customers', 'callbacks'], customers: { customers: [1, 2], callbacks: [1] } },
      { seq: 2, topics: ['customers', 'settings'] },
      { seq: 3, topics: ['callbacks'] },
    ]);
  });

  it('publishes nothing for a read or a refused write', async () => {
    const heard: string[][] = [];
    const stop = app.core.changes.subscribe((c) => heard.push(c.topics));
    await app.ok('customers.list', {}, deskA);
    await app.call(
      'customers.update',
      { id: 999999, version: 1, fields: { name: '无', mobile: '13800000000' } },
      deskA,
    );
    await new Promise((r) => setTimeout(r, 300));
    stop();
    expect(heard).toEqual([]);
  });

  it('declares only known topics, and a topic on every write of the customer and call-back screens', () => {
    for (const [name, def] of Object.entries(contract)) {
      for (const t of (def as { touches?: readonly string[] }).touches ?? [])
        expect(liveTopics, name).toContain(t);
    }
    for (const name of [
      'customers.update',
      'vehicles.update',
      'visits.update',
      'callbacks.record',
      'complaints.create',
    ])
      expect((contract[name as keyof typeof contract] as { touches?: unknown }).touches, name).toBeTruthy();
  });
});

describe('optimistic locking, field by field', () => {
  let app: TestApp;
  let desk: string;
  let phone = 13900002000;
  const fieldsOf = (c: Record<string, unknown>) => ({
    name: c.name,
    mobile: c.mobile,
    district: c.district,
    occupation: c.occupation,
    notes: c.notes,
  });

  beforeAll(async () => {
    app = await createTestApp();
    desk = await app.userWithRole('front_desk');
  });
  afterAll(() => app.close());

  it('merges edits of different fields of one card made from the same copy', async () => {
    const loaded = await app.ok('customers.create', { name: '吴二', mobile: String(++phone) }, desk);
    const base = fieldsOf(loaded);
    const a = await app.ok(
      'customers.update',
      { id: loaded.id, version: loaded.version, base, fields: { ...base, district: '天河区' } },
      desk,
    );
    expect(a.version).toBe(loaded.version + 1);
    const b = await app.ok(
      'customers.update',
      { id: loaded.id, version: loaded.version, base, fields: { ...base, occupation: '教师' } },
      desk,
    );
    expect(b).toMatchObject({ district: '天河区', occupation: '教师', version: loaded.version + 2 });
    // The masked mobile the front desk was shown came back untouched: the stored number stays whole.
    const stored = app.core.db.$client.prepare('select mobile from customers where id = ?').get(loaded.id);
    expect(stored).toEqual({ mobile: String(phone) });
  });

  it('answers a stale edit of the same field with conflict, the current values and the clashing field', async () => {
    const loaded = await app.ok('customers.create', { name: '郑三', mobile: String(++phone) }, desk);
    const base = fieldsOf(loaded);
    await app.ok(
      'customers.update',
      { id: loaded.id, version: loaded.version, base, fields: { ...base, district: '越秀区' } },
      desk,
    );
    const stale = await app.call(
      'customers.update',
      {
        id: loaded.id,
        version: loaded.version,
        base,
        fields: { ...base, district: '海珠区', notes: '周末来店' },
      },
      desk,
    );
    expect(stale).toMatchObject({
      ok: false,
      error: {
        kind: 'conflict',
        details: { clashes: ['district'], current: { district: '越秀区', version: loaded.version + 1 } },
      },
    });
    const now = await app.ok('customers.get', { id: loaded.id }, desk);
    expect(now).toMatchObject({ district: '越秀区', notes: null });
  });

  it('merges vehicles and visits the same way, and refuses the same field changed twice', async () => {
    const c = await app.ok('customers.create', { name: '王四', mobile: String(++phone) }, desk);
    const v = await app.ok(
      'vehicles.create',
      { customerId: c.id, fields: { vin: vin('LFV2A21K0P9000001'), brand: '大众', series: '帕萨特' } },
      desk,
    );
    const base = {
      vin: v.vin,
      plate: v.plate,
      brand: v.brand,
      series: v.series,
      color: v.color,
      model: v.model,
    };
    await app.ok(
      'vehicles.update',
      { id: v.id, version: v.version, base, fields: { ...base, color: '黑色' } },
      desk,
    );
    const merged = await app.ok(
      'vehicles.update',
      { id: v.id, version: v.version, base, fields: { ...base, model: '380TSI' } },
      desk,
    );
    expect(merged).toMatchObject({ color: '黑色', model: '380TSI', version: v.version + 2 });
    const clash = await app.call(
      'vehicles.update',
      { id: v.id, version: v.version, base, fields: { ...base, color: '白色' } },
      desk,
    );
    expect(clash).toMatchObject({
      ok: false,
      error: { kind: 'conflict', details: { clashes: ['color'], current: { color: '黑色' } } },
    });

    await app.ok(
      'visits.create',
      { vehicleId: v.id, visitDate: '2026-01-05', mileageKm: 5000, type: 'maintenance', amountFen: 50000 },
      desk,
    );
    const visitId = (
      app.core.db.$client.prepare('select id from service_visits where vehicle_id = ?').get(v.id) as {
        id: number;
      }
    ).id;
    const visit = await app.ok('visits.get', { id: visitId }, desk);
    const vb = { type: visit.type, amountFen: visit.amountFen, advisor: visit.advisor, notes: visit.notes };
    await app.ok(
      'visits.update',
      { id: visit.id, version: visit.version, base: vb, ...vb, advisor: '李工' },
      desk,
    );
    const both = await app.ok(
      'visits.update',
      { id: visit.id, version: visit.version, base: vb, ...vb, notes: '客户自带机油' },
      desk,
    );
    expect(both).toMatchObject({ advisor: '李工', notes: '客户自带机油', version: visit.version + 2 });
  });

  it('merges a stale user edit of another field; the same field conflicts with the current account', async () => {
    const created = await app.ok(
      'users.create',
      { username: 'deskmerge', displayName: '陈五', role: 'front_desk', password: 'Staff-Pass-1' },
      app.adminToken,
    );
    const base = { displayName: created.displayName, role: created.role, disabled: created.disabled };
    await app.ok(
      'users.update',
      { id: created.id, version: created.version, base, displayName: '陈五五' },
      app.adminToken,
    );
    const merged = await app.ok(
      'users.update',
      { id: created.id, version: created.version, base, role: 'callback_operator' },
      app.adminToken,
    );
    expect(merged).toMatchObject({ displayName: '陈五五', role: 'callback_operator' });
    const clash = await app.call(
      'users.update',
      { id: created.id, version: created.version, base, displayName: '陈伍' },
      app.adminToken,
    );
    expect(clash).toMatchObject({
      ok: false,
      error: { kind: 'conflict', details: { clashes: ['displayName'], current: { displayName: '陈五五' } } },
    });
  });
});
