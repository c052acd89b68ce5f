import { randomBytes } from 'node:crypto';
import { expect, test } from './support/test';
import { AS_A_PAGE } from './support/commerce';
import sharp from 'sharp';
import { AdminShell } from './pages/admin-shell';
import { axeViolations } from './support/axe';
import { CategoryTree, ImportExportPage, InventoryPages, ProductEditor, ProductList } from './pages/admin-catalog-pages';


// Staff manage the catalog in /admin; what they save is in the store at once.

const suffix = () => randomBytes(3).toString('hex');

const CSV_HEADER = 'handle,title,description,status,option1_name,option1_value,sku,price,stock';

test('a product created with a 2×3 variant matrix and an image is in the store at once', async ({ page, request }) => {
  // The longest journey here (create, upload, three store pages, edit, store again): more than the default 30 s on a
  // loaded two-core runner.
  test.setTimeout(90_000);
  const s = suffix();
  const title = `Admin Matrix Tee ${s}`;
  await new AdminShell(page).signIn(undefined, '/admin/products/new');
  const editor = new ProductEditor(page);
  await editor.gotoNew();
  await editor.fillDetails({ title, description: 'Soft cotton.\n\n<script>alert(1)</script> stays text.', status: 'Active — shown in the store' });
  await editor.addOptions([['Size', 'S, M'], ['Colour', 'Red, Blue, Green']]);
  await expect(editor.variantRows()).toHaveCount(6);
  await editor.setVariant('S / Red', { price: '24.00', stock: '5' });
  await editor.setVariant('M / Green', { price: '29.50', stock: '2' });
  await editor.fillSkusAndCopyPrice();
  await expect(editor.form.getByLabel('SKU, M / Blue', { exact: true })).toHaveValue(`ADMIN-MATRIX-TEE-${s.toUpperCase()}-M-BLUE`);
  await editor.create();
  const editUrl = page.url();

  const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#2a7' } }).png().toBuffer();
  const upload = await editor.uploadImage({ name: 'tee.png', mimeType: 'image/png', buffer: png }, `Green tee ${s}`);
  await expect(upload.getByRole('status')).toHaveText('Image uploaded.');
  await expect(page.getByRole('img', { name: `Green tee ${s}` })).toBeVisible();

  const slug = `admin-matrix-tee-${s}`;
  await page.goto(`/products/${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('img', { name: `Green tee ${s}` })).toBeVisible();
  // The description is sanitised on output: the script is gone, the words around it stay.
  await expect(page.getByTestId('product-description').getByText('stays text.')).toBeVisible();
  await expect(page.getByTestId('product-description')).not.toContainText('alert(1)');
  await expect(page.getByRole('link', { name: /^Colour Blue/ })).toBeVisible();
  await expect(page.getByText(/\$24\.00/).first()).toBeVisible();

  await page.goto(`/search?q=${encodeURIComponent(`Matrix Tee ${s}`)}`);
  await expect(page.getByRole('link', { name: new RegExp(title) }).first()).toBeVisible();

  // Anonymous visitors (this API client holds no session) get the product page from the page cache.
  const anonymous = await request.get(`/products/${slug}`, AS_A_PAGE);
  expect(anonymous.headers()['x-page-cache']).toMatch(/^(hit|stale|miss)$/);
  expect(await anonymous.text()).toContain('$24.00');
  // So do Store API clients, for the product's public JSON.
  const priceInApi = async () => {
    const response = await request.get(`/api/store/v1/products/${slug}`);
    const body = (await response.json()) as { data: { variants: { priceCents: number }[] } };
    return { cache: response.headers()['x-page-cache'], lowest: Math.min(...body.data.variants.map((v) => v.priceCents)) };
  };
  // (Staff writes in parallel specs purge the cache: this may take a few rounds.)
  await expect.poll(async () => (await priceInApi()).cache, { timeout: 45_000 }).toBe('hit');
  expect((await priceInApi()).lowest).toBe(2400);

  // An edit shows in the store at once too (its cached data and page are invalidated), for staff and visitors.
  await page.goto(editUrl);
  await editor.setVariant('S / Red', { price: '19.00' });
  await editor.save();
  await page.goto(`/products/${slug}`);
  await expect(page.getByText(/\$19\.00/).first()).toBeVisible();
  expect(await (await request.get(`/products/${slug}`, AS_A_PAGE)).text()).toContain('$19.00');
  expect((await priceInApi()).lowest).toBe(1900);
});

test('an upload that is not an image is refused with a clear message', async ({ page }) => {
  const s = suffix();
  await new AdminShell(page).signIn(undefined, '/admin/products/new');
  const editor = new ProductEditor(page);
  await editor.gotoNew();
  await editor.fillDetails({ title: `Refusal Tee ${s}` });
  await editor.setVariant('Default', { sku: `REF-${s}`, price: '10', stock: '1' });
  await editor.create();
  const upload = await editor.uploadImage({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.7 definitely not a picture') }, 'x');
  await expect(upload.getByRole('alert')).toHaveText(/not an image we can use/);
  await expect(page.getByText('No images yet.')).toBeVisible();
});

test('a CSV with one bad row writes nothing; the fixed file imports', async ({ page }) => {
  const s = suffix();
  const handle = `csv-e2e-${s}`;
  const rows = (price: string) =>
    [CSV_HEADER, `${handle},CSV E2E ${s},Imported,active,Size,S,CE-${s}-S,15.00,4`, `${handle},,,,,M,CE-${s}-M,${price},4`].join('\n');
  await new AdminShell(page).signIn(undefined, '/admin/import-export');
  const importer = new ImportExportPage(page);
  await importer.goto();

  await importer.importCsv('bad.csv', rows('fifteen'), 'Import');
  await expect(page.getByRole('alert').filter({ hasText: 'problem' })).toHaveText(/1 problem found: nothing was imported/);
  await expect(importer.problems().getByRole('row', { name: /3 price/ })).toBeVisible();
  expect((await page.request.get(`/products/${handle}`)).status()).toBe(404);

  await importer.importCsv('fixed.csv', rows('16.00'), 'Check file (dry run)');
  await expect(page.getByRole('status').filter({ hasText: 'Dry run: no problems' })).toContainText('create 1');
  expect((await page.request.get(`/products/${handle}`)).status()).toBe(404);

  await importer.importCsv('fixed.csv', rows('16.00'), 'Import');
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 product' })).toBeVisible();
  await page.goto(`/products/${handle}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`CSV E2E ${s}`);
});

