import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { adminApi, ensureDemoData, shotBoth, uiLogin } from './e2e-helpers';

// 设置 → 数据备份: the administrator chooses a folder (a wrong one is refused in Chinese), backs up now and sees
// the copy listed with its result, size and counts, encrypts the next one, and restores the first one after
// a confirmation; a wrong passphrase is shown at the field and changes nothing.

test('an administrator backs up, sees the copies listed, and restores one', async ({ page, request }) => {
  await ensureDemoData(request);
  const api = await adminApi(request);
  const { customerCount } = await api<{ customerCount: number }>('system.info', {});
  const customers = customerCount.toLocaleString('zh-CN');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-crm-e2e-backups-'));
  try {
    await uiLogin(page);
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('tab', { name: '数据备份' }).click();
    const form = page.locator('form.backup-settings');
    await expect(form.getByLabel('备份文件夹')).toBeVisible();
    await expect(page.getByText('尚未设置备份文件夹')).toBeVisible();

    await test.step('a folder that does not exist is refused beside the field', async () => {
      await form.getByLabel('备份文件夹').fill(path.join(folder, '不存在的文件夹'));
      await form.getByRole('button', { name: '保存备份设置' }).click();
      await expect(form.getByText(/该文件夹不存在/)).toBeVisible();
    });

    await test.step('the folder is saved; the daily copy is left off so this run stays in step', async () => {
      await form.getByLabel('备份文件夹').fill(folder);
      // Off for the test's own sake (the server's clock would otherwise make a copy within a minute).
      await form.getByRole('switch', { name: '每日自动备份' }).click();
      await form.getByRole('switch', { name: '关闭程序时备份' }).click();
      await form.getByRole('button', { name: '保存备份设置' }).click();
      await expect(page.getByText('已保存备份设置')).toBeVisible();
      const saved = await api<{ folder: string; daily: boolean }>('backups.settings', {});
      expect(saved).toMatchObject({ folder, daily: false });
    });

    const rows = page.locator('.backup-list .ant-table-tbody tr.ant-table-row');
    await test.step('立即备份 makes a checked copy, listed with result, size and counts', async () => {
      await page.getByRole('button', { name: '立即备份' }).click();
      await expect(page.getByText(/备份完成：dealer-crm-/)).toBeVisible({ timeout: 60_000 });
      await expect(rows).toHaveCount(1);
      const row = rows.first();
      await expect(row.getByText('成功')).toBeVisible();
      await expect(row.getByText('手动')).toBeVisible();
      await expect(row.getByText(customers, { exact: true })).toBeVisible();
      await expect(row.getByText(/\d+(\.\d)? MB/)).toBeVisible();
      const files = fs.readdirSync(folder).filter((f) => f.endsWith('.sqlite'));
      expect(files).toHaveLength(1);
      await shotBoth(page, '76-backups-list');
    });

    await test.step('with encryption on, the next copy is encrypted', async () => {
      await form.getByRole('switch', { name: '加密备份文件' }).click();
      await form.getByLabel('备份密码').fill('E2e-Backup-Pass');
      await form.getByRole('button', { name: '保存备份设置' }).click();
      // The first save's notice may still be showing: the newest one is this save's.
      await expect(page.getByText('已保存备份设置').last()).toBeVisible();
      await page.getByRole('button', { name: '立即备份' }).click();
      await expect(rows).toHaveCount(2, { timeout: 60_000 });
      await expect(rows.first().getByRole('cell', { name: '是', exact: true })).toBeVisible();
      const enc = fs.readdirSync(folder).find((f) => f.endsWith('.sqlite.enc'));
      expect(enc).toBeTruthy();
      expect(fs.readFileSync(path.join(folder, enc!)).subarray(0, 7).toString()).toBe('DCRMBAK');
      await form.getByRole('button', { name: '保存备份设置' }).scrollIntoViewIfNeeded();
      await shotBoth(page, '76-backups-settings');
    });

    await test.step('a wrong passphrase is shown at the field and nothing is restored', async () => {
      await rows.first().getByRole('button', { name: '恢复' }).click();
      const dialog = page.getByRole('dialog', { name: '恢复备份' });
      await expect(dialog.getByText('备份中的数据', { exact: true })).toBeVisible();
      await dialog.getByLabel('备份密码').fill('not-the-passphrase');
      await dialog.getByRole('checkbox').check();
      await dialog.getByRole('button', { name: '确认恢复' }).click();
      await expect(dialog.getByText('备份密码不正确')).toBeVisible({ timeout: 60_000 });
      await shotBoth(page, '76-backups-wrong-passphrase');
      await dialog.getByRole('button', { name: '取消' }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step('restoring the plain copy: date and counts, confirm, then everyone signs in again', async () => {
      await rows.nth(1).getByRole('button', { name: '恢复' }).click();
      const dialog = page.getByRole('dialog', { name: '恢复备份' });
      await expect(dialog.getByText('备份时间')).toBeVisible();
      await expect(dialog.locator('.restore-counts')).toContainText(`客户${customers}`);
      const ok = dialog.getByRole('button', { name: '确认恢复' });
      await expect(ok).toBeDisabled();
      await shotBoth(page, '76-backups-restore-dialog');
      await dialog.getByRole('checkbox').check();
      await ok.click();
      const done = page.getByRole('dialog').filter({ hasText: '已恢复备份' });
      await expect(done).toBeVisible({ timeout: 60_000 });
      await expect(done.getByText(/dealer-crm-before-restore-.*\.sqlite/)).toBeVisible();
      await shotBoth(page, '76-backups-restored');
      await done.getByRole('button', { name: '重新登录' }).click();
      await expect(page.getByLabel('用户名', { exact: true })).toBeVisible();
    });

    await test.step('the restore is in the log of the database in use', async () => {
      const again = await adminApi(request);
      const list = await again<{ entries: { result: string }[] }>('backups.list', {});
      expect(list.entries.filter((e) => e.result === 'ok')).toHaveLength(2);
      const info = await again<{ customerCount: number }>('system.info', {});
      expect(info.customerCount).toBeGreaterThan(1000);
    });
  } finally {
    // Leave the shared server with nothing scheduled into a folder that is about to go.
    const api2 = await adminApi(request);
    await api2('backups.saveSettings', { daily: false, atShutdown: false, encrypt: false });
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
