import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStoreFolder } from '../../electron/domain/backups/backup-files';
import type { TestApp } from '../helpers/test-app';
import { adminPassword, createTestApp } from '../helpers/test-app';

/**
 * Complaint evidence lives in files beside the database: a backup takes them along into the backup folder's
 * shared file store (each file once), a restore puts them back, encrypted backups keep them encrypted, and
 * retention removes stored files no kept backup needs.
 */
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const pdf = Buffer.from('%PDF-1.4\n% 投诉证据 evidence-marker-7731\n%%EOF\n', 'utf8');

let app: TestApp;
let token: string;
let folder: string;
let ticketId: number;
const storeDir = () => path.join(folder, fileStoreFolder);
const stored = () => (fs.existsSync(storeDir()) ? fs.readdirSync(storeDir()).sort() : []);
const evidenceFiles = () =>
  (fs.readdirSync(path.join(app.dataDir, 'complaint-files'), { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(app.dataDir, 'complaint-files', f)).isFile())
    .sort();

async function attach(fileName: string, bytes: Buffer): Promise<number> {
  const a = await app.ok(
    'complaints.addAttachment',
    { ticketId, fileName, dataBase64: bytes.toString('base64') },
    token,
  );
  return a.id;
}

beforeAll(async () => {
  app = await createTestApp();
  token = app.adminToken;
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-backup-files-'));
  const c = (await app.ok('customers.create', { name: '附件备份客户', mobile: '13800138071' }, token)) as {
    id: number;
  };
  const ticket = (await app.ok(
    'complaints.create',
    {
      customerId: c.id,
      channel: 'walk_in',
      category: 'service_quality',
      description: '漆面划伤，提供照片',
      receivedAt: new Date().toISOString(),
    },
    token,
  )) as { id: number };
  ticketId = ticket.id;
  await app.ok('backups.saveSettings', { folder }, token);
});
afterAll(() => {
  app.close();
  fs.rmSync(`${app.dataDir}-keys`, { recursive: true, force: true });
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('backups take the attachment files along', () => {
  it('stores each file once by its hash, lists it in the manifest and counts it', async () => {
    await attach('划痕.png', png);
    const first = await app.ok('backups.run', {}, token);
    expect(first.counts?.data_files).toBe(1);
    expect(stored()).toHaveLength(1);
    expect(fs.readFileSync(path.join(storeDir(), stored()[0]!))).toEqual(png);
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, `${first.name}.json`), 'utf8')) as {
      files: { path: string; sha256: string }[];
    };
    expect(manifest.files.map((f) => f.path)).toEqual([`complaint-files/${evidenceFiles()[0]}`]);
    // A second copy does not copy the same file again, and takes the new one.
    await attach('报告.pdf', pdf);
    const second = await app.ok('backups.run', {}, token);
    expect(second.counts?.data_files).toBe(2);
    expect(stored()).toHaveLength(2);
  });

  it('restore puts deleted and damaged evidence back, so the ticket opens its attachments again', async () => {
    const latest = (await app.ok('backups.list', {}, token)).entries[0]!;
    const [first, second] = evidenceFiles();
    fs.rmSync(path.join(app.dataDir, 'complaint-files', first!));
    fs.writeFileSync(path.join(app.dataDir, 'complaint-files', second!), 'damaged');
    const restored = await app.ok('backups.restore', { name: latest.name, confirm: true }, token);
    expect(restored.files).toEqual({ restored: 2, missing: 0 });
    token = await app.login('admin', adminPassword);
    const detail = await app.ok('complaints.get', { id: ticketId }, token);
    for (const a of detail.attachments) {
      const file = await app.call('complaints.attachment', { id: a.id }, token);
      expect(file.ok, a.fileName).toBe(true);
    }
  });

  it('verify and restore say how many files the backup folder no longer has', async () => {
    const latest = (await app.ok('backups.list', {}, token)).entries.find((e) => e.result === 'ok')!;
    const [gone] = stored();
    fs.rmSync(path.join(storeDir(), gone!));
    const verified = await app.ok('backups.verify', { name: latest.name }, token);
    expect(verified.missingFiles).toBe(1);
    fs.rmSync(path.join(app.dataDir, 'complaint-files'), { recursive: true, force: true });
    const restored = await app.ok('backups.restore', { name: latest.name, confirm: true }, token);
    expect(restored.files).toEqual({ restored: 1, missing: 1 });
    token = await app.login('admin', adminPassword);
  });

  it('encrypted backups keep their files encrypted, and retention drops files no kept backup lists', async () => {
    await app.ok('backups.saveSettings', { encrypt: true, passphrase: 'Files-Pass-2026' }, token);
    fs.rmSync(path.join(app.dataDir, 'complaint-files'), { recursive: true, force: true });
    await attach('报告.pdf', pdf);
    const entry = await app.ok('backups.run', {}, token);
    expect(entry.encrypted).toBe(true);
    const encrypted = stored().filter((n) => n.endsWith('.enc'));
    expect(encrypted).toHaveLength(1);
    const bytes = fs.readFileSync(path.join(storeDir(), encrypted[0]!));
    expect(bytes.includes(Buffer.from('evidence-marker-7731'))).toBe(false);
    // Keep one daily copy only, the plain copies dated a day earlier: they go, and with them the plain stored
    // files, while the encrypted copy's file stays.
    for (const n of fs.readdirSync(folder).filter((f) => f.endsWith('.sqlite.json'))) {
      const file = path.join(folder, n);
      const m = JSON.parse(fs.readFileSync(file, 'utf8')) as { storeDate: string; createdAt: string };
      fs.writeFileSync(
        file,
        JSON.stringify({ ...m, storeDate: '2026-01-05', createdAt: '2026-01-05T02:00:00.000Z' }),
      );
    }
    await app.ok('backups.saveSettings', { retention: { daily: 1, weekly: 0, monthly: 0 } }, token);
    await app.ok('backups.run', {}, token);
    expect(stored()).toEqual(encrypted);
    fs.rmSync(path.join(app.dataDir, 'complaint-files'), { recursive: true, force: true });
    const latest = (await app.ok('backups.list', {}, token)).entries[0]!;
    const restored = await app.ok('backups.restore', { name: latest.name, confirm: true }, token);
    expect(restored.files).toEqual({ restored: 1, missing: 0 });
    expect(fs.readFileSync(path.join(app.dataDir, 'complaint-files', evidenceFiles()[0]!))).toEqual(pdf);
  });
});
