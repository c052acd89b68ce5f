import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { expect, test } from './support/test';
import { AdminShell } from './pages/admin-shell';
import { InventoryPages, ProductEditor } from './pages/admin-catalog-pages';
import { axeViolations } from './support/axe';

// The product editor as a merchant uses it on a phone and at a desk: images dropped in several at a time, put in
// order by dragging, one shown for a colour; a description with bold words; the shop shows all of it. Then the
// stock is counted and typed straight into the inventory list.

const png = (background: string) => sharp({ create: { width: 400, height: 400, channels: 3, background } }).png().toBuffer();

for (const width of [390, 1280]) {
  test(`at ${width} px: dropped images, reordered, one per colour; a bold description; all in the store`, async ({ page, browser }) => {
    test.slow(); // an admin journey, then the store
    await page.setViewportSize({ width, height: 900 });
    const s = randomBytes(3).toString('hex');
    const title = `Editor Tee ${s}`;
    await new AdminShell(page).signIn(undefined, '/admin/products/new');
    const editor = new ProductEditor(page);
    await editor.gotoNew();
    await editor.fillDetails({ title, status: 'Active — shown in the store' });
    await editor.writeDescription('Soft organic cotton, now', 'heavier');
    await editor.form.getByRole('tab', { name: 'Preview' }).click();
    await expect(editor.form.getByTestId('description-preview').locator('strong')).toHaveText('heavier');
    await editor.form.getByRole('tab', { name: 'Write' }).click();
    await editor.addOptions([['Colour', 'Red, Blue']]);
    await editor.setVariant('Red', { price: '24.00', stock: '5' });
    await editor.setVariant('Blue', { price: '24.00', stock: '5' });
    await editor.form.getByLabel('SKU pattern').fill(`ED${s}-{COLOUR}`);
    await editor.fillSkusAndCopyPrice();
    await expect(editor.form.getByLabel('SKU, Blue', { exact: true })).toHaveValue(`ED${s.toUpperCase()}-BLUE`);
    await editor.create();

    // Two files dragged in from the desktop at once, each with its own progress and outcome.
    await editor.dropImages([
      { name: 'red.png', mimeType: 'image/png', buffer: await png('#c33') },
      { name: 'blue.png', mimeType: 'image/png', buffer: await png('#33c') },
    ]);
    await expect(editor.uploadRow('red.png').getByRole('status')).toHaveText('Image uploaded.');
    await expect(editor.uploadRow('blue.png').getByRole('status')).toHaveText('Image uploaded.');
    await expect(editor.toast('2 images uploaded.')).toBeVisible();
    await expect(editor.imageItems()).toHaveCount(2);
    // Uploaded side by side, so either may be first: name them by what they show.
    const first = (await editor.imageItems().first().getByRole('img').getAttribute('src'))!;
    await editor.setAltText(1, `Tee A ${s}`);
    await editor.setAltText(2, `Tee B ${s}`);

    // Dragged: the second image becomes the first, and stays first after a reload.
    await editor.dragImage(2, 1);
    await expect(editor.toast('Image order saved.')).toBeVisible();
    await page.reload();
    await expect(editor.imageItems().first().getByRole('img')).toHaveAccessibleName(`Tee B ${s}`);
    await expect(editor.imageItems().nth(1).getByRole('img')).toHaveAttribute('src', first);
    // And back with the keyboard's move button.
    await editor.imageItems().first().getByRole('button', { name: `Move Tee B ${s} later` }).click();
    await expect(editor.imageItems().first().getByRole('img')).toHaveAccessibleName(`Tee A ${s}`);
    await expect(editor.toast('Image order saved.').first()).toBeVisible();

    // Image B (now second) is shown for the Blue variant.
    await editor.assignVariants(2, ['Blue']);
    expect(await axeViolations(page), `product editor at ${width} px`).toEqual([]);

    const shopper = await browser.newContext({ viewport: { width, height: 900 } });
    const store = await shopper.newPage();
    await store.goto(`/products/editor-tee-${s}?colour=Red`);
    const main = store.getByRole('region', { name: 'Product images' }).getByRole('link', { name: /Zoom image/ });
    await expect(main.getByRole('img')).toHaveAccessibleName(`Tee A ${s}`);
    await store.getByRole('link', { name: 'Colour Blue', exact: true }).click();
    await expect(main.getByRole('img')).toHaveAccessibleName(`Tee B ${s}`);
    // The description's bold words are bold in the store.
    const description = store.getByTestId('product-description');
    await expect(description.locator('strong')).toHaveText('heavier');
    expect(await description.locator('strong').evaluate((element) => Number(getComputedStyle(element).fontWeight))).toBeGreaterThanOrEqual(600);
    await expect(description).toContainText('Soft organic cotton, now heavier');
    await shopper.close();
  });

  test(`at ${width} px: stock set to a counted number in the inventory list`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const s = randomBytes(3).toString('hex');
    const sku = `COUNT-${s}`.toUpperCase();
    await new AdminShell(page).signIn(undefined, '/admin/products/new');
    const editor = new ProductEditor(page);
    await editor.gotoNew();
    await editor.fillDetails({ title: `Counted Mug ${s}` });
    await editor.setVariant('Default', { sku, price: '9.00', stock: '3' });
    await editor.create();

    const inventory = new InventoryPages(page);
    await inventory.search(sku);
    await expect(inventory.stockField(sku)).toHaveValue('3');
    expect(await axeViolations(page), `inventory at ${width} px`).toEqual([]);
    await inventory.setInline(sku, '17');
    await expect(inventory.toast(`${sku}: Stock set to 17.`)).toBeVisible();
    await page.reload();
    await expect(inventory.stockField(sku)).toHaveValue('17');
    // The stock filter applies as it is chosen: 17 on hand is not low stock, 3 was.
    await inventory.filters().getByLabel('Stock', { exact: true }).selectOption('1');
    await expect(page.getByText('No variants match.')).toBeVisible();
    await inventory.filters().getByLabel('Stock', { exact: true }).selectOption('');
    await expect(inventory.stockField(sku)).toHaveValue('17');

    // A refusal is told under the field, and the number typed stays for correcting.
    await inventory.setInline(sku, '-4');
    await expect(page.getByRole('alert').filter({ hasText: 'Stock cannot be negative.' })).toBeVisible();
    await expect(inventory.stockField(sku)).toHaveAttribute('aria-invalid', 'true');

    // The history names the count as a correction by the difference; "set to" is there too, and a date filter.
    await page.getByRole('link', { name: sku, exact: true }).click();
    await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
    const latest = inventory.history().getByRole('row').nth(1);
    await expect(latest).toContainText('Correction');
    await expect(latest).toContainText('+14');
    await expect(latest).toContainText('17');
    const form = await inventory.setTo('5', `Shelf count ${s}`);
    await expect(form.getByRole('status')).toHaveText('Stock set to 5.');
    await expect(inventory.history().getByRole('row').nth(1)).toContainText('-12');
    await expect(page.getByText(/5 on hand/)).toBeVisible();
    await page.getByLabel('To', { exact: true }).fill('2000-01-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page.getByText('No stock movements on these dates.')).toBeVisible();
    expect(await axeViolations(page), `stock history at ${width} px`).toEqual([]);
  });
}
