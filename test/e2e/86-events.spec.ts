import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { ApiCaller } from './e2e-helpers';
import { adminApi, apiCaller, apiLogin, ensureDemoData, ensureUser, shot } from './e2e-helpers';
import { screenshotDir } from './e2e-env';
import { noPageOverflow, pick, pictures, signedIn, tab, typeDate, addDays } from './event-helpers';

// 客户活动 (issue 12): the manager plans a two-day self-drive trip (agenda, checklist, budget), approves it,
// builds the target list from a segment (the preview shows the size and every exclusion with its count before
// anything is added) and starts the invitations; an operator works an invitation and its second confirmation
// in the call screen; the venue laptop checks people in; actuals are entered, the summary submitted and locked,
// and the event report printed to PDF.

interface Panel {
  customer: { id: number; name: string };
  reasons: { taskId: number; ruleCode: string; event: { inviteeId: number } | null }[];
}

interface Invitee {
  inviteeId: number;
  customer: { id: number; name: string };
  status: string;
  signupNo: number | null;
  invitationTask: { id: number } | null;
  confirmationTask: { id: number; status: string } | null;
}

async function modalSave(page: Page, title: string | RegExp, fill: (dialog: Locator) => Promise<void>) {
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await fill(dialog);
  await dialog.getByRole('button', { name: /保\s*存|确\s*定/ }).click();
  await expect(dialog).toBeHidden();
}

