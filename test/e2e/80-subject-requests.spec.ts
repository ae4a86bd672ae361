import { expect, test } from '@playwright/test';
import { adminApi, apiCaller, apiLogin, ensureDemoData, ensureUser, shotBoth, uiLogin } from './e2e-helpers';

// 个人信息权利请求 (issue 10): a manager records a see/copy request at the desk and hands the person their data
// package; a delete request shows what goes and what stays before the typed confirmation; a refusal needs its
// reason; the administrator sees the same desk.

/** A store date `days` before today, on the store's (Beijing) calendar. */
const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

test('manager records a request, produces the data package, anonymises on a delete request', async ({
  page,
  request,
}) => {
  await ensureDemoData(request);
  const admin = await adminApi(request);
  const password = await ensureUser(request, 'e2e-privacy-mgr', 'manager', '隐私经理');
  const manager = apiCaller(request, await apiLogin(request, 'e2e-privacy-mgr', password));
  // Own people with numbers no demo customer has (the 1996… range), so the spec can run again on the same data.
  const stamp = String(Date.now()).slice(-6);
  const asker = await admin<{ id: number; name: string }>('customers.create', {
    name: `权利测试${stamp.slice(-2)}`,
    mobile: `1996${stamp}0`.slice(0, 11),
    notes: '到店要求查阅本人资料',
  });
  const leaver = await admin<{ id: number; name: string }>('customers.create', {
    name: `删除测试${stamp.slice(-2)}`,
    mobile: `1996${stamp}1`.slice(0, 11),
  });
  // Work already on the desk: one overdue, one to be erased, one to refuse.
  await manager('subjectRequests.create', {
    customerId: leaver.id,
    kind: 'correct',
    channel: 'phone',
    identityCheck: 'phone_callback',
    receivedOn: daysAgo(40),
    notes: '要求更正地址',
  });
  const deletion = await manager<{ id: number }>('subjectRequests.create', {
    customerId: leaver.id,
    kind: 'delete',
    channel: 'letter',
    identityCheck: 'id_document',
    identityNote: '核对身份证原件',
    receivedOn: daysAgo(2),
  });
  const toRefuse = await manager<{ id: number }>('subjectRequests.create', {
    customerId: asker.id,
    kind: 'withdraw_consent',
    channel: 'wechat',
    identityCheck: 'known_facts',
    receivedOn: daysAgo(1),
  });

  const withdrawal = await manager<{ id: number }>('subjectRequests.create', {
    customerId: asker.id,
    kind: 'withdraw_consent',
    channel: 'phone',
    identityCheck: 'phone_callback',
    receivedOn: daysAgo(0),
    notes: '不再接收营销推广',
  });
  await uiLogin(page, 'e2e-privacy-mgr', password);
  await page.getByRole('menuitem', { name: '个人信息' }).click();
  await expect(page.getByRole('tab', { name: '权利请求' })).toBeVisible();
  const desk = page.locator('.requests-desk');
  await expect(desk.locator('.request-row-overdue').first()).toBeVisible();
  await expect(desk.locator('.request-count-danger')).toBeVisible();
  await shotBoth(page, '80-request-desk');

  await test.step('record a see/copy request in the drawer', async () => {
    await desk.getByRole('button', { name: '登记请求' }).click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '登记个人信息权利请求' });
    await expect(drawer).toBeVisible();
    await drawer.getByLabel('客户').click();
    await page.keyboard.type(asker.name);
    await page.locator('.ant-select-item-option').filter({ hasText: asker.name }).first().click();
    await drawer.getByLabel('核验说明').fill('核对身份证原件，末四位与档案一致');
    await drawer.getByLabel('说明', { exact: true }).fill('本人要求提供在本店的全部个人信息副本');
    await expect(drawer.getByText(/默认 \d{4}-\d{2}-\d{2}（收到后第 15 个工作日）/)).toBeVisible();
    await shotBoth(page, '80-new-request');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await expect(page.getByText(/已登记请求 #\d+/)).toBeVisible();
  });

  const detail = page.locator('.request-drawer');
  await test.step('produce the data package from the request', async () => {
    await expect(detail.getByText('查阅、复制').first()).toBeVisible();
    await expect(detail.getByText(asker.name).first()).toBeVisible();
    const downloading = page.waitForEvent('download');
    await detail.getByRole('button', { name: '生成数据包' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(new RegExp(`^个人信息副本-客户${asker.id}-\\d{8}\\.xlsx$`));
    await expect(page.getByText(/已生成数据包：\d+ 张表，\d+ 条记录/)).toBeVisible();
    await expect(detail.locator('.ant-drawer-title').getByText('处理中')).toBeVisible();
    await expect(detail.getByText('生成数据包').last()).toBeVisible();
    await shotBoth(page, '80-request-detail');
    await detail.getByRole('button', { name: '标记办结' }).click();
    await page.getByRole('button', { name: '标记办结' }).last().click();
    await expect(detail.locator('.ant-drawer-title').getByText('已办结')).toBeVisible();
    await page.keyboard.press('Escape');
  });

  await test.step('a refusal needs its reason', async () => {
    await desk.getByRole('button', { name: `#${toRefuse.id}` }).click();
    await detail.getByRole('button', { name: '拒绝请求…' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '拒绝权利请求' });
    await modal.getByRole('button', { name: '拒绝请求' }).click();
    await expect(modal.getByText(/必须说明理由/)).toBeVisible();
    await modal.getByLabel('拒绝理由').fill('本人未能提供与档案一致的身份信息');
    await modal.getByRole('button', { name: '拒绝请求' }).click();
    await expect(detail.locator('.ant-drawer-title').getByText('已拒绝')).toBeVisible();
    await page.keyboard.press('Escape');
  });

  await test.step('a withdraw-consent request records the withdrawal and closes', async () => {
    await desk.getByRole('button', { name: `#${withdrawal.id}` }).click();
    await detail.getByRole('button', { name: '记录撤回…' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '记录撤回同意' });
    await modal.getByLabel('营销推广').check();
    await shotBoth(page, '80-withdraw-consent');
    await modal.getByRole('button', { name: '记录撤回并办结' }).click();
    await expect(page.getByText('已记录撤回，请求已办结')).toBeVisible();
    await expect(detail.locator('.ant-drawer-title').getByText('已办结')).toBeVisible();
    await page.keyboard.press('Escape');
  });

  await test.step('the delete request shows what goes and stays, then anonymises on the typed number', async () => {
    await desk.getByRole('button', { name: `#${deletion.id}` }).click();
    await detail.getByRole('button', { name: '匿名化删除…' }).click();
    const modal = page.locator('.erasure-modal');
    await expect(modal.getByText('此操作不可撤销')).toBeVisible();
    await expect(modal.getByText('将保留（不再能识别到本人）')).toBeVisible();
    await expect(modal.getByText('已有的数据备份')).toBeVisible();
    const ok = modal.getByRole('button', { name: '永久删除个人信息' });
    await expect(ok).toBeDisabled();
    await shotBoth(page, '80-erasure-preview');
    await modal.getByLabel(`请输入客户编号 ${leaver.id} 以确认`).fill(String(leaver.id));
    await ok.click();
    await expect(page.getByText(`已删除 ${leaver.name} 的个人信息，请求已办结`)).toBeVisible();
    await expect(detail.getByText(`已删除客户#${leaver.id}`).first()).toBeVisible();
    await expect(detail.locator('.ant-drawer-title').getByText('已办结')).toBeVisible();
    await shotBoth(page, '80-erased-request');
    await page.keyboard.press('Escape');
    // The person's correction request had nothing left to correct: it closed with the erasure.
    await desk.getByText('全部', { exact: true }).click();
    await expect(
      desk
        .locator('.request-row')
        .filter({ hasText: '更正、补充' })
        .filter({ hasText: `已删除客户#${leaver.id}` }),
    ).toContainText('已办结');
  });
  const card = await admin<{ name: string; mobile: string | null }>('customers.get', { id: leaver.id });
  expect(card).toMatchObject({ name: `已删除客户#${leaver.id}`, mobile: null });
});

test('the administrator sees the request desk', async ({ page, request }) => {
  await ensureDemoData(request);
  const admin = await adminApi(request);
  const someone = await admin<{ id: number }>('customers.create', {
    name: '管理员查看',
    mobile: `1995${String(Date.now()).slice(-7)}`,
  });
  await admin('subjectRequests.create', {
    customerId: someone.id,
    kind: 'access',
    channel: 'email',
    identityCheck: 'agent',
    identityNote: '委托书及双方身份证复印件',
    receivedOn: daysAgo(0),
  });
  await uiLogin(page);
  await page.getByRole('menuitem', { name: '个人信息' }).click();
  await expect(page.getByRole('tab', { name: '权利请求' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '审计日志' })).toBeVisible();
  await expect(page.locator('.requests-desk').getByText('管理员查看').first()).toBeVisible();
  await shotBoth(page, '80-admin-desk');
});
