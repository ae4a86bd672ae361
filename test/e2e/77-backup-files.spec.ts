import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { adminApi, ensureDemoData, shotBoth, uiLogin } from './e2e-helpers';

// A backup takes the complaints' evidence files along (dealer-crm-files beside the copy). When they are gone
// from the backup folder — copied elsewhere without them, cleaned up by hand — 校验 says so in words: the
// database is fine, N attachment files are missing, and the tickets' attachments would not open after a restore.

// A 1×1 PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('校验 warns when a backup’s attachment files are missing from its folder', async ({ page, request }) => {
  await ensureDemoData(request);
  const api = await adminApi(request);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-e2e-backup-files-'));
  try {
    const tickets = await api<{ rows: { id: number }[] }>('complaints.list', { limit: 1 });
    const ticketId = tickets.rows[0]!.id;
    await api('complaints.addAttachment', {
      ticketId,
      fileName: '备份校验-划痕.png',
      dataBase64: png.toString('base64'),
    });
    await api('backups.saveSettings', { folder, daily: false, atShutdown: false, encrypt: false });
    const entry = await api<{ name: string }>('backups.run', {});
    const files = path.join(folder, 'dealer-crm-files');
    expect(fs.readdirSync(files, { recursive: true }).length).toBeGreaterThan(0);

    await uiLogin(page);
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('tab', { name: '数据备份' }).click();
    // The folder is this spec's own: its one copy is the one just made.
    const rows = page.locator('.backup-list .ant-table-tbody tr.ant-table-row');
    await expect(rows).toHaveCount(1);
    const row = rows.first();
    expect((await api<{ entries: { name: string }[] }>('backups.list', {})).entries[0]!.name).toBe(
      entry.name,
    );

    await test.step('with the files in place the copy checks out', async () => {
      await row.getByRole('button', { name: '校验' }).click();
      await expect(page.getByText(/^备份完好：客户 [\d,]+，车辆 [\d,]+$/)).toBeVisible({ timeout: 60_000 });
    });

    await test.step('with the evidence files gone, 校验 names how many are missing', async () => {
      fs.rmSync(files, { recursive: true, force: true });
      const missing = await api<{ missingFiles: number }>('backups.verify', { name: entry.name });
      expect(missing.missingFiles).toBeGreaterThan(0);
      await row.getByRole('button', { name: '校验' }).click();
      const warning = page.getByText(
        new RegExp(`有 ${missing.missingFiles} 个附件文件不在备份文件夹的 dealer-crm-files 中`),
      );
      await expect(warning).toBeVisible({ timeout: 60_000 });
      await expect(warning).toContainText('数据库完好');
      await shotBoth(page, '77-backup-files-missing');
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
