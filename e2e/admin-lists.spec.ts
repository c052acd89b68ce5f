import { randomBytes } from 'node:crypto';
import { expect, test } from './support/test';
import { AdminShell } from './pages/admin-shell';
import { ImportExportPage, InventoryPages, ProductList } from './pages/admin-catalog-pages';
import { SavedViewsPanel } from './pages/admin-list-pages';
import { AdminOrdersList } from './pages/admin-orders-pages';
import { axeViolations } from './support/axe';
import { findBuyableVariant, placeGuestOrderThroughApi } from './support/commerce';
import { expectNoSidewaysScroll } from './support/layout';

// The admin lists on the shared data table: sort kept in the URL across a reload, columns hidden and remembered,
// filters that apply as they are typed, saved views, and the bulk actions beyond archive.

const suffix = () => randomBytes(3).toString('hex');
const CSV_HEADER = 'handle,title,description,status,option1_name,option1_value,sku,price,stock';

/** Three one-variant products titled "<prefix> B", "<prefix> A", "<prefix> C" (in that order), 3 in stock each. */
async function importThree(page: import('@playwright/test').Page, prefix: string, s: string) {
  const letters = ['B', 'A', 'C'];
  const csv = [CSV_HEADER, ...letters.map((letter) => `${prefix.toLowerCase().replace(/\s+/g, '-')}-${letter.toLowerCase()},${prefix} ${letter},,active,,,${prefix.replace(/\s+/g, '-').toUpperCase()}-${letter},5.00,3`)].join('\n');
  const importer = new ImportExportPage(page);
  await importer.goto();
  await importer.importCsv(`${s}.csv`, csv, 'Import');
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 products' })).toBeVisible();
}

test('products list: filter as you type, sort by a column and reload, hide a column, save the view and open it again', async ({ page }) => {
  test.slow();
  const s = suffix();
  const prefix = `Sortable ${s}`;
  await new AdminShell(page).signIn(undefined, '/admin/import-export');
  await importThree(page, prefix, s);

  const list = new ProductList(page);
  await list.goto();
  // No button to press: typing filters the list.
  await expect(list.filters.getByRole('button', { name: /Apply/ })).toHaveCount(0);
  await list.filters.getByLabel('Search title or SKU').fill(prefix);
  await expect(list.results().getByRole('row')).toHaveCount(4);
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === prefix);

  // Sort by title: ascending, announced on the header, and still so after a reload.
  await list.sortBy('Title');
  await expect(list.columnHeader('Title')).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => list.titles()).toEqual([`${prefix} A`, `${prefix} B`, `${prefix} C`]);
  await page.reload();
  await expect(list.columnHeader('Title')).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => list.titles()).toEqual([`${prefix} A`, `${prefix} B`, `${prefix} C`]);
  await list.sortBy('Title');
  await expect(list.columnHeader('Title')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => list.titles()).toEqual([`${prefix} C`, `${prefix} B`, `${prefix} A`]);

  // Hide "Updated": gone at once, and still hidden after a reload.
  await expect(list.columnHeader('Updated')).toBeVisible();
  await list.toggleColumn('Updated', false);
  await expect(list.columnHeader('Updated')).toHaveCount(0);
  await expect(page).toHaveURL(/hide=updated/);
  await page.reload();
  await expect(list.columnHeader('Updated')).toHaveCount(0);

  // Save this view, leave for the plain list, then pick the view again: filter, sort and columns come back.
  const views = new SavedViewsPanel(page);
  await views.save(`Sortables ${s}`);
  await list.goto();
  await expect(list.filters.getByLabel('Search title or SKU')).toHaveValue('');
  await views.choose(`Sortables ${s}`);
  await expect(list.filters.getByLabel('Search title or SKU')).toHaveValue(prefix);
  await expect(list.columnHeader('Title')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => list.titles()).toEqual([`${prefix} C`, `${prefix} B`, `${prefix} A`]);
  await expect(list.columnHeader('Updated')).toHaveCount(0);
  await expect(views.picker).toHaveValue(/.+/);

  // Show the column again for the next journeys in this browser.
  await list.toggleColumn('Updated', true);
  await expect(list.columnHeader('Updated')).toBeVisible();
});