test('events: plan, target list, invitations in the call screen, check-in, actuals, summary, report', async ({
  browser,
  request,
}) => {
  test.setTimeout(900_000);
  await ensureDemoData(request);
  const admin: ApiCaller = await adminApi(request);
  const run = String(Date.now()).slice(-6);
  const mgrPassword = await ensureUser(request, 'e2e-ev-manager', 'manager', '市场部陈经理');
  const opPassword = await ensureUser(request, 'e2e-ev-operator', 'callback_operator', '回访专员小周');
  const mgr = apiCaller(request, await apiLogin(request, 'e2e-ev-manager', mgrPassword));
  const op = apiCaller(request, await apiLogin(request, 'e2e-ev-operator', opPassword));
  const { today } = await admin<{ today: string }>('callbacks.queue', { scope: 'team', limit: 1 });
  const title = `车主秋季自驾游 ${run}`;
  const page = await signedIn(browser, 'e2e-ev-manager', mgrPassword);
  let eventId = 0;

  await test.step('the list and the new-event drawer', async () => {
    await page.goto('/#/events');
    await expect(page.getByRole('heading', { name: '客户活动' })).toBeVisible();
    await pictures(page, '86-events-list');
    await noPageOverflow(page);
    await page.getByRole('button', { name: '新建活动' }).click();
    const drawer = page.getByRole('dialog', { name: '新建活动' });
    await drawer.getByLabel('活动名称', { exact: true }).fill(title);
    await pick(page, drawer, '活动类型', '自驾游');
    await drawer.getByLabel('主题', { exact: true }).fill('秋色千岛湖 · 两天一夜');
    // The invitation calls must be made by the day before the start: the trip is the day after tomorrow.
    await typeDate(drawer, '开始日期', addDays(today, 2));
    await typeDate(drawer, '结束日期', addDays(today, 3));
    await drawer.getByLabel('地点', { exact: true }).fill('店内展厅集合、千岛湖');
    await drawer.getByLabel('计划（车）', { exact: true }).fill('40');
    await drawer.getByLabel('计划（人）', { exact: true }).fill('100');
    await drawer.getByLabel('名额（车）', { exact: true }).fill('50');
    await drawer.getByLabel('名额（人）', { exact: true }).fill('130');
    await pictures(page, '86-new-event-drawer');
    await drawer.getByRole('button', { name: '创建活动' }).click();
    await expect(page.getByText(/活动 HD\d{4}-\d+ 已创建/)).toBeVisible();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    eventId = Number(/#\/events\/(\d+)/.exec(page.url())?.[1]);
    expect(eventId).toBeGreaterThan(0);
  });

  await test.step('plan: the agenda is edited in its table', async () => {
    await page.getByRole('button', { name: '添加日程' }).click();
    await page.getByRole('textbox', { name: '时间' }).last().fill('08:00');
    await page.getByRole('textbox', { name: '地点' }).last().fill('店内展厅');
    await page.getByRole('textbox', { name: '内容' }).last().fill('集合、发车贴和对讲机、安全讲解');
    await page.getByRole('textbox', { name: '负责人' }).last().fill('陈经理');
    await page.getByRole('button', { name: '添加日程' }).click();
    await page.getByRole('textbox', { name: '时间' }).last().fill('12:00');
    await page.getByRole('textbox', { name: '内容' }).last().fill('湖边午餐');
    await page.getByRole('button', { name: '保存日程' }).click();
    await expect(page.getByText('日程已保存')).toBeVisible();
    await pictures(page, '86-event-plan');
    await noPageOverflow(page);
  });

  await test.step('checklist: a task with owner and due date', async () => {
    await tab(page, '筹备清单');
    await page.getByRole('button', { name: '添加任务' }).click();
    await modalSave(page, '添加任务', async (d) => {
      await pick(page, d, '类别', '物料（车贴、对讲机等）');
      await d.getByLabel('任务', { exact: true }).fill('车贴 50 张、对讲机 10 台');
      await typeDate(d, '截止日期', today);
    });
    await page.getByRole('button', { name: '添加任务' }).click();
    await modalSave(page, '添加任务', async (d) => {
      await pick(page, d, '类别', '活动保险');
      await d.getByLabel('任务', { exact: true }).fill('购买活动意外险');
    });
    const insured = page.getByRole('checkbox', { name: '完成 购买活动意外险' });
    await insured.click();
    await expect(insured).toBeChecked();
    await expect(page.getByText('已完成 1 / 2')).toBeVisible();
    await pictures(page, '86-event-checklist');
  });

  await test.step('budget: planned lines while the plan is a draft', async () => {
    await tab(page, '预算');
    for (const [category, item, yuan] of [
      ['餐饮', '午餐、晚餐 130 人', '15600'],
      ['住宿', '湖景酒店 50 间', '20000'],
      ['礼品与奖品', '车主礼包', '6500'],
    ] as const) {
      await page.getByRole('button', { name: '添加预算项' }).click();
      await modalSave(page, '添加预算项', async (d) => {
        await pick(page, d, '类别', category);
        await d.getByLabel('计划', { exact: true }).fill(yuan);
        await d.getByLabel('项目', { exact: true }).fill(item);
      });
    }
    await expect(page.locator('.ev-budget-totals')).toContainText('¥42,100.00');
    await pictures(page, '86-event-budget-draft');
  });

  await test.step('the manager approves the plan', async () => {
    await page.getByRole('button', { name: '批准方案' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '批准方案' }).click();
    await expect(page.locator('.ev-header .ev-status-tag')).toHaveText('已批准');
  });

  let listed = 0;
  await test.step('target list: preview with exclusions, then build', async () => {
    await tab(page, '邀约名单');
    const builder = page.locator('.ev-segment');
    await builder.getByLabel('客户阶段', { exact: true }).click();
    for (const stage of ['老客户', 'VIP', '新车客户'])
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: stage })
        .first()
        .click();
    await page.keyboard.press('Escape');
    await builder.getByRole('button', { name: '预览人数' }).click();
    const preview = page.locator('.ev-preview');
    await expect(preview.locator('.ev-preview-size')).toContainText(
      /符合条件 [\d,]+ 人，排除 [\d,]+ 人，将加入名单 [\d,]+ 人/,
    );
    await expect(preview.locator('.ev-exclusion-list li').first()).toBeVisible();
    await pictures(page, '86-target-preview');
    const size = (await preview.locator('.ev-preview-size').textContent()) ?? '';
    listed = Number(/将加入名单 ([\d,]+) 人/.exec(size)?.[1]?.replace(/,/g, ''));
    expect(listed).toBeGreaterThan(0);
    await preview.getByRole('button', { name: /创建名单/ }).click();
    await expect(page.getByText(`已加入名单 ${listed.toLocaleString('zh-CN')} 人`)).toBeVisible();
  });

  await test.step('start invitations: the calls go to the queue', async () => {
    await page.getByRole('button', { name: '开始邀约' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '开始邀约' }).click();
    await expect(page.getByText(/已生成 \d+ 个邀约回访/)).toBeVisible();
    await expect(page.locator('.ev-header .ev-status-tag')).toHaveText('邀约中');
    await pictures(page, '86-invitee-list');
    await noPageOverflow(page);
  });

  const invitees = async () =>
    (await mgr<{ rows: Invitee[] }>('events.invitees', { eventId, limit: 500 })).rows;
  const guest = (await invitees()).find((r) => r.invitationTask !== null)!;
  expect(guest, 'an invitee with an invitation call').toBeTruthy();

  await test.step('the operator works the invitation in the call screen: accepted with cars and people', async () => {
    const claimed = await op<Panel>('callbacks.next', { customerId: guest.customer.id });
    expect(claimed.reasons.some((r) => r.event?.inviteeId === guest.inviteeId)).toBe(true);
    const opPage = await signedIn(browser, 'e2e-ev-operator', opPassword);
    await opPage.goto('/#/callbacks');
    const panel = opPage.getByRole('region', { name: '回访通话' });
    const answer = panel.getByRole('region', { name: '活动邀约' });
    await expect(answer).toBeVisible();
    await expect(answer).toContainText(title);
    await answer.getByText('接受邀请（报名）').click();
    await answer.getByLabel('车辆数').fill('1');
    await answer.getByLabel('成人').fill('2');
    await answer.getByLabel('儿童').fill('1');
    await pictures(opPage, '86-call-invitation');
    await opPage.keyboard.press('Control+Enter');
    await expect(opPage.locator('.cb-recorded')).toContainText(/报名号|候补/);
    await opPage.context().close();
  });

  await test.step('the second confirmation is worked in the call screen too', async () => {
    const after = (await invitees()).find((r) => r.inviteeId === guest.inviteeId)!;
    expect(after.status).toBe('accepted');
    expect(after.confirmationTask).not.toBeNull();
    const claimed = await op<Panel>('callbacks.next', { customerId: guest.customer.id });
    expect(claimed.reasons.some((r) => r.ruleCode === 'event_confirmation')).toBe(true);
    const opPage = await signedIn(browser, 'e2e-ev-operator', opPassword);
    await opPage.goto('/#/callbacks');
    const answer = opPage.getByRole('region', { name: '活动二次确认' });
    await expect(answer).toBeVisible();
    await answer.getByText('确认参加').click();
    await pictures(opPage, '86-call-confirmation');
    await opPage.keyboard.press('Control+Enter');
    await expect(opPage.locator('.cb-recorded')).toBeVisible();
    await opPage.context().close();
    expect((await invitees()).find((r) => r.inviteeId === guest.inviteeId)!.status).toBe('confirmed');
  });

  await test.step('more answers on the invitee table: an accept and a decline', async () => {
    await page.reload();
    const rows = (await invitees()).filter((r) => r.status === 'pending' || r.status === 'undecided');
    for (const [i, answer] of [
      [0, '接受邀请（报名）'],
      [1, '谢绝'],
    ] as const) {
      const who = rows[i]!;
      await page.getByLabel('搜索姓名、车牌或手机尾号').fill(who.customer.name);
      const row = page.locator('.ev-invitee-table tr').filter({ hasText: who.customer.name }).first();
      await row.getByRole('button', { name: '记录答复' }).click();
      await modalSave(page, `记录答复 · ${who.customer.name}`, async (d) => {
        await pick(page, d, '答复', answer);
        if (answer === '谢绝') await d.getByLabel('原因', { exact: true }).fill('周末要加班');
      });
    }
    await page.getByLabel('搜索姓名、车牌或手机尾号').fill('');
    await tab(page, '漏斗');
    await expect(page.locator('.ev-funnel [data-step="accepted"] .ev-funnel-count')).toHaveText(/[1-9]\d*/);
    await pictures(page, '86-event-funnel');
  });

  await test.step('the day: the event starts and the venue laptop checks people in', async () => {
    await page.getByRole('button', { name: '活动开始' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '活动开始' }).click();
    await expect(page.locator('.ev-header .ev-status-tag')).toHaveText('进行中');
    await tab(page, '签到');
    const box = page.getByRole('textbox', { name: '车牌、手机尾号、姓名或报名号' });
    await box.fill(guest.customer.name);
    await box.press('Enter');
    const row = page.locator('.ev-checkin-row').filter({ hasText: guest.customer.name }).first();
    await expect(row).toBeVisible();
    await pictures(page, '86-checkin-found');
    await row.getByRole('button', { name: /^签\s*到$/ }).click();
    await expect(
      page.locator('.ant-message-notice').filter({ hasText: `${guest.customer.name} 已签到` }),
    ).toBeVisible();
    await expect(page.locator('.ev-checkin-count.is-arrived')).toContainText(/[1-9]\d* 车/);
    await pictures(page, '86-checkin-done');
    // A friend of an owner turns up unannounced: a lead card with source 活动, checked in at once.
    await page.getByRole('button', { name: '现场加入' }).click();
    const walkIn = page.getByRole('dialog', { name: '现场加入（未报名）' });
    await walkIn.getByText('新朋友（建潜客档案）').click();
    await walkIn.getByLabel('姓名', { exact: true }).fill(`林${run}`);
    await walkIn.getByLabel('手机号', { exact: true }).fill(`199${run}37`);
    await walkIn.getByLabel('到场人数', { exact: true }).fill('2');
    await pictures(page, '86-checkin-walk-in');
    await walkIn.getByRole('button', { name: /^签\s*到$/ }).click();
    await expect(page.getByText('已现场加入并签到')).toBeVisible();
    await noPageOverflow(page);
  });

  await test.step('the sign-in sheet prints with masked phones', async () => {
    const sheet = await page.context().newPage();
    await sheet.goto(`/#/print/events/${eventId}/sheet`);
    await expect(sheet.locator('.ev-print-page[data-ready]')).toBeVisible();
    await expect(sheet.locator('.ev-sheet-table tbody tr').first()).toBeVisible();
    const phones = await sheet.locator('.ev-sheet-table tbody td:nth-child(3)').allTextContents();
    for (const p of phones.filter(Boolean)) expect(p).toMatch(/\*/);
    await shot(sheet, '86-print-sheet-1440x900');
    await sheet.pdf({
      path: path.join(screenshotDir, '86-sign-in-sheet.pdf'),
      format: 'A4',
      printBackground: true,
    });
    await sheet.close();
  });

  await test.step('actuals are entered after approval, with who and when', async () => {
    await tab(page, '预算');
    const line = page.locator('.ant-table-row').filter({ hasText: '午餐、晚餐 130 人' });
    await line.getByRole('button', { name: '录入实际' }).click();
    await modalSave(page, /录入实际金额/, async (d) => {
      await d.getByLabel('实际', { exact: true }).fill('16280');
      await d.getByLabel('票据号', { exact: true }).fill('FP-2026-0918');
    });
    await expect(line).toContainText('¥16,280.00');
    await expect(line).toContainText('市场部陈经理');
    await pictures(page, '86-event-budget-actuals');
  });

  await test.step('the event ends; the summary is written, submitted and locked', async () => {
    await page.getByRole('button', { name: '活动结束' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '活动结束' }).click();
    // The toast says what the server answered: if the move was refused, the failure shows why.
    await expect(page.locator('.ant-message-notice').last()).toContainText('已活动结束');
    await expect(page.locator('.ev-header .ev-status-tag')).toHaveText('已结束');
    await tab(page, '效果与总结');
    await expect(page.locator('.ev-roi-card').first()).toBeVisible();
    await page
      .getByLabel('做得好的地方', { exact: true })
      .fill('路线安排合理，车主互动多，车贴和对讲机准备充分。');
    await page.getByLabel('不足', { exact: true }).fill('午餐上菜慢，部分车主等候时间长。');
    await page.getByLabel('下次改进', { exact: true }).fill('提前确认餐厅出菜时间，增加一名领队。');
    await page
      .getByLabel('宣传（发帖、文章）', { exact: true })
      .fill('汽车之家论坛发帖 2 篇，公众号文章 1 篇。');
    await pictures(page, '86-event-summary-form');
    await page.getByRole('button', { name: '提交总结' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '提交总结' }).click();
    await expect(page.getByText('总结已提交')).toBeVisible();
    await expect(page.locator('.ev-header .ev-status-tag')).toHaveText('已总结');
    await expect(page.locator('.ev-summary.is-locked')).toBeVisible();
    await pictures(page, '86-event-results');
  });

  await test.step('the event report prints to PDF (A4)', async () => {
    const report = await page.context().newPage();
    await report.goto(`/#/print/events/${eventId}/report`);
    await expect(report.locator('.ev-print-page[data-ready]')).toBeVisible();
    await expect(report.locator('.ev-print-page')).toContainText('活动报告');
    await expect(report.locator('.ev-print-page')).toContainText('路线安排合理');
    await shot(report, '86-print-report-1440x900');
    const pdf = path.join(screenshotDir, '86-event-report.pdf');
    await report.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
    try {
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(screenshotDir, '86-event-report')]);
    } catch {
      // pdftoppm (poppler) is a convenience for looking at the pages; the PDF itself is the result.
    }
    await report.close();
  });

  await test.step('the list and the year budget show the event', async () => {
    await page.goto('/#/events');
    const row = page.locator('.ev-table .ant-table-row').filter({ hasText: title });
    await expect(row).toContainText('已总结');
    await pictures(page, '86-events-list-after');
    await page.getByRole('button', { name: '年度 CRM 预算' }).click();
    await expect(page.getByRole('heading', { name: /年 CRM 预算/ })).toBeVisible();
    await expect(page.locator('.ant-table').last()).toContainText(title);
    // The year's CRM budget: a total split by seed 000's shares (events and marketing 30%).
    await page.getByRole('button', { name: '修改年度预算' }).click();
    await modalSave(page, '修改年度预算', async (d) => {
      await d.getByLabel('年度总额', { exact: true }).fill('1000000');
    });
    await expect(page.locator('.ev-year-totals')).toContainText('¥1,000,000.00');
    await expect(page.locator('.ant-table-row').filter({ hasText: '活动与营销' })).toContainText(
      '¥300,000.00',
    );
    await pictures(page, '86-budget-year');
    await noPageOverflow(page);
  });
  await page.context().close();
});