test('the product export neutralises a formula in a title', async ({ page }) => {
  const s = suffix();
  const title = `=HYPERLINK("http://evil.example/${s}","click")`;
  const csv = [CSV_HEADER, `formula-${s},"${title.replace(/"/g, '""')}",,draft,,,FX-${s},5,1`].join('\n');
  await new AdminShell(page).signIn(undefined, '/admin/import-export');
  const importer = new ImportExportPage(page);
  await importer.goto();
  await importer.importCsv('formula.csv', csv, 'Import');
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 product' })).toBeVisible();

  const exported = await importer.downloadProducts();
  const line = exported.split('\r\n').find((l) => l.startsWith(`formula-${s},`));
  expect(line).toBeDefined();
  expect(line).toContain(`"'=HYPERLINK(""http://evil.example/${s}"",""click"")"`);
  expect(exported).not.toMatch(new RegExp(`(^|,)"?=HYPERLINK\\(""http://evil.example/${s}`, 'm'));
});

test('a stock adjustment shows in the variant’s history', async ({ page }) => {
  const s = suffix();
  const sku = `INV-${s}`.toUpperCase();
  await new AdminShell(page).signIn(undefined, '/admin/products/new');
  const editor = new ProductEditor(page);
  await editor.gotoNew();
  await editor.fillDetails({ title: `Inventory Mug ${s}`, status: 'Active — shown in the store' });
  await editor.setVariant('Default', { sku, price: '9.00', stock: '3' });
  await editor.create();

  // Found in the product list by its SKU (any case), and not under another status.
  const list = new ProductList(page);
  await list.search({ q: sku.toLowerCase() });
  await expect(list.results().getByRole('link', { name: `Inventory Mug ${s}` })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^1 product$/ })).toBeVisible();
  await list.search({ q: sku, status: 'Draft' });
  await expect(page.getByText('No products match.')).toBeVisible();

  const inventory = new InventoryPages(page);
  await inventory.openVariant(sku);
  const form = await inventory.adjust('7', 'Received', `Delivery ${s}`);
  await expect(form.getByRole('status')).toHaveText('Stock adjusted.');
  const latest = inventory.history().getByRole('row').nth(1);
  await expect(latest).toContainText('Received');
  await expect(latest).toContainText('+7');
  await expect(latest).toContainText(`Delivery ${s}`);
  await expect(latest).toContainText('admin@e2e.test');
  await expect(page.getByText(/10 on hand/)).toBeVisible();

  await inventory.adjust('-20', 'Damaged', 'too many');
  await expect(form.getByRole('alert')).toHaveText('Stock cannot go below zero: 10 on hand.');
  await expect(inventory.history().getByRole('row')).toHaveCount(3); // header, +7, opening stock: nothing added
});

