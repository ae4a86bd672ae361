import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupEntry } from '../../electron/contract/backups';
import type { Envelope } from '../../electron/contract/errors';
import { isBackupDue, lastSlot, nextSlot } from '../../electron/domain/backups/backup-schedule';
import { isoWeekOf, selectRetained } from '../../electron/domain/backups/retention';
import { setStoreTimeZone } from '../../electron/domain/clock';
import { createRequestGate } from '../../electron/server/request-gate';
import type { TestApp } from '../helpers/test-app';
import { adminPassword, createTestApp } from '../helpers/test-app';
import { testClock } from '../helpers/test-clock';

const repo = path.resolve(import.meta.dirname, '../..');
const passphrase = 'Backup-Pass-2026';

/** Every table's rows (sorted, as JSON), the sessions aside: a restore signs everyone out on purpose. */
function dumpTables(sqlite: Database.Database): Record<string, string[]> {
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    if (t === 'sessions') continue;
    out[t] = (sqlite.prepare(`select * from "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

/** The audit log in order (its rows chain, so order matters), from row `afterId` on. */
function auditActions(sqlite: Database.Database, afterId: number): string[] {
  return sqlite
    .prepare('select action from audit_log where id > ? order by id')
    .pluck()
    .all(afterId) as string[];
}

/** After a restore the log gains its row first, then only the sign-ins that followed. */
function expectRestoredThenSignIns(actions: string[]): void {
  expect(actions[0]).toBe('backup.restored');
  expect(actions.slice(1).filter((a) => !a.startsWith('auth.'))).toEqual([]);
}

function maxAuditId(sqlite: Database.Database): number {
  return (sqlite.prepare('select max(id) from audit_log').pluck().get() as number | null) ?? 0;
}

/** Two dumps equal but for the rows the audit log gained after `upToId`. */
function expectSameUpTo(now: Record<string, string[]>, then: Record<string, string[]>, upToId: number): void {
  const { audit_log: nowAudit, ...nowRest } = now;
  const { audit_log: thenAudit, ...thenRest } = then;
  expect(nowRest).toEqual(thenRest);
  const upTo = (rows: string[]) => rows.filter((r) => (JSON.parse(r) as { id: number }).id <= upToId);
  expect(upTo(nowAudit!)).toEqual(thenAudit);
  expect(upTo(thenAudit!)).toHaveLength(thenAudit!.length);
}

function dumpFile(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    return dumpTables(db);
  } finally {
    db.close();
  }
}

function expectError(result: Envelope<unknown>, kind: string, message: RegExp): void {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.kind).toBe(kind);
    expect(result.error.message).toMatch(message);
  }
}

function flipBytes(file: string, at: number): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const b = Buffer.alloc(4);
    fs.readSync(fd, b, 0, 4, at);
    for (let i = 0; i < 4; i++) b[i] = b[i]! ^ 0xff;
    fs.writeSync(fd, b, 0, 4, at);
  } finally {
    fs.closeSync(fd);
  }
}

function filesIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

async function addCustomer(app: TestApp, token: string, name: string, mobile: string): Promise<number> {
  const c = await app.ok('customers.create', { name, mobile }, token);
  return (c as { id: number }).id;
}

describe('backups: settings, copy, check, restore', () => {
  let app: TestApp;
  let token: string;
  let folder: string;
  const tmp: string[] = [];
  const mkTmp = (prefix: string) => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    tmp.push(d);
    return d;
  };

  beforeAll(async () => {
    app = await createTestApp();
    token = app.adminToken;
    folder = mkTmp('dealer-crm-backups-');
    await addCustomer(app, token, '备份测试甲', '13800138001');
    await addCustomer(app, token, '备份测试乙', '13800138002');
  });
  afterAll(() => {
    app.close();
    fs.rmSync(`${app.dataDir}-keys`, { recursive: true, force: true });
    for (const d of tmp) fs.rmSync(d, { recursive: true, force: true });
  });

  it('refuses a folder that does not exist, a file, a relative path and the data folder, in Chinese', async () => {
    const missing = path.join(folder, 'no-such-folder');
    expectError(await app.call('backups.saveSettings', { folder: missing }, token), 'validation', /不存在/);
    const file = path.join(folder, 'a-file.txt');
    fs.writeFileSync(file, 'x');
    expectError(await app.call('backups.saveSettings', { folder: file }, token), 'validation', /不是文件夹/);
    fs.rmSync(file);
    expectError(
      await app.call('backups.saveSettings', { folder: 'backups' }, token),
      'validation',
      /完整路径/,
    );
    expectError(
      await app.call('backups.saveSettings', { folder: app.dataDir }, token),
      'validation',
      /不能是数据目录/,
    );
    if (process.getuid?.() !== 0) {
      const readOnly = mkTmp('dealer-crm-ro-');
      fs.chmodSync(readOnly, 0o500);
      expectError(
        await app.call('backups.saveSettings', { folder: readOnly }, token),
        'validation',
        /无法写入/,
      );
    }
    expect((await app.ok('backups.settings', {}, token)).folder).toBeNull();
  });

  it('saves a folder, warns that it is on the same disk, and needs a passphrase before encrypting', async () => {
    const saved = await app.ok('backups.saveSettings', { folder, time: '02:30', daily: true }, token);
    expect(saved).toMatchObject({ folder, time: '02:30', encrypt: false, passphraseSaved: false });
    expect(saved.retention).toEqual({ daily: 7, weekly: 4, monthly: 12 });
    expect(saved.warnings.join()).toMatch(/同一块磁盘/);
    const noPass = await app.call('backups.saveSettings', { encrypt: true }, token);
    expectError(noPass, 'validation', /备份密码/);
    const settingsFile = fs.readFileSync(path.join(app.dataDir, 'backup-settings.json'), 'utf8');
    expect(JSON.parse(settingsFile)).toMatchObject({ folder, encrypt: false });
  });

  it('makes a plain backup: checked, listed with size, counts and result, logged', async () => {
    const before = dumpTables(app.core.db.$client);
    const entry = await app.ok('backups.run', {}, token);
    expect(entry).toMatchObject({ result: 'ok', trigger: 'manual', encrypted: false, error: null });
    expect(entry.name).toMatch(/^dealer-crm-\d{8}-\d{6}\.sqlite$/);
    expect(entry.counts?.customers).toBe(2);
    expect(entry.sizeBytes).toBe(fs.statSync(path.join(folder, entry.name)).size);
    // The copy holds exactly what the database held when it was made.
    expect(dumpFile(path.join(folder, entry.name))).toEqual(before);
    const list = await app.ok('backups.list', {}, token);
    expect(list.entries.map((e) => e.name)).toEqual([entry.name]);
    const audit = app.core.db.$client
      .prepare("select username, entity_id as name, detail from audit_log where action = 'backup.created'")
      .all() as { username: string; name: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'admin', name: entry.name });
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ result: 'ok', trigger: 'manual' });
  });

  it('restores a plain backup: same rows in every table, a safety copy of the data it replaced', async () => {
    const entry = (await app.ok('backups.list', {}, token)).entries[0]!;
    const atBackup = dumpFile(path.join(folder, entry.name));
    const copyAuditId = (() => {
      const db = new Database(path.join(folder, entry.name), { readonly: true });
      const id = maxAuditId(db);
      db.close();
      return id;
    })();
    const laterId = await addCustomer(app, token, '备份后新增', '13800138003');
    const restored = await app.ok('backups.restore', { name: entry.name, confirm: true }, token);
    expect(restored.restoredFrom).toBe(entry.name);
    expect(restored.counts.customers).toBe(2);
    // The app now runs on the restored file: everyone signs in again, and the later customer is gone.
    expectError(await app.call('customers.get', { id: laterId }, token), 'unauthenticated', /登录/);
    token = await app.login('admin', adminPassword);
    expectError(await app.call('customers.get', { id: laterId }, token), 'not_found', /./);
    // Every table as it was in the copy; the log continues from the copy's rows with the restore and the
    // new sign-in after them.
    expectSameUpTo(dumpTables(app.core.db.$client), atBackup, copyAuditId);
    expectRestoredThenSignIns(auditActions(app.core.db.$client, copyAuditId));
    // The database it replaced is kept whole, the later customer in it.
    expect(fs.existsSync(restored.safetyCopy)).toBe(true);
    const safety = new Database(restored.safetyCopy, { readonly: true });
    expect(safety.prepare('select count(*) from customers where id = ?').pluck().get(laterId)).toBe(1);
    safety.close();
  });

  it('encrypts with the saved passphrase: no plain SQLite or customer data in the file, restores the same rows', async () => {
    const saved = await app.ok('backups.saveSettings', { encrypt: true, passphrase }, token);
    expect(saved.passphraseSaved).toBe(true);
    // Only the sealed passphrase is on disk, and this computer's key is outside the data folder.
    const settingsText = fs.readFileSync(path.join(app.dataDir, 'backup-settings.json'), 'utf8');
    expect(settingsText).not.toContain(passphrase);
    expect(fs.existsSync(path.join(`${app.dataDir}-keys`, 'backup-passphrase.key'))).toBe(true);
    expect(fs.readdirSync(app.dataDir).some((f) => f.endsWith('.key'))).toBe(false);

    const atBackup = dumpTables(app.core.db.$client);
    const atBackupId = maxAuditId(app.core.db.$client);
    const entry = await app.ok('backups.run', {}, token);
    expect(entry).toMatchObject({ result: 'ok', encrypted: true });
    expect(entry.name).toMatch(/\.sqlite\.enc$/);
    const bytes = fs.readFileSync(path.join(folder, entry.name));
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('DCRMBAK\0');
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('13800138001'))).toBe(false);
    expect(bytes.includes(Buffer.from('备份测试甲'))).toBe(false);

    await addCustomer(app, token, '加密后新增', '13800138004');
    const restored = await app.ok('backups.restore', { name: entry.name, passphrase, confirm: true }, token);
    expect(restored.counts.customers).toBe(2);
    token = await app.login('admin', adminPassword);
    expectSameUpTo(dumpTables(app.core.db.$client), atBackup, atBackupId);
    expectRestoredThenSignIns(auditActions(app.core.db.$client, atBackupId));
  });

  it('refuses a wrong passphrase and a damaged file, and changes nothing', async () => {
    // One more encrypted copy, newest in the list.
    const entry = await app.ok('backups.run', {}, token);
    const file = path.join(folder, entry.name);
    const before = dumpTables(app.core.db.$client);
    const safetyCopies = filesIn(path.join(app.dataDir, 'backups'));
    const dataFiles = filesIn(app.dataDir);

    const wrong = await app.call(
      'backups.restore',
      { name: entry.name, passphrase: 'not-the-passphrase', confirm: true },
      token,
    );
    expectError(wrong, 'validation', /备份密码不正确/);
    if (!wrong.ok) expect(wrong.error.details).toMatchObject({ fields: { passphrase: '备份密码不正确' } });
    expectError(
      await app.call('backups.verify', { name: entry.name, passphrase: 'not-the-passphrase' }, token),
      'validation',
      /备份密码不正确/,
    );

    flipBytes(file, Math.floor(fs.statSync(file).size / 2));
    expectError(
      await app.call('backups.restore', { name: entry.name, confirm: true }, token),
      'validation',
      /已损坏/,
    );
    expectError(await app.call('backups.verify', { name: entry.name }, token), 'validation', /已损坏/);
    expect(dumpTables(app.core.db.$client)).toEqual(before);

    // A plain copy with a byte changed inside a row, where SQLite's own check would not look.
    await app.ok('backups.saveSettings', { encrypt: false }, token);
    const plain = await app.ok('backups.run', {}, token);
    const afterPlain = dumpTables(app.core.db.$client);
    const plainFile = path.join(folder, plain.name);
    flipBytes(plainFile, fs.statSync(plainFile).size - 3000);
    expectError(
      await app.call('backups.restore', { name: plain.name, confirm: true }, token),
      'validation',
      /已损坏/,
    );

    // A truncated copy without a manifest: integrity_check refuses it.
    const bare = plain.name.replace('.sqlite', '-9.sqlite');
    fs.writeFileSync(path.join(folder, bare), fs.readFileSync(plainFile).subarray(0, 8192));
    const listed = (await app.ok('backups.list', {}, token)).entries.find((e) => e.name === bare);
    expect(listed?.result).toBe('unchecked');
    expectError(
      await app.call('backups.restore', { name: bare, confirm: true }, token),
      'validation',
      /损坏|完整性/,
    );
    fs.rmSync(path.join(folder, bare));

    expect(dumpTables(app.core.db.$client)).toEqual(afterPlain);
    expect(filesIn(path.join(app.dataDir, 'backups'))).toEqual(safetyCopies);
    expect(filesIn(app.dataDir)).toEqual(dataFiles);
    // Still signed in: nothing was switched.
    await app.ok('backups.list', {}, token);
  });

  it('needs the confirmation, and refuses a failed attempt', async () => {
    const entry = (await app.ok('backups.list', {}, token)).entries.find((e) => e.result === 'ok')!;
    expectError(await app.call('backups.restore', { name: entry.name }, token), 'validation', /确认/);
    const failed = 'dealer-crm-20200101-000000.sqlite';
    fs.writeFileSync(
      path.join(folder, `${failed}.json`),
      JSON.stringify({
        format: 1,
        name: failed,
        createdAt: '2020-01-01T00:00:00.000Z',
        storeDate: '2020-01-01',
        trigger: 'daily',
        result: 'failed',
        error: '备份文件夹不存在',
        encrypted: false,
        sizeBytes: null,
        durationMs: 5,
        sha256: null,
        counts: null,
        schemaAt: null,
        appVersion: '0',
      }),
    );
    const listed = (await app.ok('backups.list', {}, token)).entries.find((e) => e.name === failed);
    expect(listed).toMatchObject({ result: 'failed', error: '备份文件夹不存在' });
    expectError(
      await app.call('backups.restore', { name: failed, confirm: true }, token),
      'validation',
      /没有成功/,
    );
    expectError(
      await app.call('backups.restore', { name: '../dealer-crm.sqlite', confirm: true }, token),
      'validation',
      /文件名无效/,
    );
    fs.rmSync(path.join(folder, `${failed}.json`));
  });

  it('refuses a non-administrator', async () => {
    await app.ok(
      'users.create',
      { username: 'backupmgr', displayName: '经理', role: 'manager', password: 'Staff-Pass-1' },
      token,
    );
    const manager = await app.login('backupmgr', 'Staff-Pass-1');
    for (const channel of ['backups.run', 'backups.list', 'backups.restore', 'backups.saveSettings'])
      expectError(await app.call(channel, {}, manager), 'forbidden', /权限/);
  });

  it('lists a daily copy that cannot be encrypted (this computer’s key file gone) as failed, with the reason', async () => {
    await app.ok('backups.saveSettings', { encrypt: true }, token);
    fs.rmSync(path.join(`${app.dataDir}-keys`, 'backup-passphrase.key'));
    const settings = await app.ok('backups.settings', {}, token);
    expect(settings.warnings.join()).toMatch(/无法读取已保存的备份密码/);
    expectError(await app.call('backups.run', {}, token), 'internal', /无法读取已保存的备份密码/);
    const failed = (await app.ok('backups.list', {}, token)).entries[0]!;
    expect(failed).toMatchObject({ result: 'failed', sizeBytes: null });
    expect(failed.error).toMatch(/重新输入备份密码/);
    // Typing the passphrase again makes a new key; the next copy works.
    await app.ok('backups.saveSettings', { passphrase }, token);
    expect((await app.ok('backups.run', {}, token)).result).toBe('ok');
    await app.ok('backups.saveSettings', { encrypt: false }, token);
  });

  it('makes a copy at shutdown when anything changed', async () => {
    const backupFiles = () => fs.readdirSync(folder).filter((f) => /^dealer-crm-.*\.sqlite(\.enc)?$/.test(f));
    const before = backupFiles().length;
    await addCustomer(app, token, '关闭前新增', '13800138005');
    const dataDir = app.dataDir;
    await app.core.shutdown();
    const reopened = await import('../../electron/server/app-core').then((m) => m.startAppCore({ dataDir }));
    try {
      const names = backupFiles();
      const manifests = names.map(
        (n) => JSON.parse(fs.readFileSync(path.join(folder, `${n}.json`), 'utf8')) as { trigger: string },
      );
      expect(manifests.filter((m) => m.trigger === 'shutdown')).toHaveLength(1);
      expect(names.length).toBe(before + 1);
    } finally {
      // The test app's close() closes what it opened: hand it the reopened core's database to close.
      reopened.close();
      app.core.close = () => {};
    }
  });
});

describe('backups: the request gate a restore closes', () => {
  it('answers new calls that the system is busy and waits for the calls already running', async () => {
    let release = () => {};
    const slow = new Promise<void>((r) => (release = r));
    const gate = createRequestGate(() => async (channel) => {
      if (channel === 'slow') await slow;
      return { ok: true, data: channel };
    });
    const running = gate.router('slow', {}, { token: null });
    let paused = false;
    const pausing = gate.pause(0).then(() => (paused = true));
    await new Promise((r) => setTimeout(r, 60));
    expect(paused).toBe(false);
    const refused = await gate.router('other', {}, { token: null });
    expectError(refused, 'conflict', /正在恢复备份/);
    release();
    await running;
    await pausing;
    expect(paused).toBe(true);
    gate.resume();
    expect(await gate.router('other', {}, { token: null })).toEqual({ ok: true, data: 'other' });
  });
});

describe('backups: retention (7 daily, 4 weekly, 12 monthly)', () => {
  const rule = { daily: 7, weekly: 4, monthly: 12 };
  const day = (d: string, hh = '23') => ({
    name: `${d} ${hh}`,
    storeDate: d,
    createdAt: `${d}T${hh}:00:00.000Z`,
  });
  const datesBack = (from: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      new Date(Date.parse(`${from}T00:00:00Z`) - i * 86_400_000).toISOString().slice(0, 10),
    );

  it('numbers ISO weeks from Monday, the year of the Thursday', () => {
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2026-12-28')).toBe('2026-W53');
    expect(isoWeekOf('2026-11-22')).toBe('2026-W47'); // a Sunday: still the week that began Monday 11-16
    expect(isoWeekOf('2026-11-23')).toBe('2026-W48');
  });

  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months from a year of daily copies', () => {
    const items = datesBack('2026-11-22', 400).map((d) => day(d));
    const kept = [...selectRetained(items, rule)].map((n) => n.slice(0, 10)).sort();
    const daily = datesBack('2026-11-22', 7);
    // Sundays (the newest day of each ISO week) of the 4 newest weeks; the newest week's newest is 11-22.
    const weekly = ['2026-11-22', '2026-11-15', '2026-11-08', '2026-11-01'];
    // Last day of each of the 12 newest months (the current month's newest is 11-22).
    const monthly = [
      '2026-11-22',
      '2026-10-31',
      '2026-09-30',
      '2026-08-31',
      '2026-07-31',
      '2026-06-30',
      '2026-05-31',
      '2026-04-30',
      '2026-03-31',
      '2026-02-28',
      '2026-01-31',
      '2025-12-31',
    ];
    expect(kept).toEqual([...new Set([...daily, ...weekly, ...monthly])].sort());
    expect(kept).toHaveLength(7 + 3 + 11);
  });

  it('keeps the newest copy of an earlier day with several (daily, shutdown, manual), and all of the newest day', () => {
    const items = [
      day('2026-11-21', '09'),
      day('2026-11-21', '23'),
      day('2026-11-21', '18'),
      day('2026-11-22', '08'),
      day('2026-11-22', '12'),
    ];
    expect([...selectRetained(items, { daily: 7, weekly: 0, monthly: 0 })].sort()).toEqual([
      '2026-11-21 23',
      '2026-11-22 08',
      '2026-11-22 12',
    ]);
  });

  it('counts periods that have copies: a month closed for the holidays keeps the older copies', () => {
    const items = [...datesBack('2026-03-10', 5), ...datesBack('2026-01-20', 10)].map((d) => day(d));
    const kept = [...selectRetained(items, rule)].map((n) => n.slice(0, 10)).sort();
    // 7 daily reach back past the gap into January; the weekly rule keeps Sunday 01-18 (the week before).
    expect(kept).toEqual([
      '2026-01-18',
      '2026-01-19',
      '2026-01-20',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
  });

  it('keeps the newest copy even with nothing to keep otherwise', () => {
    expect([
      ...selectRetained([day('2026-11-22'), day('2026-11-01')], { daily: 1, weekly: 0, monthly: 0 }),
    ]).toEqual(['2026-11-22 23']);
  });
});

describe('backups: the daily copy at the set store time', () => {
  it('falls due at the store time, not the host time, and a missed slot is made up', () => {
    setStoreTimeZone('Asia/Shanghai');
    // 02:30 in Beijing is 18:30 UTC the day before.
    const now = new Date('2026-11-21T18:29:00Z');
    expect(lastSlot(now, '02:30').toISOString()).toBe('2026-11-20T18:30:00.000Z');
    expect(nextSlot(now, '02:30').toISOString()).toBe('2026-11-21T18:30:00.000Z');
    const madeYesterday = new Date('2026-11-20T18:31:00Z');
    expect(isBackupDue(now, '02:30', madeYesterday)).toBe(false);
    expect(isBackupDue(new Date('2026-11-21T18:30:00Z'), '02:30', madeYesterday)).toBe(true);
    // Off at the slot, on again at noon: due at once.
    expect(isBackupDue(new Date('2026-11-22T04:00:00Z'), '02:30', madeYesterday)).toBe(true);
    expect(isBackupDue(now, '02:30', null)).toBe(true);
  });

  it('the scheduler makes one copy when the injected clock reaches the time, then waits for the next day', async () => {
    const clock = testClock('2026-11-21T18:00:00Z'); // 02:00 Beijing
    const app = await createTestApp({ clock: clock.clock });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-sched-'));
    try {
      await app.ok('backups.saveSettings', { folder, time: '02:30' }, app.adminToken);
      const copies = () => fs.readdirSync(folder).filter((f) => f.endsWith('.sqlite'));
      // A folder chosen just now: the first copy is made at once (nothing since the last slot).
      await app.core.backups.tick();
      expect(copies()).toHaveLength(1);
      clock.set('2026-11-21T18:29:00Z'); // 02:29
      await app.core.backups.tick();
      expect(copies()).toHaveLength(1);
      clock.set('2026-11-21T18:30:00Z'); // 02:30
      await app.core.backups.tick();
      expect(copies()).toHaveLength(2);
      const list = await app.ok('backups.list', {}, app.adminToken);
      expect(list.entries[0]).toMatchObject({ trigger: 'daily', label: '2026-11-22 02:30', result: 'ok' });
      expect(list.entries[0]!.name).toBe('dealer-crm-20261122-023000.sqlite');
      expect(list.nextAt).toBe('2026-11-22T18:30:00.000Z');
      clock.set('2026-11-22T10:00:00Z'); // 18:00 the same store day
      await app.core.backups.tick();
      expect(copies()).toHaveLength(2);
      clock.set('2026-11-22T18:30:00Z'); // 02:30 the next day
      await app.core.backups.tick();
      // Retention: the earlier day keeps only its newest copy.
      expect(copies().sort()).toEqual([
        'dealer-crm-20261122-023000.sqlite',
        'dealer-crm-20261123-023000.sqlite',
      ]);
    } finally {
      app.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('backups: npm run backup / restore', () => {
  const run = promisify(execFile);
  const tsx = (script: string, args: string[]) =>
    run(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repo });

  it('backs up with a passphrase file and restores into a stopped data folder', async () => {
    const app = await createTestApp();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-cli-'));
    const passFile = path.join(folder, 'pass.txt');
    fs.writeFileSync(passFile, `${passphrase}\n`);
    try {
      await addCustomer(app, app.adminToken, '脚本备份', '13800138009');
      const atBackup = dumpTables(app.core.db.$client);
      const atBackupId = maxAuditId(app.core.db.$client);
      // While the app runs: a consistent copy on a connection of the script's own.
      const out = await tsx('electron/cli/backup.ts', [
        '--data-dir',
        app.dataDir,
        '--to',
        folder,
        '--passphrase-file',
        passFile,
      ]);
      expect(out.stdout).toMatch(/备份完成.*已加密/);
      const name = fs.readdirSync(folder).find((f) => f.endsWith('.sqlite.enc'))!;
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, `${name}.json`), 'utf8')) as BackupEntry;
      expect(manifest).toMatchObject({ trigger: 'script', result: 'ok', encrypted: true });

      // Refused while the app has the folder open.
      await expect(
        tsx('electron/cli/restore.ts', [
          '--data-dir',
          app.dataDir,
          '--from',
          path.join(folder, name),
          '--passphrase-file',
          passFile,
          '--yes',
        ]),
      ).rejects.toMatchObject({ stderr: expect.stringMatching(/应用正在使用/) });

      const dataDir = app.dataDir;
      app.core.close();
      app.core.close = () => {};
      const wrongFile = path.join(folder, 'wrong.txt');
      fs.writeFileSync(wrongFile, 'wrong-passphrase');
      await expect(
        tsx('electron/cli/restore.ts', [
          '--data-dir',
          dataDir,
          '--from',
          path.join(folder, name),
          '--passphrase-file',
          wrongFile,
          '--yes',
        ]),
      ).rejects.toMatchObject({ stderr: expect.stringMatching(/备份密码不正确.*未做任何改动/) });
      const restored = await tsx('electron/cli/restore.ts', [
        '--data-dir',
        dataDir,
        '--from',
        path.join(folder, name),
        '--passphrase-file',
        passFile,
        '--yes',
      ]);
      expect(restored.stdout).toMatch(/已恢复/);
      expectSameUpTo(dumpFile(path.join(dataDir, 'dealer-crm.sqlite')), atBackup, atBackupId);
      const restoredDb = new Database(path.join(dataDir, 'dealer-crm.sqlite'), { readonly: true });
      expect(auditActions(restoredDb, atBackupId)).toEqual(['backup.restored']);
      restoredDb.close();
      expect(filesIn(path.join(dataDir, 'backups')).some((f) => f.includes('before-restore'))).toBe(true);
    } finally {
      app.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
