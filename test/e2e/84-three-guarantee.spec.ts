import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { vinCheckDigit } from '../../electron/common/vin';
import { apiCaller, apiLogin, ensureDemoData, ensureUser, shot, shotBoth, uiLogin } from './e2e-helpers';

// 三包 watch on the card: the front desk records engine repairs on a car delivered ten months ago, through the
// visit form's repair facts, until the third repair of the same system turns the vehicle's chip to a warning;
// the facts behind it show on hover, the car in the workshop past day 5 reminds of the loan car, the visit is
// edited from the timeline when the car leaves, and the vehicle's record shows the full watch.

function makeVin(serial: number): string {
  const raw = `LFV3A23C0R${String(serial).padStart(7, '0')}`;
  return raw.slice(0, 8) + vinCheckDigit(raw) + raw.slice(9);
}

/** The store's date (Asia/Shanghai) `offset` days from now, as the server counts it. */
function storeDay(offset: number): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

interface Detail {
  id: number;
}

async function pickOption(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .click();
}

/** Both sizes staff use, each scrolled so `target` is in view (a dialog taller than the screen scrolls). */
async function shotWith(page: Page, name: string, target: Locator): Promise<void> {
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await target.scrollIntoViewIfNeeded();
    await shot(page, `${name}-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Toasts from the last save gone, so pictures show the screen itself. */
async function toastsGone(page: Page): Promise<void> {
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 10_000 });
}

async function typeDate(field: Locator, date: string): Promise<void> {
  await field.click();
  await field.fill(date);
  await field.press('Enter');
}

test('三包 watch: repairs recorded on the card until the warning shows, facts on hover, edit when the car leaves', async ({
  page,
  request,
  browser,
}) => {
  await ensureDemoData(request);
  const password = await ensureUser(request, 'e2e_tg_desk', 'front_desk', '前台方琳');
  const desk = apiCaller(request, await apiLogin(request, 'e2e_tg_desk', password));
  const stamp = Date.now() % 1_000_000;
  const customer = await desk<Detail>('customers.create', {
    name: '上官志远',
    gender: 'male',
    mobile: `1399${String(stamp).padStart(6, '0')}${stamp % 10}`,
    stage: 'new_owner',
  });
  const plate = `粤L${String(stamp % 100_000).padStart(5, '0')}`;
  const vehicle = await desk<Detail>('vehicles.create', {
    customerId: customer.id,
    fields: {
      vin: makeVin(stamp),
      plate,
      brand: '一汽-大众',
      series: '迈腾',
      model: '2025款 330TSI 豪华型',
      deliveryDate: storeDay(-300),
    },
  });

  await uiLogin(page, 'e2e_tg_desk', password);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/#/customers/${customer.id}`);
  const car = page.getByRole('article', { name: `粤L·${plate.slice(2)}` });
  await expect(car).toBeVisible();
  const chip = car.locator('.tg-chip');
  await expect(chip).toHaveCount(0);

  const repairs = [
    { date: storeDay(-120), out: storeDay(-119), km: 9_800, fault: '冷车启动时发动机抖动，故障灯亮' },
    { date: storeDay(-60), out: storeDay(-60), km: 14_200, fault: '怠速抖动，加速无力' },
    // Still in the workshop, day 7: the loan-car reminder.
    { date: storeDay(-6), out: null, km: 17_650, fault: '发动机故障灯再次亮起，怠速抖动' },
  ];
  for (const [i, r] of repairs.entries()) {
    await test.step(`record engine repair ${i + 1} on the visit form`, async () => {
      await car.getByRole('button', { name: /进站/ }).click();
      const dialog = page.getByRole('dialog', { name: '记录进站' });
      await expect(dialog).toBeVisible();
      await typeDate(dialog.getByLabel('进站日期'), r.date);
      await pickOption(page, dialog.getByLabel('进站类型'), '维修');
      await dialog.getByLabel('进站里程').fill(String(r.km));
      await expect(dialog.getByText('三包维修信息')).toBeVisible();
      await pickOption(page, dialog.getByLabel('涉及系统'), '发动机');
      await dialog.getByLabel('故障描述').fill(r.fault);
      if (r.out) await typeDate(dialog.getByLabel('出厂日期'), r.out);
      else await expect(dialog).toContainText('未出厂：在修第 7 天');
      if (i === 2) {
        // More than five days: the form says what is owed from day 6 (第二十一条).
        await expect(dialog).toContainText('超过 5 日：自第 6 日起应提供备用车或交通费用补偿');
        await shotWith(page, '84-three-guarantee-visit-form', dialog.getByLabel('故障描述'));
      }
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await expect(dialog).toBeHidden();
    });
    if (i < 2) await expect(chip).toHaveCount(0);
  }

  await test.step('the third repair of the engine within 三包 turns the chip to a warning', async () => {
    await expect(chip).toHaveText('三包预警 · 同一问题 3 次');
    await expect(chip).toHaveClass(/is-warning/);
    await toastsGone(page);
    await chip.hover();
    const facts = page.locator('.tg-popover .tg-facts');
    await expect(facts).toBeVisible();
    await expect(facts.locator('.tg-line.is-warning')).toContainText('同一问题修理');
    await expect(facts.locator('.tg-line.is-warning')).toContainText('发动机');
    await expect(facts.locator('.tg-line.is-warning')).toContainText(
      '提醒线 3 次，法定：同一质量问题累计修理超过 4 次',
    );
    await expect(facts).toContainText(`三包有效期内：至 ${storeDay(-300 + 730).slice(0, 4)}`);
    await expect(facts.locator('.tg-loan')).toContainText('在修第 7 天');
    await expect(facts.locator('.tg-repair')).toHaveCount(3);
    await expect(facts.locator('.tg-repair').first()).toContainText('发动机故障灯再次亮起');
    for (const [width, height] of [
      [1440, 900],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.mouse.move(0, 0);
      await chip.hover();
      await expect(facts).toBeVisible();
      await shot(page, `84-three-guarantee-card-warning-${width}x${height}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  await test.step('the car leaves: the out date is filled in from the timeline', async () => {
    await page.mouse.move(0, 0);
    const entry = page.locator('.tl-item.is-visit').filter({ hasText: '发动机 · 在修' });
    await expect(entry).toHaveCount(1);
    await entry.getByRole('button', { name: /修改/ }).click();
    const dialog = page.getByRole('dialog', { name: '修改进站记录' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('17,650 km');
    await expect(dialog.getByLabel('故障描述')).toHaveValue('发动机故障灯再次亮起，怠速抖动');
    await typeDate(dialog.getByLabel('出厂日期'), storeDay(0));
    await expect(dialog).toContainText('在厂共 7 天');
    await dialog
      .locator('.ant-form-item')
      .filter({ hasText: '更换主要零部件' })
      .getByText('是', { exact: true })
      .click();
    await dialog.getByLabel('更换的零部件').fill('点火线圈');
    await shotWith(page, '84-three-guarantee-visit-edit', dialog.getByLabel('更换的零部件'));
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.tl-item.is-visit').filter({ hasText: '发动机 · 在修' })).toHaveCount(0);
    // Still a warning (three repairs, one part replaced); the loan car was due, so it keeps reminding.
    await expect(chip).toHaveText('三包预警 · 同一问题 3 次');
  });

  await test.step('the vehicle record shows the whole watch', async () => {
    await toastsGone(page);
    await car.getByRole('button', { name: /首任车主|前车主/ }).click();
    const dialog = page.getByRole('dialog', { name: /车主记录/ });
    await expect(dialog).toBeVisible();
    const section = dialog.getByRole('region', { name: '三包监测' });
    await expect(section.locator('.tg-line')).toHaveCount(4);
    await expect(section.locator('.tg-line').filter({ hasText: '同一主要零部件更换' })).toContainText('1 次');
    await expect(section.locator('.tg-repair').first()).toContainText('更换：点火线圈');
    await expect(section.locator('.tg-loan')).toContainText('单次维修 7 天');
    await shotBoth(page, '84-three-guarantee-vehicle-record');
    await dialog.getByRole('button', { name: /Close|关闭/ }).click();
  });

  await test.step('two earlier engine repairs found in the paper files: five repairs, the legal line', async () => {
    for (const [date, km] of [
      [storeDay(-250), 4_100],
      [storeDay(-200), 6_300],
    ] as const)
      await desk('visits.create', {
        vehicleId: vehicle.id,
        visitDate: date,
        type: 'repair',
        mileageKm: km,
        outDate: date,
        repairSystem: 'engine',
        faultText: '发动机异响',
      });
    await page.reload();
    await expect(chip).toHaveText('三包警示 · 同一问题 5 次');
    await expect(chip).toHaveClass(/is-alert/);
    const facts = page.locator('.tg-popover .tg-facts');
    for (const [width, height] of [
      [1440, 900],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.mouse.move(0, 0);
      await chip.hover();
      await expect(facts.locator('.tg-line.is-alert')).toContainText('已达法定线');
      await shot(page, `84-three-guarantee-card-alert-${width}x${height}`);
    }
    // The popover shows the latest four; the rest are in the vehicle record.
    await expect(facts.locator('.tg-repair')).toHaveCount(4);
    await expect(facts).toContainText('另有 1 次较早的维修');
  });

  await test.step('settings: the warning lines, below the legal ones', async () => {
    const admin = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await uiLogin(admin);
    await admin.goto('/#/settings');
    await admin.getByRole('tab', { name: '三包提醒' }).click();
    const field = admin.getByLabel('同一问题修理次数提醒线');
    await expect(field).toHaveValue('3');
    await expect(
      admin.getByText('同一质量问题累计修理超过 4 次（第二十四条第一款第（四）项）'),
    ).toBeVisible();
    await shotBoth(admin, '84-three-guarantee-settings');

    // The customer complains: the ticket about the car shows the same chip.
    const ticket = await desk<Detail>('complaints.create', {
      customerId: customer.id,
      vehicleId: vehicle.id,
      channel: 'walk_in',
      category: 'product_quality',
      description: '发动机第五次因同一故障进站，客户要求换车',
      demand: '更换新车',
      receivedAt: new Date().toISOString(),
    });
    await admin.goto(`/#/complaints/${ticket.id}`);
    const ticketChip = admin.locator('.cp-ticket-header .tg-chip');
    await expect(ticketChip).toHaveText('三包警示 · 同一问题 5 次');
    await ticketChip.hover();
    await expect(admin.locator('.tg-popover .tg-line.is-alert')).toContainText('同一问题修理');
    await shot(admin, '84-three-guarantee-ticket-1440x900');
    await admin.close();
  });
});
