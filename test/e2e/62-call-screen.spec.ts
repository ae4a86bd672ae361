import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { vinCheckDigit } from '../../electron/common/vin';
import type { ApiCaller } from './e2e-helpers';
import { adminApi, apiCaller, apiLogin, ensureDemoData, ensureUser, shot, uiLogin } from './e2e-helpers';

/** A valid VIN of our own (GB 16735 check digit), new on every run. */
function freshVin(run: string, n: number): string {
  const draft = `LFV3B21K0R${String(n)}${run.padStart(6, '0')}`.slice(0, 17);
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Panel {
  customer: { id: number; name: string };
  reasons: { taskId: number; ruleCode: string; script: string }[];
}

/** Takes a toast's leftovers out of the picture first. */
async function picture(page: Page, name: string): Promise<void> {
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 8000 });
  await shot(page, name);
}

async function inViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const view = page.viewportSize()!;
  expect(box, `${what} is on screen`).not.toBeNull();
  expect(box!.y, `${what} top`).toBeGreaterThanOrEqual(0);
  expect(box!.x, `${what} left`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what} bottom within ${view.height}`).toBeLessThanOrEqual(view.height);
  expect(box!.x + box!.width, `${what} right within ${view.width}`).toBeLessThanOrEqual(view.width);
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('call screen: final outcomes ask first and can be undone; a company is greeted through its contact; everything fits', async ({
  browser,
  request,
}) => {
  await ensureDemoData(request);
  const admin = await adminApi(request);
  const run = String(Date.now()).slice(-6);
  const username = `call-op-${run}`;
  const password = await ensureUser(request, username, 'callback_operator', '林晓雯');
  const op: ApiCaller = apiCaller(request, await apiLogin(request, username, password));
  const { today } = await admin<{ today: string }>('callbacks.queue', { scope: 'team', limit: 1 });

  // A fleet: a company with its contact person and six cars, one delivered three days ago (a call due today).
  const fleet = await admin<{ id: number; name: string }>('customers.create', {
    name: `惠州市宏图${run}贸易有限公司`,
    mobile: `198${String(Date.now()).slice(-8)}`,
    isCompany: true,
    contactPerson: '李明',
    contactTitle: '经理',
  });
  const cars = 6;
  for (let n = 0; n < cars; n++) {
    await admin('vehicles.create', {
      customerId: fleet.id,
      fields: {
        vin: freshVin(run, n),
        plate: `粤LF${run.slice(-3)}${n}`,
        brand: '大众',
        series: '帕萨特',
        deliveryDate: addDays(today, n === 0 ? -3 : -400 - n),
        mileageKm: 1000 + n,
      },
    });
  }
  // A person serviced yesterday: a service CSI call is due today.
  const person = await admin<{ id: number }>('customers.create', {
    name: `韩${run.slice(-2)}峰`,
    gender: 'male',
    mobile: `197${String(Date.now()).slice(-8)}`,
  });
  const car = await admin<{ id: number }>('vehicles.create', {
    customerId: person.id,
    fields: {
      vin: freshVin(run, 9),
      plate: `粤LG${run.slice(-4)}`,
      brand: '广汽丰田',
      series: '凯美瑞',
      deliveryDate: addDays(today, -300),
      mileageKm: 9000,
    },
  });
  await admin('visits.create', {
    vehicleId: car.id,
    visitDate: addDays(today, -1),
    type: 'maintenance',
    mileageKm: 12000,
    advisor: '刘晓燕',
  });
  await admin('callbacks.generate', {});

  // The operator holds the fleet's call (as after 拨打 in the queue); the screen resumes it.
  const claimed = await op<Panel>('callbacks.next', { customerId: fleet.id });
  expect(claimed.customer.id).toBe(fleet.id);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await uiLogin(page, username, password);
  const dnc = async () =>
    (await admin<{ doNotContact: boolean }>('customers.get', { id: fleet.id })).doNotContact;
  const panel = page.getByRole('region', { name: '回访通话' });

  await test.step('the script greets the contact person, not the company', async () => {
    await page.goto('/#/callbacks');
    await expect(panel).toBeVisible();
    await expect(panel.locator('.cb-script').first()).toContainText(`宏图${run}贸易 李经理您好`);
    await expect(panel.locator('.cb-script').first()).not.toContainText('有限公司您好');
    await expect(panel.getByText('李明 · 经理')).toBeVisible();
    await picture(page, '62-call-normal-1440x900');
    await page.setViewportSize({ width: 1280, height: 720 });
    await picture(page, '62-call-normal-1280x720');
    await inViewport(page, panel.locator('.cb-pad'), 'the outcome pad');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  const confirm = page.getByRole('dialog', { name: /确认记录“要求勿扰”/ });
  await test.step('the do-not-contact key asks first, naming what it stops; cancel changes nothing', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('6');
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText(`将停止对 ${fleet.name}（${cars} 辆车）的所有回访`);
    await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
    await shot(page, '62-confirm-1440x900');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, '62-confirm-1280x720');
    await page.setViewportSize({ width: 1440, height: 900 });
    // Enter answers the safe way.
    await page.keyboard.press('Enter');
    await expect(confirm).toBeHidden();
    await expect(panel.getByRole('button', { name: /要求勿扰/ })).toHaveAttribute('aria-pressed', 'false');
    expect(await dnc()).toBe(false);
    expect((await op<Panel | null>('callbacks.current', {}))?.customer.id).toBe(fleet.id);
  });

  await test.step('confirmed, it records; 撤销 with a reason puts everything back', async () => {
    await page.keyboard.press('6');
    await confirm.getByRole('button', { name: '确认并记录' }).click();
    const banner = page.locator('.cb-recorded');
    await expect(banner).toContainText(`已记录：${fleet.name} — 要求勿扰`);
    expect(await dnc()).toBe(true);
    await picture(page, '62-undo-banner-1440x900');
    await page.setViewportSize({ width: 1280, height: 720 });
    await picture(page, '62-undo-banner-1280x720');
    await page.setViewportSize({ width: 1440, height: 900 });
    await banner.getByRole('button', { name: '撤销' }).click();
    const dialog = page.getByRole('dialog', { name: /撤销刚才记录的结果/ });
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await expect(dialog.getByText('请填写撤销原因')).toBeVisible();
    await dialog.getByLabel('撤销原因').fill('按错了键，客户只是说今天忙');
    await shot(page, '62-undo-dialog-1440x900');
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await expect(page.getByText('通话已回到您的屏幕')).toBeVisible();
    await expect(panel).toBeVisible();
    await expect(panel.locator('.cb-list li.is-undone')).toContainText('要求勿扰');
    expect(await dnc()).toBe(false);
    await picture(page, '62-call-after-undo-1440x900');
  });

  await test.step('the card timeline shows the undone outcome struck through, with who and why', async () => {
    const card = page;
    await card.goto(`/#/customers/${fleet.id}`);
    const undone = card.locator('.tl-item.is-undone');
    await expect(undone).toContainText('要求勿扰');
    await expect(undone.locator('.tl-undone')).toContainText('按错了键，客户只是说今天忙');
    await expect(undone.locator('.tl-text')).toHaveCSS('text-decoration-line', 'line-through');
    await expect(card.getByText(`宏图${run}贸易 李经理您好`)).toBeVisible();
    await card.setViewportSize({ width: 1440, height: 900 });
    await undone.scrollIntoViewIfNeeded();
    await picture(card, '62-card-undone-1440x900');
    await card.setViewportSize({ width: 1280, height: 720 });
    await undone.scrollIntoViewIfNeeded();
    await picture(card, '62-card-undone-1280x720');
    await card.setViewportSize({ width: 1440, height: 900 });
  });

  await test.step('a CSI call at 1280×720: survey and outcome pad on screen with the booking picker open', async () => {
    await op('callbacks.release', { taskIds: claimed.reasons.map((r) => r.taskId) });
    const csiCall = await op<Panel>('callbacks.next', { customerId: person.id });
    expect(csiCall.reasons.map((r) => r.ruleCode)).toContain('service_csi');
    await page.goto('/#/callbacks');
    await expect(panel.getByRole('heading', { name: '满意度调查' })).toBeVisible();
    for (const [w, h] of [
      [1440, 900],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await expect(panel.locator('.cb-csi')).toBeVisible();
      await picture(page, `62-call-csi-${w}x${h}`);
      await inViewport(page, panel.locator('.cb-csi'), `the CSI form at ${w}×${h}`);
      await inViewport(page, panel.locator('.cb-pad-grid'), `the outcome keys at ${w}×${h}`);
      await inViewport(page, panel.locator('.cb-submit'), `the record button at ${w}×${h}`);
    }
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('7');
    const picker = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').last();
    await expect(picker).toBeVisible();
    for (const [w, h] of [
      [1280, 720],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      await inViewport(page, panel.locator('.cb-csi'), `the CSI form at ${w}×${h} with the picker open`);
      await inViewport(
        page,
        panel.locator('.cb-pad-grid'),
        `the outcome keys at ${w}×${h} with the picker open`,
      );
      await inViewport(page, picker, `the booking picker at ${w}×${h}`);
      const pickerBox = (await picker.boundingBox())!;
      const padBox = (await panel.locator('.cb-pad-grid').boundingBox())!;
      const csiBox = (await panel.locator('.cb-csi').boundingBox())!;
      expect(overlaps(pickerBox, padBox), 'the picker covers no outcome key').toBe(false);
      expect(overlaps(pickerBox, csiBox), 'the picker covers no survey question').toBe(false);
      await shot(page, `62-call-picker-${w}x${h}`);
    }
    // Nothing overflows sideways at either size.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  await context.close();
});
