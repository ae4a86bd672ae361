import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { vinCheckDigit } from '../../electron/common/vin';
import {
  adminApi,
  apiCaller,
  apiLogin,
  ensureDemoData,
  ensureUser,
  shot,
  shotBoth,
  uiLogin,
} from './e2e-helpers';

// 会员积分 (issue 13): a service visit recorded on the card earns points and lifts the tier at once; the card
// shows tier, balance and ledger; the front desk redeems a reward, sees and prints the voucher, marks it used;
// a referred friend takes delivery and both cards show their referral reward; a manager's large adjustment
// waits for a second manager on the 会员 page.

interface Detail {
  id: number;
}

interface Settings {
  thresholds: { silver: { points: number } };
  deliveryPoints: number;
  serviceFenPerPoint: number;
  referrerPoints: number[];
  refereePoints: number;
  adjustApprovalPoints: number;
}

function storeDay(offset: number): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(d);
}

function makeVin(serial: number): string {
  const raw = `LFV3A23C0S${String(serial).padStart(7, '0')}`;
  return `${raw.slice(0, 8)}${vinCheckDigit(raw)}${raw.slice(9)}`;
}

const fmt = (n: number) => new Intl.NumberFormat('zh-CN').format(n);

async function pickOption(page: Page, field: Locator, option: RegExp): Promise<void> {
  await field.click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .click();
}

async function toastsGone(page: Page): Promise<void> {
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
}