test('moving a category takes its subcategories along; a parent cannot be deleted', async ({ page }) => {
  const s = suffix();
  await new AdminShell(page).signIn(undefined, '/admin/categories');
  const tree = new CategoryTree(page);
  await tree.goto();
  await tree.create(`Outer ${s}`);
  await tree.create(`Middle ${s}`, `Outer ${s}`);
  await tree.create(`Inner ${s}`, `\u00a0\u00a0\u00a0Middle ${s}`);
  await expect(tree.item(`Inner ${s}`)).toContainText(`/outer-${s}/middle-${s}/inner-${s}`);
  await expect(tree.item(`Outer ${s}`).getByRole('button', { name: `Delete Outer ${s}` })).toBeDisabled();

  await tree.moveUnder(`Middle ${s}`, '(top level)');
  await expect(tree.item(`Inner ${s}`)).toContainText(`/middle-${s}/inner-${s}`);
  await expect(tree.item(`Inner ${s}`)).not.toContainText(`outer-${s}`);
});

test('leaving an edited product prompts; saving first asks nothing', async ({ page }) => {
  test.slow();
  const s = suffix();
  await new AdminShell(page).signIn(undefined, '/admin/products/new');
  const editor = new ProductEditor(page);
  await editor.gotoNew();
  await editor.fillDetails({ title: `Guarded Mug ${s}` });
  await editor.setVariant('Default', { sku: `GUARD-${s}`, price: '10.00', stock: '2' });
  await editor.create();
  const editUrl = page.url();
  await expect(editor.saveBar()).not.toContainText('Unsaved changes');

  // A price typed but not saved: the save bar says so, and every way out asks first.
  const price = editor.form.getByLabel('Price, Default', { exact: true });
  await price.fill('12.50');
  await expect(editor.saveBar()).toContainText('Unsaved changes');
  await expect(editor.saveBar().getByRole('button', { name: 'Discard' })).toBeVisible();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(editor.saveBar()).toBeInViewport();
    expect(await axeViolations(page), `product editor with unsaved changes at ${width} px`).toEqual([]);
  }

  await editor.backToProducts();
  await expect(editor.leaveDialog()).toBeVisible();
  await expect(editor.leaveDialog()).toContainText('have not been saved');
  expect(await axeViolations(page), 'leave dialog').toEqual([]);
  await editor.leaveDialog().getByRole('button', { name: 'Stay' }).click();
  await expect(editor.leaveDialog()).toBeHidden();
  await expect(page).toHaveURL(editUrl);
  await expect(price).toHaveValue('12.50');

  // The browser's Back button asks too.
  await page.goBack();
  await expect(editor.leaveDialog()).toBeVisible();
  await editor.leaveDialog().getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(editUrl);
  await expect(price).toHaveValue('12.50');

  // Closing the tab or reloading asks through the browser's own prompt: the page cancels its beforeunload.
  const cancelled = await page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  expect(cancelled).toBe(true);

  await editor.backToProducts();
  await editor.leaveDialog().getByRole('button', { name: 'Leave' }).click();
  await expect(page).toHaveURL(/\/admin\/products$/);
  await expect(page.getByRole('heading', { name: 'Products', level: 1 })).toBeVisible();

  // What was left is not saved; categories are picked in the combobox; saved work leaves without a question.
  await page.goto(editUrl);
  await expect(price).toHaveValue('10.00');
  await price.fill('11.00');
  await editor.chooseCategories('t-shirt', 'Apparel / Tops / T-Shirts');
  await expect(editor.chosenCategories()).toHaveCount(1);
  await expect(editor.chosenCategories()).toHaveAccessibleName('Remove Apparel / Tops / T-Shirts');
  await editor.save();
  await expect(editor.toast('Product saved.')).toBeVisible();
  await expect(editor.saveBar()).not.toContainText('Unsaved changes');
  await editor.backToProducts();
  await expect(page).toHaveURL(/\/admin\/products$/);
  await expect(editor.leaveDialog()).toHaveCount(0);
  await page.goto(editUrl);
  await expect(price).toHaveValue('11.00');
  await expect(editor.chosenCategories()).toHaveAccessibleName('Remove Apparel / Tops / T-Shirts');
});