test('inventory list: sorted by on hand both ways and after a reload, each variant with its stock badge', async ({ page }) => {
  const s = suffix();
  const prefix = `Counted ${s}`;
  const sku = (letter: string) => `COUNTED-${s}-${letter}`.toUpperCase();
  await new AdminShell(page).signIn(undefined, '/admin/import-export');
  const csv = [CSV_HEADER, ...[['A', 40], ['B', 0], ['C', 25]].map(([letter, stock]) => `counted-${s}-${String(letter).toLowerCase()},${prefix} ${letter},,active,,,${sku(String(letter))},5.00,${stock}`)].join('\n');
  const importer = new ImportExportPage(page);
  await importer.goto();
  await importer.importCsv(`${s}.csv`, csv, 'Import');
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 products' })).toBeVisible();

  const inventory = new InventoryPages(page);
  await inventory.search(prefix);
  // By SKU until told otherwise.
  await expect.poll(() => inventory.skus()).toEqual([sku('A'), sku('B'), sku('C')]);
  await expect(inventory.row(sku('B'))).toContainText('Sold out');
  await expect(inventory.row(sku('A'))).toContainText('In stock');

  await inventory.sortBy('On hand');
  await expect(inventory.columnHeader('On hand')).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => inventory.skus()).toEqual([sku('B'), sku('C'), sku('A')]);
  await page.reload();
  await expect.poll(() => inventory.skus()).toEqual([sku('B'), sku('C'), sku('A')]);
  await inventory.sortBy('On hand');
  await expect(inventory.columnHeader('On hand')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => inventory.skus()).toEqual([sku('A'), sku('C'), sku('B')]);
  // The filter is kept while sorting.
  await expect(inventory.filters().getByLabel('Search product title or SKU')).toHaveValue(prefix);
});