test('points from a visit, tier and balance on the card, a redemption with its voucher, a referral rewarding both', async ({
  page,
  request,
  context,
}) => {
  await ensureDemoData(request);
  const admin = await adminApi(request);
  const deskPassword = await ensureUser(request, 'e2e_loy_desk', 'front_desk', '前台苏晴');
  const managerPassword = await ensureUser(request, 'e2e_loy_mgr', 'manager', '经理韩松');
  const desk = apiCaller(request, await apiLogin(request, 'e2e_loy_desk', deskPassword));
  const settings = await admin<Settings>('loyalty.settings', {});
  const stamp = Date.now() % 1_000_000;

  await admin<Detail>('loyalty.saveReward', {
    name: `车载香薰礼盒 ${stamp}`,
    kind: 'gift',
    pointsPrice: 300,
    stock: 10,
  });
  const referrer = await desk<Detail>('customers.create', {
    name: '司马光明',
    gender: 'male',
    mobile: `1377${String(stamp).padStart(6, '0')}1`,
    stage: 'new_owner',
  });
  const plate = `粤L${String(stamp % 100_000).padStart(5, '0')}`;
  await desk('vehicles.create', {
    customerId: referrer.id,
    fields: { vin: makeVin(stamp), plate, brand: '一汽-大众', series: '迈腾', deliveryDate: storeDay(-20) },
  });
  // What the visit must earn to reach 银卡 at once, in whole yuan.
  const visitPoints = Math.max(1, settings.thresholds.silver.points - settings.deliveryPoints);
  const visitYuan = (visitPoints * settings.serviceFenPerPoint) / 100;

  await uiLogin(page, 'e2e_loy_desk', deskPassword);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/#/customers/${referrer.id}`);
  const member = page.locator('.member-section');
  const balance = member.getByTestId('member-balance');
  await expect(balance).toHaveText(`${fmt(settings.deliveryPoints)} 分`);
  await expect(member.locator('.tier-tag')).toHaveText('普通');

  await test.step('a service visit with an amount earns points; the tier goes up at once', async () => {
    const car = page.getByRole('article', { name: `粤L·${plate.slice(2)}` });
    await car.getByRole('button', { name: /进站/ }).click();
    const dialog = page.getByRole('dialog', { name: '记录进站' });
    await dialog.getByLabel('进站里程').fill('3200');
    await dialog.getByLabel('产值（元）').fill(String(visitYuan));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toBeHidden();
    await expect(balance).toHaveText(`${fmt(settings.deliveryPoints + visitPoints)} 分`);
    await expect(member.locator('.tier-tag')).toHaveText('银卡');
    const first = member.getByRole('table', { name: '积分流水' }).locator('tbody tr').first();
    await expect(first).toContainText('进站消费');
    await expect(first).toContainText(`+${fmt(visitPoints)}`);
    await expect(member).toContainText('保养工时');
    await toastsGone(page);
    await member.scrollIntoViewIfNeeded();
    await shotBoth(page, '92-loyalty-card-member');
  });

  const before = settings.deliveryPoints + visitPoints;
  let voucherNo = '';
  await test.step('redeem a reward: pick, confirm, the voucher shows and prints', async () => {
    await member.getByRole('button', { name: /兑\s*换/ }).click();
    const dialog = page.getByRole('dialog', { name: /积分兑换/ });
    await pickOption(page, dialog.getByLabel('兑换礼品'), new RegExp(`车载香薰礼盒 ${stamp}`));
    await expect(dialog.getByTestId('redeem-cost')).toContainText(
      `共需 300 分，兑换后余额 ${fmt(before - 300)} 分`,
    );
    await shotBoth(page, '92-loyalty-redeem-confirm');
    await dialog.getByRole('button', { name: '确认兑换' }).click();
    const voucher = page.getByRole('dialog', { name: '兑换凭证' });
    await expect(voucher.getByTestId('voucher-no')).toHaveText(/^JF\d{8}-\d{3}$/);
    voucherNo = (await voucher.getByTestId('voucher-no').textContent()) ?? '';
    await expect(voucher).toContainText('司马**');
    await expect(voucher).toContainText(`车载香薰礼盒 ${stamp}`);
    await toastsGone(page);
    await shotBoth(page, '92-loyalty-voucher');
    const [print] = await Promise.all([
      context.waitForEvent('page'),
      voucher.getByRole('button', { name: /打印凭证/ }).click(),
    ]);
    await print.setViewportSize({ width: 1440, height: 900 });
    await expect(print.locator('.voucher-print-page[data-ready]')).toBeVisible();
    await expect(print.getByTestId('voucher-no')).toHaveText(voucherNo);
    await expect(print.locator('.voucher')).toContainText('司马**');
    await shotBoth(print, '92-loyalty-voucher-print');
    await print.emulateMedia({ media: 'print' });
    await expect(print.locator('.voucher-print-toolbar')).toBeHidden();
    await shot(print, '92-loyalty-voucher-print-media');
    await print.close();
    await voucher.getByRole('button', { name: /完\s*成/ }).click();
    await expect(balance).toHaveText(`${fmt(before - 300)} 分`);
  });

  await test.step('the voucher is listed and marked used once', async () => {
    await member.getByRole('tab', { name: '兑换凭证' }).click();
    const row = member.getByRole('table', { name: '兑换凭证' }).locator('tr', { hasText: voucherNo });
    await expect(row).toContainText('未使用');
    await row.getByRole('button', { name: /核\s*销/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /核\s*销/ })
      .click();
    await expect(row).toContainText('已核销');
    await expect(row.getByRole('button', { name: /作\s*废/ })).toHaveCount(0);
    await toastsGone(page);
    await shotBoth(page, '92-loyalty-card-vouchers');
  });

  const friend = await desk<Detail>('customers.create', {
    name: '欧阳晓雪',
    gender: 'female',
    mobile: `1377${String(stamp).padStart(6, '0')}2`,
    sourceChannel: 'referral',
    referrerId: referrer.id,
  });
  await test.step('a referred friend takes delivery: both cards show the reward', async () => {
    // The delivery comes in through the API (the sales handover); the card is what the front desk sees.
    await desk('vehicles.create', {
      customerId: friend.id,
      fields: { vin: makeVin(stamp + 1), brand: '一汽-大众', series: '探岳', deliveryDate: storeDay(0) },
    });
    await page.reload();
    const firstStep = settings.referrerPoints[0] ?? 0;
    const ledger = member.getByRole('table', { name: '积分流水' });
    await expect(ledger.locator('tbody tr').filter({ hasText: '推荐成交' })).toContainText(
      `+${fmt(firstStep)}`,
    );
    await expect(balance).toHaveText(`${fmt(before - 300 + firstStep)} 分`);
    await member.getByRole('tab', { name: '推荐关系' }).click();
    const referred = member.getByRole('table', { name: '推荐的客户' }).locator('tr', { hasText: '欧阳晓雪' });
    await expect(referred).toContainText(
      `推荐人 +${fmt(firstStep)} 分，被推荐人 +${fmt(settings.refereePoints)} 分`,
    );
    await shotBoth(page, '92-loyalty-card-referrals');

    await page.goto(`/#/customers/${friend.id}`);
    const friendLedger = member.getByRole('table', { name: '积分流水' });
    await expect(friendLedger.locator('tbody tr').filter({ hasText: '推荐成交' })).toContainText(
      `+${fmt(settings.refereePoints)}`,
    );
    await member.getByRole('tab', { name: '推荐关系' }).click();
    await expect(member.locator('.member-referred-by')).toContainText('司马光明');
    await shotBoth(page, '92-loyalty-card-referred-friend');
  });

  await test.step('a large adjustment waits for a second manager on the 会员 page', async () => {
    await page.context().clearCookies();
    await uiLogin(page, 'e2e_loy_mgr', managerPassword);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/#/customers/${friend.id}`);
    await member.getByRole('button', { name: '调整积分' }).click();
    const dialog = page.getByRole('dialog', { name: /调整积分/ });
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await expect(dialog).toContainText('请填写积分');
    await dialog.getByLabel('调整积分', { exact: true }).fill(String(settings.adjustApprovalPoints + 500));
    await dialog.getByLabel('调整原因').fill('补录 2025 年车主活动积分');
    await shotBoth(page, '92-loyalty-adjust');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await expect(page.locator('.ant-message-notice')).toContainText('等待另一位经理审批');

    await page.getByRole('menuitem', { name: /会员/ }).click();
    await expect(page.getByRole('table', { name: '礼品目录' })).toContainText(`车载香薰礼盒 ${stamp}`);
    await toastsGone(page);
    await shotBoth(page, '92-loyalty-page-rewards');
    await page.getByRole('tab', { name: '积分调整审批' }).click();
    const pending = page.getByRole('table', { name: '积分调整审批' }).locator('tr', { hasText: '欧阳晓雪' });
    await expect(pending).toContainText('补录 2025 年车主活动积分');
    await expect(pending.getByRole('button', { name: /批\s*准/ })).toBeDisabled();
    await shotBoth(page, '92-loyalty-page-approvals');
    await page.getByRole('tab', { name: '会员设置' }).click();
    await expect(page.getByLabel('银卡 · 积分门槛')).toHaveValue(String(settings.thresholds.silver.points));
    await shotBoth(page, '92-loyalty-page-settings');
  });

  await test.step('the administrator approves it and the friend’s balance grows', async () => {
    await page.context().clearCookies();
    await uiLogin(page);
    await page.goto('/#/loyalty?tab=approvals');
    const pending = page.getByRole('table', { name: '积分调整审批' }).locator('tr', { hasText: '欧阳晓雪' });
    await pending.getByRole('button', { name: /批\s*准/ }).click();
    const decide = page.getByRole('dialog', { name: /批准积分调整/ });
    await decide.getByRole('button', { name: /批\s*准/ }).click();
    await expect(page.locator('.ant-message-notice')).toContainText(
      `欧阳晓雪 当前余额 ${fmt(settings.refereePoints + settings.deliveryPoints + settings.adjustApprovalPoints + 500)} 分`,
    );
  });
});