test('a bulk archive of 3 products: ticked in the list, archived at once, gone from the store; published again, back', async ({ page }) => {
  test.slow();
  const s = suffix();
  const handles = ['a', 'b', 'c'].map((letter) => `bulk-${s}-${letter}`);
  const csv = [CSV_HEADER, ...handles.map((handle, i) => `${handle},Bulk ${s} ${i + 1},,active,,,BULK-${s}-${i + 1},5.00,3`)].join('\n');
  await new AdminShell(page).signIn(undefined, '/admin/import-export');
  const importer = new ImportExportPage(page);
  await importer.goto();
  await importer.importCsv('bulk.csv', csv, 'Import');
  await expect(page.getByRole('status').filter({ hasText: 'Imported 3 products' })).toBeVisible();
  expect((await page.request.get(`/products/${handles[0]}`)).status()).toBe(200);

  const list = new ProductList(page);
  await list.search({ q: `Bulk ${s}` });
  await expect(list.results().getByRole('row')).toHaveCount(4);
  for (let i = 1; i <= 3; i += 1) await expect(list.row(`Bulk ${s} ${i}`).getByText('Active', { exact: true })).toBeVisible();
  // Ticking one shows the action; "select all" takes the page.
  await list.results().getByRole('checkbox', { name: `Select Bulk ${s} 1` }).check();
  await expect(page.getByText('1 selected')).toBeVisible();
  await list.selectAll();
  await expect(page.getByText('3 selected')).toBeVisible();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await axeViolations(page), `product list with a selection at ${width} px`).toEqual([]);
  }
  await list.archiveSelected();
  await expect(list.toast('3 products archived.')).toBeVisible();
  for (let i = 1; i <= 3; i += 1) await expect(list.row(`Bulk ${s} ${i}`).getByText('Archived', { exact: true })).toBeVisible();
  await expect(page.getByText('Tick products to act on several at once.')).toBeVisible();

  // Hidden from the store at once.
  for (const handle of handles) expect((await page.request.get(`/products/${handle}`)).status()).toBe(404);
  await list.search({ q: `Bulk ${s}`, status: 'Active' });
  await expect(page.getByText('No products match.')).toBeVisible();
  await list.search({ q: `Bulk ${s}`, status: 'Archived' });
  await expect(list.results().getByRole('row')).toHaveCount(4);

  // Two of them published again: in the store at once, the third still hidden.
  await list.search({ q: `Bulk ${s}`, status: 'Any' });
  await list.select(`Bulk ${s} 1`);
  await list.select(`Bulk ${s} 2`);
  await expect(page.getByText('2 selected')).toBeVisible();
  await list.publishSelected();
  await expect(list.toast('2 products published.')).toBeVisible();
  for (let i = 1; i <= 2; i += 1) await expect(list.row(`Bulk ${s} ${i}`).getByText('Active', { exact: true })).toBeVisible();
  await expect(list.row(`Bulk ${s} 3`).getByText('Archived', { exact: true })).toBeVisible();
  expect((await page.request.get(`/products/${handles[0]}`)).status()).toBe(200);
  expect((await page.request.get(`/products/${handles[1]}`)).status()).toBe(200);
  expect((await page.request.get(`/products/${handles[2]}`)).status()).toBe(404);
});
