import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { vinCheckDigit } from '../../electron/common/vin';
import { adminPassword } from './e2e-env';
import type { ApiCaller } from './e2e-helpers';
import { apiCaller, apiLogin, ensureDemoData, shot as saveShot, uiLogin } from './e2e-helpers';

async function shot(page: Page, name: string): Promise<void> {
  // A toast from the step before would cover the header; let it go first.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0, { timeout: 8000 });
  await saveShot(page, name);
}

/** The API as a script sees it: Bearer token, envelope unwrapped, failures fail the test. */
async function apiAs(request: APIRequestContext, username: string, password: string): Promise<ApiCaller> {
  return apiCaller(request, await apiLogin(request, username, password));
}

/** A signed-in page of its own: two workstations side by side, as in the store. */
async function workstation(browser: Browser, username: string, password: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await uiLogin(page, username, password);
  await expect(page.getByRole('menuitem', { name: '回访' })).toBeVisible();
  return page;
}

/** A valid VIN of our own (GB 16735 check digit), new on every run. */
function freshVin(run: string): string {
  const draft = `LFV2A21K0R4${run.padStart(6, '0')}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface QueueRow {
  customerId: number;
  customerName: string;
  tasks: { taskId: number; ruleCode: string }[];
}
interface OutcomeSetting {
  outcome: string;
  recycleMinutes: number;
  countsAttempt: boolean;
  closesTask: boolean;
}

/**
 * Types to narrow the (virtualised) option list first, so options below the fold can be picked too. Tried
 * again from an empty box when the option does not show: on a busy machine the first keys can reach the box
 * before its dropdown listens, and the list then stays filtered by what arrived.
 */
async function pickOption(page: Page, select: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: select });
  const item = page.locator(`.ant-select-dropdown .ant-select-item-option[title="${option}"]`);
  await expect(async () => {
    await box.click();
    await box.fill('');
    await box.pressSequentially(option.slice(0, 4));
    await item.click({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await page.keyboard.press('Escape');
}

/** What "no answer" did before the test changed it; put back after the test whatever happened. */
let noAnswerBefore: OutcomeSetting | null = null;

/** The store's calling hours before the test opened them to the whole day; put back after it. */
let callingHoursBefore: { start: string; end: string } | null = null;

test.afterEach(async ({ request }) => {
  const admin = await apiAs(request, 'admin', adminPassword);
  if (callingHoursBefore) await admin('settings.update', { callingHours: callingHoursBefore });
  callingHoursBefore = null;
  if (!noAnswerBefore) return;
  const { outcome, recycleMinutes, countsAttempt, closesTask } = noAnswerBefore;
  await admin('callbacks.updateOutcomeSetting', { outcome, recycleMinutes, countsAttempt, closesTask });
  noAnswerBefore = null;
});

test('call-backs: keyboard calls with a retry and a CSI follow-up; manager view and rules', async ({
  browser,
  request,
}) => {
  // The demo dealership's queue around our own card, whichever spec ran before.
  await ensureDemoData(request);
  const admin = await apiAs(request, 'admin', adminPassword);
  // A retry is kept inside the store's calling hours (09:00–20:00 by default): open them to the whole day so
  // "the missed call comes back at once" holds whenever the spec runs.
  callingHoursBefore = (await admin<{ callingHours: { start: string; end: string } }>('settings.get', {}))
    .callingHours;
  await admin('settings.update', { callingHours: { start: '00:00', end: '23:59' } });
  const run = String(Date.now()).slice(-6);
  const operator = { username: `cb-op-${run}`, password: 'Operator-Pass-1', displayName: '周晓岚' };
  const manager = { username: `cb-mgr-${run}`, password: 'Manager-Pass-1', displayName: '陈经理' };
  await admin('users.create', { ...operator, role: 'callback_operator' });
  await admin('users.create', { ...manager, role: 'manager' });
  const opApi = await apiAs(request, operator.username, operator.password);
  const mgrApi = await apiAs(request, manager.username, manager.password);

  // A card of our own serviced yesterday: a service CSI call is due today whatever the demo data holds.
  const { today } = await admin<{ today: string }>('callbacks.queue', { scope: 'team', limit: 1 });
  const customer = await admin<{ id: number }>('customers.create', {
    name: '程立伟',
    gender: 'male',
    mobile: `199${String(Date.now()).slice(-8)}`,
  });
  const vehicle = await admin<{ id: number }>('vehicles.create', {
    customerId: customer.id,
    fields: {
      vin: freshVin(run),
      plate: `粤LC${run.slice(-4)}`,
      brand: '广汽丰田',
      series: '凯美瑞',
      model: '2025款 2.0L 豪华版',
      deliveryDate: addDays(today, -200),
      mileageKm: 9000,
    },
  });
  await admin('visits.create', {
    vehicleId: vehicle.id,
    visitDate: addDays(today, -1),
    type: 'maintenance',
    mileageKm: 12000,
    advisor: '刘晓燕',
  });
  await admin('callbacks.generate', {});
  const csiRows = await admin<{ rows: QueueRow[] }>('callbacks.queue', {
    scope: 'team',
    bucket: 'all',
    ruleCodes: ['service_csi'],
    limit: 200,
  });
  const ours = csiRows.rows.find((r) => r.customerId === customer.id);
  expect(ours, 'the service CSI task of our own card').toBeTruthy();

  const settings = await admin<OutcomeSetting[]>('callbacks.outcomeSettings', {});
  noAnswerBefore = settings.find((s) => s.outcome === 'no_answer')!;

  const mgrPage = await workstation(browser, manager.username, manager.password);
  const opPage = await workstation(browser, operator.username, operator.password);

  await test.step('the manager makes a missed call come back at once (Settings, 回访结果设置)', async () => {
    await mgrPage.getByRole('menuitem', { name: '设置' }).click();
    await mgrPage.getByRole('tab', { name: '回访结果设置' }).click();
    await mgrPage.getByRole('spinbutton', { name: '无人接听 重拨间隔' }).fill('0');
    await mgrPage.getByRole('button', { name: '保存 无人接听' }).click();
    await expect(mgrPage.getByText('已保存“无人接听”的设置')).toBeVisible();
  });

  await test.step('the rules are data the manager edits, with placeholder help', async () => {
    await mgrPage.getByRole('tab', { name: '回访规则' }).click();
    await expect(mgrPage.getByRole('cell', { name: '售后满意度回访', exact: true })).toBeVisible();
    await shot(mgrPage, '40-rules');
    await mgrPage.getByRole('button', { name: '编辑 售后满意度回访' }).click();
    const drawer = mgrPage.getByRole('dialog', { name: /编辑回访规则/ });
    await expect(drawer.getByLabel('名称')).toHaveValue('售后满意度回访');
    await expect(drawer.getByRole('button', { name: /\{advisor\} 服务顾问/ })).toBeVisible();
    await shot(mgrPage, '40-rule-edit');
    await drawer.getByRole('button', { name: '取消' }).click();
    await expect(drawer).toBeHidden();
  });

  await test.step('the manager gives our card to the operator: it is in 我的队列', async () => {
    const me = await opApi<{ id: number }>('auth.me', {});
    await mgrApi('callbacks.assign', { taskIds: ours!.tasks.map((t) => t.taskId), userId: me.id });
    await opPage.getByRole('menuitem', { name: '回访' }).click();
    await expect(opPage.getByRole('tab', { name: '我的队列' })).toBeVisible();
    await expect(opPage.getByRole('tab', { name: '团队队列' })).toHaveCount(0);
    await pickOption(opPage, '回访类型', '售后满意度回访');
    await expect(opPage.getByRole('row', { name: /程立伟/ })).toBeVisible();
    await expect(opPage.getByText('按所选类型领取')).toBeVisible();
    await shot(opPage, '40-queue');
  });

  let calledName = '';
  await test.step('F2 takes the most urgent CSI call: card, scripts, outcome keys', async () => {
    await opPage.keyboard.press('F2');
    const panel = opPage.getByRole('region', { name: '回访通话' });
    await expect(panel).toBeVisible();
    calledName = ((await panel.locator('.cb-call-name').textContent()) ?? '').replace(/(先生|女士)$/, '');
    expect(calledName).not.toBe('');
    await expect(panel.getByRole('heading', { name: '售后满意度回访' })).toBeVisible();
    await expect(panel.getByRole('button', { name: /已接通/ })).toHaveAttribute('aria-keyshortcuts', '1');
    await expect(panel.getByText('未结投诉', { exact: true })).toBeVisible();
    await expect(panel.getByRole('heading', { name: '满意度调查' })).toBeVisible();
    await shot(opPage, '40-call-panel');
  });

  await test.step('2 then Enter records no answer; the call rests for the retry delay (0 now)', async () => {
    await opPage.keyboard.press('2');
    await expect(opPage.getByRole('button', { name: /无人接听/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(opPage.getByRole('button', { name: /记录结果/ })).toBeFocused();
    await opPage.keyboard.press('Enter');
    await expect(opPage.getByText(`已记录：${calledName} — 无人接听`)).toBeVisible();
    await expect(opPage.getByRole('button', { name: /下一个电话/ })).toBeFocused();
  });

  await test.step('N brings the same customer back; 1 opens the survey; dissatisfied with notes', async () => {
    await opPage.keyboard.press('n');
    const panel = opPage.getByRole('region', { name: '回访通话' });
    await expect(panel.locator('.cb-call-name')).toContainText(calledName);
    await expect(panel.getByText(/已拨 1\/\d+ 次/).first()).toBeVisible();
    await expect(panel.locator('.cb-outcome-tag', { hasText: '无人接听' })).toBeVisible();
    await opPage.keyboard.press('1');
    await expect(panel.locator('.cb-csi input[value="satisfied"]')).toBeFocused();
    await panel.getByText('不满意', { exact: true }).click();
    await panel.locator('.cb-csi-nps').getByText('3', { exact: true }).click();
    await panel.getByRole('textbox', { name: '客户意见' }).fill('等待时间太长，洗车也没有洗干净');
    await panel.getByRole('textbox', { name: '通话备注' }).fill('客户情绪较大，希望经理回电');
    await expect(panel.getByText('不满意或 NPS ≤ 6 将生成客服经理 24 小时内跟进任务')).toBeVisible();
    await shot(opPage, '40-csi');
    await opPage.keyboard.press('Control+Enter');
    await expect(opPage.getByText(`已记录：${calledName} — 已接通`)).toBeVisible();
    await expect(opPage.getByText(/已生成客服经理跟进任务/)).toBeVisible();
  });

  let followUpCustomer = 0;
  await test.step('the follow-up is due today for the manager, and both tries are on the timeline', async () => {
    const followUps = await admin<{ rows: QueueRow[] }>('callbacks.queue', {
      scope: 'team',
      bucket: 'due_today',
      ruleCodes: ['dissatisfied_followup'],
      limit: 200,
    });
    const row = followUps.rows.find((r) => r.customerName === calledName);
    expect(row, 'follow-up task for the dissatisfied customer').toBeTruthy();
    followUpCustomer = row!.customerId;
    const timeline = await admin<{ items: { summary: string }[] }>('customers.timeline', {
      customerId: followUpCustomer,
      kinds: ['callback'],
    });
    const summaries = timeline.items.map((i) => i.summary).join('\n');
    expect(summaries).toContain('无人接听');
    expect(summaries).toMatch(/已接通.*不满意/);
  });

  await test.step('the manager sees the follow-up in the team queue and assigns it', async () => {
    await mgrPage.getByRole('menuitem', { name: '回访' }).click();
    await mgrPage.getByRole('tab', { name: '团队队列' }).click();
    await pickOption(mgrPage, '回访类型', '不满意跟进（客服经理）');
    const row = mgrPage.getByRole('row', { name: new RegExp(calledName) });
    await expect(row).toBeVisible();
    await row.getByRole('checkbox', { name: `选择 ${calledName}` }).check();
    await expect(mgrPage.getByText(/已选 1 位客户/)).toBeVisible();
    await pickOption(mgrPage, '分配给…', `${manager.displayName}（客服经理）`);
    await expect(mgrPage.getByText(/已分配 1 个任务/)).toBeVisible();
    await expect(row.getByText(manager.displayName)).toBeVisible();
    await row.getByRole('checkbox', { name: `选择 ${calledName}` }).check();
    await shot(mgrPage, '40-team');
  });

  await test.step('工作量: the operator made two calls, one reached', async () => {
    await mgrPage.getByRole('tab', { name: '工作量' }).click();
    const opRow = mgrPage.getByRole('row', { name: new RegExp(operator.displayName) });
    await expect(opRow).toContainText('50.0%');
    await expect(mgrPage.getByRole('row', { name: /售后满意度回访/ })).toBeVisible();
    await shot(mgrPage, '40-manager');
  });

  await test.step('two workstations pressing "next" at the same moment never get the same task', async () => {
    const [a, b] = await Promise.all([
      opApi<{ reasons: { taskId: number }[] } | null>('callbacks.next', {}),
      mgrApi<{ reasons: { taskId: number }[] } | null>('callbacks.next', {}),
    ]);
    const idsA = a?.reasons.map((r) => r.taskId) ?? [];
    const idsB = b?.reasons.map((r) => r.taskId) ?? [];
    expect(idsA.length + idsB.length).toBeGreaterThan(0);
    expect(idsA.filter((id) => idsB.includes(id))).toEqual([]);
    if (idsA.length) await opApi('callbacks.release', { taskIds: idsA });
    if (idsB.length) await mgrApi('callbacks.release', { taskIds: idsB });
  });
});
