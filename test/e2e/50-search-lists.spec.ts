import { expect, test } from '@playwright/test';
import { adminApi, ensureDemoData, shotBoth, uiLogin } from './e2e-helpers';

// Search says how many match and opens them all in the list; the list keeps its filters, sort and scroll on
// the way back from a card; an old link of a merged-away customer lands on the survivor with a notice.

/** A given name per customer, so the spec's customers share a two-character name no demo customer has. */
const givenNames = '甲乙丙丁戊己庚辛壬癸子丑寅卯'.split('');

test('search count, show all, list state on the way back, merged redirect', async ({ page, request }) => {
  await ensureDemoData(request);
  const api = await adminApi(request);
  // A run of its own: the stem differs per run, so a second run on the same database counts only its own.
  const stem = `燕${'北南东西'[Date.now() % 4]}`;
  const existing = await api<{ total: number }>('customers.search', { q: stem, limit: 10 });
  const mobileBase = 13600000000 + (Date.now() % 1_000_000) * 100;
  for (const [i, given] of givenNames.entries()) {
    await api('customers.create', { name: `${stem}${given}`, mobile: String(mobileBase + i) });
  }
  const total = existing.total + givenNames.length;
  const survivor = await api<{ id: number }>('customers.create', {
    name: '合并留存客户',
    mobile: String(mobileBase + 50),
  });
  const merged = await api<{ id: number }>('customers.create', {
    name: '合并并入客户',
    mobile: String(mobileBase + 51),
  });
  await api('customers.merge', { survivorId: survivor.id, mergedId: merged.id });

  await page.setViewportSize({ width: 1440, height: 900 });
  await uiLogin(page);

  await test.step('the search dropdown says how many match and opens them all in the list', async () => {
    const box = page.getByRole('combobox', { name: '搜索客户' });
    await box.fill(stem);
    const options = page.getByRole('listbox', { name: '搜索结果' }).getByRole('option');
    await expect(options).toHaveCount(11);
    const showAll = options.last();
    await expect(showAll).toContainText(`共 ${total} 位客户`);
    await expect(showAll).toContainText('显示前 10 位');
    await expect(showAll).toContainText('在客户列表中查看全部');
    await shotBoth(page, '50-search-count');
    // The keyboard reaches it too: ↑ from the first result wraps to the last option.
    await page.keyboard.press('ArrowUp');
    await expect(showAll).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/customers\\?q=${encodeURIComponent(stem)}$`));
    await expect(page.getByText(new RegExp(`^共 ${total} 位客户$`))).toBeVisible();
    await expect(page.getByRole('textbox', { name: '按姓名、拼音、手机号、车牌或 VIN 筛选' })).toHaveValue(
      stem,
    );
    const grid = page.getByRole('table', { name: '客户列表' });
    await expect(grid.locator('[data-customer-id]')).toHaveCount(total);
  });

  await test.step('the list sorts the filtered customers; the card’s link back keeps text and sort', async () => {
    const grid = page.getByRole('table', { name: '客户列表' });
    await grid.getByRole('button', { name: '姓名' }).click();
    await expect(page).toHaveURL(/sort=name&dir=asc/);
    // The rows in main's order by pinyin, the spec's customers among them.
    const byName = await api<{ rows: { name: string }[] }>('customers.list', {
      filters: { text: stem },
      sort: 'name',
      direction: 'asc',
      limit: 100,
    });
    await expect(grid.locator('[data-customer-id] .cell-strong')).toHaveText(byName.rows.map((r) => r.name));
    expect(byName.rows.map((r) => r.name)).toEqual(expect.arrayContaining(givenNames.map((g) => stem + g)));
    await shotBoth(page, '50-list-text-filter');
    await grid.locator('[data-customer-id]').nth(2).click();
    await expect(page).toHaveURL(/#\/customers\/\d+$/);
    await page.getByRole('link', { name: '客户列表' }).first().click();
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(stem)}.*sort=name&dir=asc`));
    await expect(page.getByRole('textbox', { name: '按姓名、拼音、手机号、车牌或 VIN 筛选' })).toHaveValue(
      stem,
    );
    await expect(grid.locator('[data-customer-id]')).toHaveCount(total);
  });

  await test.step('Back from a card, and its link back, return to where the long list was scrolled', async () => {
    await page.goto('/#/customers?sort=created&dir=asc');
    const grid = page.getByRole('table', { name: '客户列表' });
    await expect(grid.locator('[data-customer-id]').first()).toBeVisible();
    // Far enough that the rows come from a later page than the first.
    // (the next page loads as the first one's end comes into view).
    await expect
      .poll(() =>
        grid.evaluate((el) => {
          el.scrollTo({ top: 6000 });
          return el.scrollTop;
        }),
      )
      .toBe(6000);
    // Clicking scrolls a row into view first: the position to come back to is the one after that.
    const row = grid.locator('[data-customer-id]').nth(20);
    await row.hover();
    await page.waitForTimeout(300);
    const top = await grid.evaluate((el) => el.scrollTop);
    expect(top).toBeGreaterThan(4000);
    const id = await row.getAttribute('data-customer-id');
    await row.click();
    await expect(page).toHaveURL(new RegExp(`#/customers/${id}$`));
    await page.goBack();
    await expect(page).toHaveURL(/sort=created&dir=asc/);
    await expect.poll(() => grid.evaluate((el) => el.scrollTop)).toBe(top);
    await expect(grid.locator(`[data-customer-id="${id}"]`)).toBeInViewport();

    await grid.locator(`[data-customer-id="${id}"]`).click();
    await page.getByRole('link', { name: '客户列表' }).first().click();
    await expect(page).toHaveURL(/sort=created&dir=asc/);
    await expect.poll(() => grid.evaluate((el) => el.scrollTop)).toBe(top);
  });

  await test.step('an old link of a merged-away customer opens the survivor with a notice', async () => {
    await page.goto(`/#/customers/${merged.id}`);
    await expect(page).toHaveURL(new RegExp(`#/customers/${survivor.id}$`));
    const notice = page.getByRole('alert').filter({ hasText: '该客户已合并到 合并留存客户' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(`编号 ${merged.id}`);
    await expect(page.getByRole('heading', { name: '合并留存客户', exact: true })).toBeVisible();
    await shotBoth(page, '50-merged-redirect');
    // Back does not return to the old address (it would redirect again).
    await page.goBack();
    await expect(page).not.toHaveURL(new RegExp(`#/customers/${merged.id}$`));
  });
});
