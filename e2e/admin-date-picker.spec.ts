import { randomBytes } from 'node:crypto';
import { expect, test } from './support/test';
import { AdminShell } from './pages/admin-shell';
import { DatePickerField } from './pages/date-picker';
import { DiscountsAdminPage } from './pages/admin-people-pages';
import { axeViolations } from './support/axe';

// The kit's date picker where the admin asks for dates: a calendar that works from the keyboard (arrows move, Enter
// picks, Escape closes, focus comes back), a typed date that applies only once complete, axe clean with it open.

/** The browser's local date `days` from today, as YYYY-MM-DD. */
async function localDay(page: import('@playwright/test').Page, days: number) {
  return page.evaluate((offset) => {
    const date = new Date();
    date.setDate(date.getDate() + offset);
    return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  }, days);
}

for (const width of [390, 1280]) {
  test(`at ${width} px: the orders list's dates are picked in a calendar by keyboard, or typed`, async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width, height: 900 });
    await new AdminShell(page).signIn(undefined, '/admin/orders');
    const filters = page.getByRole('search', { name: 'Filter orders' });
    const from = new DatePickerField(page, filters, 'Placed from');
    const to = new DatePickerField(page, filters, 'Placed to');

    await from.open();
    // Focus lands on today in the grid; the calendar fits the screen and passes axe while open.
    await expect(from.calendar.getByRole('button', { name: /, today$/ })).toBeFocused();
    const box = (await from.calendar.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(await axeViolations(page), `orders list with the calendar open at ${width} px`).toEqual([]);

    // ← then Enter: yesterday, applied at once; the calendar closes and focus is back on its button.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect(from.calendar).toBeHidden();
    await expect(from.button).toBeFocused();
    const yesterday = await localDay(page, -1);
    await expect(from.field).toHaveValue(yesterday);
    await expect(page).toHaveURL((url) => url.searchParams.get('from') === yesterday);
    await expect(filters).toHaveAttribute('aria-busy', 'false');

    // Reopened, the picked day is the one focused and marked.
    await from.open();
    await expect(from.calendar.getByRole('button', { name: /, selected$/ })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(from.calendar).toBeHidden();
    await expect(from.button).toBeFocused();

    // A half-typed date changes nothing; the whole date applies.
    const today = await localDay(page, 0);
    await to.field.fill(today.slice(0, 6));
    await expect(page).toHaveURL((url) => url.searchParams.get('to') === null);
    await to.field.fill(today);
    await expect(page).toHaveURL((url) => url.searchParams.get('to') === today && url.searchParams.get('from') === yesterday);

    // Clear filters empties both fields.
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get('from') === null && url.searchParams.get('to') === null);
    await expect(from.field).toHaveValue('');
  });
}

test('a discount’s start is typed then moved a day in its calendar, with a time; the edit form shows what was saved', async ({ page }) => {
  test.slow();
  const code = `CAL${randomBytes(3).toString('hex').toUpperCase()}`;
  await new AdminShell(page).signIn(undefined, '/admin/discounts');
  const discounts = new DiscountsAdminPage(page);
  const form = discounts.createForm;
  await form.getByLabel('Code', { exact: true }).fill(code);
  await form.getByLabel('Type').selectOption({ label: 'Percentage off' });
  await form.getByLabel('Value').fill('10');
  const starts = new DatePickerField(page, form, 'Starts (UTC)');
  const ends = new DatePickerField(page, form, 'Ends (UTC)');
  await starts.field.fill('2030-01-15');
  await starts.time.fill('09:30');
  await starts.open();
  await expect(starts.calendar.getByRole('grid', { name: /January 2030/ })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(starts.field).toHaveValue('2030-01-16');
  await ends.field.fill('2030-02-01');
  await form.getByRole('button', { name: 'Create discount' }).click();
  await expect(page.getByRole('region', { name: /^Notifications/ }).getByText('Discount created.', { exact: true })).toBeVisible();

  await page.getByRole('link', { name: code, exact: true }).click();
  const edit = page.getByRole('form', { name: 'Edit discount' });
  await expect(new DatePickerField(page, edit, 'Starts (UTC)').field).toHaveValue('2030-01-16');
  await expect(new DatePickerField(page, edit, 'Starts (UTC)').time).toHaveValue('09:30');
  await expect(new DatePickerField(page, edit, 'Ends (UTC)').field).toHaveValue('2030-02-01');
  await expect(new DatePickerField(page, edit, 'Ends (UTC)').time).toHaveValue('00:00');
});