test('bulk adjust stock on 2 products: every variant moves by the same amount, shown in the list', async ({ page }) => {
  test.slow();
  const s = suffix();
  const prefix = `Restock ${s}`;
  await new AdminShell(page).signIn(undefined, '/admin/import-export');
  await importThree(page, prefix, s);

  const list = new ProductList(page);
  await list.search({ q: prefix });
  await expect(list.results().getByRole('row')).toHaveCount(4);
  await list.select(`${prefix} A`);
  await list.select(`${prefix} C`);
  await expect(page.getByText('2 selected')).toBeVisible();
  await list.adjustSelectedStock('5', 'Received', `Delivery ${s}`);
  await expect(list.toast('Stock +5 on 2 variants of 2 products.')).toBeVisible();
  await expect(list.row(`${prefix} A`).getByRole('cell', { name: '8', exact: true })).toBeVisible();
  await expect(list.row(`${prefix} C`).getByRole('cell', { name: '8', exact: true })).toBeVisible();
  await expect(list.row(`${prefix} B`).getByRole('cell', { name: '3', exact: true })).toBeVisible();
  await expect(page.getByText('Tick products to act on several at once.')).toBeVisible();

  // Taking more than one has is refused as a whole, and nothing changes.
  await list.select(`${prefix} A`);
  await list.select(`${prefix} B`);
  await list.adjustSelectedStock('-4', 'Correction (count)');
  await expect(page.getByRole('dialog', { name: 'Adjust stock' }).getByText(/Too few on hand for .*-B/)).toBeVisible();
  await page.getByRole('dialog', { name: 'Adjust stock' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(list.row(`${prefix} A`).getByRole('cell', { name: '8', exact: true })).toBeVisible();
  await expect(list.row(`${prefix} B`).getByRole('cell', { name: '3', exact: true })).toBeVisible();
});

test('bulk mark paid on 2 manual-payment orders; a second try skips both and says why', async ({ page, request }) => {
  test.slow();
  const s = suffix();
  const variant = await findBuyableVariant(request, 7, 1);
  const numbers = [
    await placeGuestOrderThroughApi(request, `bulkpaid-${s}-1@example.com`, variant),
    await placeGuestOrderThroughApi(request, `bulkpaid-${s}-2@example.com`, variant),
  ];
  await new AdminShell(page).signIn(undefined, '/admin/orders');
  const list = new AdminOrdersList(page);
  await list.search(`bulkpaid-${s}`);
  await expect(list.table.getByRole('row')).toHaveCount(3);
  for (const number of numbers) {
    await expect(list.row(number)).toContainText('Unpaid');
    await list.select(number);
  }
  await list.markSelectedPaid();
  await expect(page.getByRole('region', { name: /^Notifications/ }).getByText('2 orders marked paid.', { exact: true })).toBeVisible();
  for (const number of numbers) await expect(list.row(number).getByText('Paid', { exact: true })).toHaveCount(2);

  for (const number of numbers) await list.select(number);
  await list.markSelectedPaid();
  await expect(page.getByRole('region', { name: /^Notifications/ }).getByText('0 orders marked paid. 2 skipped.', { exact: true })).toBeVisible();
  await expect(list.skipped()).toContainText(`${numbers[0]}: This order is already paid.`);
  await expect(list.skipped()).toContainText(`${numbers[1]}: This order is already paid.`);
});

test('export selected: the CSV downloaded holds exactly the 2 ticked products, in the import format', async ({ page }) => {
  test.slow();
  const s = suffix();
  const prefix = `Exported ${s}`;
  await new AdminShell(page).signIn(undefined, '/admin/import-export');
  await importThree(page, prefix, s);

  const list = new ProductList(page);
  await list.search({ q: prefix });
  await expect(list.results().getByRole('row')).toHaveCount(4);
  await list.select(`${prefix} A`);
  await list.select(`${prefix} C`);
  await expect(page.getByText('2 selected')).toBeVisible();
  const { filename, text } = await list.exportSelected();
  expect(filename).toMatch(/^products-selected-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...rows] = text.trim().split(/\r?\n/);
  expect(header!.split(',').slice(0, 4)).toEqual(['handle', 'title', 'description', 'status']);
  const titleAt = header!.split(',').indexOf('title');
  const skuAt = header!.split(',').indexOf('sku');
  // One row per variant, each of these products has one: the two ticked, not the third, nothing else from the catalogue.
  expect(rows.map((row) => row.split(',')[titleAt]).sort()).toEqual([`${prefix} A`, `${prefix} C`]);
  expect(rows.map((row) => row.split(',')[skuAt]).sort()).toEqual([`EXPORTED-${s.toUpperCase()}-A`, `EXPORTED-${s.toUpperCase()}-C`]);
});

test('bulk fulfil: 2 paid orders ship with their own tracking numbers, an unpaid one is skipped and says why', async ({ page, request }) => {
  test.slow();
  const s = suffix();
  const variant = await findBuyableVariant(request, 7, 1);
  const [paidA, paidB, unpaid] = [
    await placeGuestOrderThroughApi(request, `bulkship-${s}-1@example.com`, variant),
    await placeGuestOrderThroughApi(request, `bulkship-${s}-2@example.com`, variant),
    await placeGuestOrderThroughApi(request, `bulkship-${s}-3@example.com`, variant),
  ] as [string, string, string];
  await new AdminShell(page).signIn(undefined, '/admin/orders');
  const list = new AdminOrdersList(page);
  await list.search(`bulkship-${s}`);
  await expect(list.table.getByRole('row')).toHaveCount(4);
  await list.select(paidA);
  await list.select(paidB);
  await list.markSelectedPaid();
  await expect(page.getByRole('region', { name: /^Notifications/ }).getByText('2 orders marked paid.', { exact: true })).toBeVisible();

  for (const number of [paidA, paidB, unpaid]) await list.select(number);
  await list.fulfilSelected('UPS', { [paidA]: `1Z${s}A0000001`, [paidB]: `1Z${s}B0000002`, [unpaid]: `1Z${s}C0000003` });
  await expect(page.getByRole('region', { name: /^Notifications/ }).getByText('2 orders shipped. 1 skipped.', { exact: true })).toBeVisible();
  await expect(list.skipped()).toContainText(`${unpaid}:`);
  await expect(list.row(paidA).getByText('Fulfilled', { exact: true })).toBeVisible();
  await expect(list.row(paidB).getByText('Fulfilled', { exact: true })).toBeVisible();
  await expect(list.row(unpaid).getByText('Fulfilled', { exact: true })).toHaveCount(0);
  await expect(list.row(unpaid)).toContainText('Unpaid');

  // The order itself carries its own tracking number, not the other order's.
  await list.open(paidB);
  await expect(page.getByRole('link', { name: new RegExp(`^1Z${s}B0000002 \\(track with UPS`) })).toHaveAttribute('href', `https://www.ups.com/track?tracknum=1Z${s}B0000002`);
  await expect(page.getByText(`1Z${s}A0000001`)).toHaveCount(0);
});

test('each admin list passes axe at 390 and 1280 px and keeps wide tables in their own scroll region', async ({ page }) => {
  // Eight page loads, each checked by axe.
  test.slow();
  await new AdminShell(page).signIn(undefined, '/admin/products');
  for (const [path, name] of [
    ['/admin/products', 'Products'],
    ['/admin/orders', 'Orders'],
    ['/admin/customers', 'Customers'],
    ['/admin/inventory', 'Variants and stock'],
  ] as const) {
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await expect(page.getByRole('region', { name: `${name}, table` })).toBeVisible();
      await expectNoSidewaysScroll(page);
      expect(await axeViolations(page), `${path} at ${width} px`).toEqual([]);
    }
  }
});
