import { expect, test } from './support/test';
import { AdminShell } from './pages/admin-shell';
import { AdminCommandPalette } from './pages/admin-command-palette';
import { AdminOrderPage } from './pages/admin-orders-pages';
import { axeViolations } from './support/axe';

// The order page as staff use it: internal notes on the timeline, tracking links to the carrier, the items table
// at both widths; and the command palette that takes staff to an order by its number.

/** A seeded order that can be shipped now (paid, nothing shipped yet), from the far end of the list. */
async function shippableOrder(page: import('@playwright/test').Page): Promise<string> {
  await page.goto('/admin/orders?status=paid');
  const numbers = await page.locator('main a[href^="/admin/orders/SF-"]').evaluateAll((links) => links.map((a) => a.textContent?.trim() ?? ''));
  const candidates = [...new Set(numbers.filter((n) => /^SF-[0-9A-Z]{8}$/.test(n)))].reverse();
  const order = new AdminOrderPage(page);
  for (const number of candidates) {
    await order.goto(number);
    if (await order.actions.getByRole('form', { name: 'Ship items' }).getByRole('button', { name: 'Mark shipped' }).isVisible()) return number;
  }
  throw new Error('no seeded paid order left to ship');
}

async function anyOrderNumber(page: import('@playwright/test').Page): Promise<string> {
  await page.goto('/admin/orders');
  const first = page.locator('main a[href^="/admin/orders/SF-"]').first();
  return (await first.textContent())!.trim();
}

test('a note added on an order appears on its timeline with its author, and a UPS tracking number links to UPS', async ({ page }) => {
  test.slow(); // a shipment, a note and two widths on a busy machine
  await new AdminShell(page).signIn();
  await shippableOrder(page);
  const order = new AdminOrderPage(page);

  const note = `Customer asked for gift wrap ${Date.now().toString(36)}`;
  await order.addNote(note);
  await expect(order.note(note)).toContainText('admin@e2e.test');
  await page.reload();
  await expect(order.note(note)).toBeVisible();

  await order.ship('UPS', '1Z999AA10123456784');
  const link = order.trackingLink('1Z999AA10123456784');
  await expect(link).toHaveAttribute('href', 'https://www.ups.com/track?tracknum=1Z999AA10123456784');
  await expect(link).toHaveAttribute('target', '_blank');

  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    // One layout of the items per width: cards on a phone, the table from 768 px up.
    await expect(width < 768 ? order.itemCards : order.itemsTable).toBeVisible();
    await expect(width < 768 ? order.itemsTable : order.itemCards).toBeHidden();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll at ${width} px`).toBe(true);
    expect(await axeViolations(page), `order page at ${width} px`).toEqual([]);
  }
  await order.resendConfirmation();
  await expect(order.timeline).toContainText('Confirmation email resent');
});

test('⌘K on a desktop and the header button on a phone jump to an order by its number', async ({ page }) => {
  await new AdminShell(page).signIn();
  const number = await anyOrderNumber(page);
  const palette = new AdminCommandPalette(page);

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/admin/products');
  await palette.openWithShortcut();
  await palette.search(number.slice(3).toLowerCase());
  await expect(palette.option(new RegExp(`^Order ${number}`))).toBeVisible();
  expect(await axeViolations(page), 'palette with results at 1280 px').toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/admin/orders/${number}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Order ${number}` })).toBeVisible();
  await expect(palette.dialog).toBeHidden();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/admin');
  await palette.openWithButton();
  await palette.search(number);
  await expect(palette.option(new RegExp(`^Order ${number}`))).toBeVisible();
  expect(await axeViolations(page), 'palette with results at 390 px').toEqual([]);
  await palette.option(new RegExp(`^Order ${number}`)).click();
  await expect(page).toHaveURL(new RegExp(`/admin/orders/${number}$`));

  // Pages of the panel are in it too.
  await palette.openWithButton();
  await palette.search('audit');
  await palette.option(/^Audit log/).click();
  await expect(page).toHaveURL(/\/admin\/audit-log$/);
});
