import { expect, test } from '@playwright/test';
import { apiCaller, apiLogin, ensureDemoData, ensureUser, shot, shotBoth, uiLogin } from './e2e-helpers';

// Consent ledger on the card: a customer who agreed at purchase withdraws marketing by phone; the front desk
// records it with the call recording as evidence, and the history under the consent section shows every answer.

interface Detail {
  id: number;
}
interface HistoryItem {
  purpose: string;
  granted: boolean;
  channel: string;
  evidence: string | null;
  recordedBy: string | null;
}

test('consent ledger: record a withdrawal with evidence and see it in the history', async ({
  page,
  request,
}) => {
  await ensureDemoData(request);
  const password = await ensureUser(request, 'e2e_consent_desk', 'front_desk', '前台许静');
  const desk = apiCaller(request, await apiLogin(request, 'e2e_consent_desk', password));
  const stamp = Date.now() % 100_000;
  const mobile = `1376${String(stamp).padStart(5, '0')}${String(stamp % 97).padStart(2, '0')}`;
  const customer = await desk<Detail>('customers.create', {
    name: '司马晓薇',
    gender: 'female',
    mobile,
    stage: 'intent',
  });
  // What was signed at purchase: the PIPL form, paper, with its number.
  for (const purpose of ['service', 'care', 'marketing', 'events'])
    await desk('customers.setConsent', {
      customerId: customer.id,
      purpose,
      granted: true,
      channel: 'paper',
      evidence: `SQ-2026-${String(stamp).padStart(5, '0')}`,
    });

  await uiLogin(page, 'e2e_consent_desk', password);
  await page.goto(`/#/customers/${customer.id}`);
  const section = page.locator('.card-section').filter({ hasText: '授权与勿扰' });
  const history = section.getByRole('region', { name: '授权历史' });
  await expect(history.locator('.consent-history-item')).toHaveCount(4);
  await expect(section.locator('.consent-row').filter({ hasText: '活动邀约' })).toContainText('已同意');

  await test.step('the modal asks for the channel and the evidence, and warns that a withdrawal is immediate', async () => {
    await section.getByRole('button', { name: '记录营销推广授权' }).click();
    const dialog = page.getByRole('dialog', { name: '记录授权：营销推广' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('radio', { name: '已拒绝' }).check();
    await expect(dialog).toContainText('撤回后立即生效');
    await dialog.getByLabel('授权方式').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^电话$/ })
      .click();
    await dialog.getByLabel('凭证').fill(`REC-20261122-${stamp}`);
    await shotBoth(page, '78-consent-withdraw-modal');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('the withdrawal is the current answer and the newest line of the history', async () => {
    await expect(section.locator('.consent-row').filter({ hasText: '营销推广' })).toContainText('已拒绝');
    await expect(history.locator('.consent-history-item')).toHaveCount(5);
    const newest = history.locator('.consent-history-item').first();
    await expect(newest).toHaveClass(/is-withdrawn/);
    await expect(newest).toContainText('撤回');
    await expect(newest).toContainText('营销推广');
    await expect(newest).toContainText('电话');
    await expect(newest).toContainText(`凭证：REC-20261122-${stamp}`);
    await expect(newest).toContainText('记录人：前台许静');
    // The earlier yes is still there, unchanged.
    await expect(
      history.locator('.consent-history-item').filter({ hasText: '营销推广' }).last(),
    ).toContainText('同意');
    // Both sizes staff use, each scrolled so the whole history is in view.
    for (const [width, height] of [
      [1440, 900],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      await history.locator('.consent-history-item').last().scrollIntoViewIfNeeded();
      await shot(page, `78-consent-history-${width}x${height}`);
    }
  });

  await test.step('a longer history shows the latest five, and the rest on request', async () => {
    await desk('customers.setConsent', {
      customerId: customer.id,
      purpose: 'events',
      granted: false,
      channel: 'wechat',
      evidence: '微信聊天截图',
    });
    await page.reload();
    await expect(history.locator('.consent-history-item')).toHaveCount(5);
    await expect(history.locator('.consent-history-item').first()).toContainText('活动邀约');
    await history.getByRole('button', { name: '显示全部 6 条' }).click();
    await expect(history.locator('.consent-history-item')).toHaveCount(6);
    await expect(history.locator('.consent-history-item').last()).toContainText('服务通知');
  });

  await test.step('the server kept every answer, newest first', async () => {
    const { items } = await desk<{ items: HistoryItem[] }>('customers.consentHistory', {
      customerId: customer.id,
    });
    expect(items[1]).toMatchObject({
      purpose: 'marketing',
      granted: false,
      channel: 'phone',
      evidence: `REC-20261122-${stamp}`,
      recordedBy: '前台许静',
    });
    expect(items.filter((i) => i.purpose === 'marketing').map((i) => i.granted)).toEqual([false, true]);
    expect(items).toHaveLength(6);
  });
});
