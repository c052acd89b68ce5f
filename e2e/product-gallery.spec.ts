import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { expect, test } from './support/test';
import { AdminShell } from './pages/admin-shell';
import { ProductEditor } from './pages/admin-catalog-pages';

// Staff give each colour its own image; on the product page choosing a colour swaps the image and the price in
// place (no page load) while the address names the variant, and that address renders the same variant.

test('per-variant images: staff assign them; choosing a variant swaps image, price and URL without a navigation', async ({ page, browser }) => {
  test.slow(); // an admin journey, then the store at two widths
  const s = randomBytes(3).toString('hex');
  const title = `Gallery Tee ${s}`;
  await new AdminShell(page).signIn(undefined, '/admin/products/new');
  const editor = new ProductEditor(page);
  await editor.gotoNew();
  await editor.fillDetails({ title, description: 'Two colours.', status: 'Active — shown in the store' });
  await editor.addOptions([['Colour', 'Red, Blue']]);
  await editor.setVariant('Red', { price: '24.00', stock: '5' });
  await editor.setVariant('Blue', { price: '31.00', stock: '5' });
  await editor.fillSkusAndCopyPrice();
  await editor.create();
  for (const [colour, hex] of [['Red', '#c33'], ['Blue', '#33c']] as const) {
    const png = await sharp({ create: { width: 400, height: 400, channels: 3, background: hex } }).png().toBuffer();
    const upload = await editor.uploadImage({ name: `${colour}.png`, mimeType: 'image/png', buffer: png }, `${colour} tee ${s}`);
    await expect(upload.getByRole('status')).toHaveText('Image uploaded.');
    await expect(page.getByRole('img', { name: `${colour} tee ${s}` })).toBeVisible();
  }
  // The second image is the blue one: shown for the Blue variant.
  await editor.assignVariants(2, ['Blue']);

  const shopper = await browser.newContext();
  const store = await shopper.newPage();
  for (const width of [390, 1280]) {
    await store.setViewportSize({ width, height: 844 });
    await store.goto(`/products/gallery-tee-${s}?colour=Red`);
    const gallery = store.getByRole('region', { name: 'Product images' });
    const main = gallery.getByRole('link', { name: /Zoom image/ });
    await expect(main.getByRole('img')).toHaveAccessibleName(`Red tee ${s}`);
    await expect(store.getByText('$24.00', { exact: true })).toBeVisible();
    await store.evaluate(() => ((window as unknown as { marker: string }).marker = 'same document'));

    await store.getByRole('link', { name: 'Colour Blue', exact: true }).click();
    await expect(main.getByRole('img')).toHaveAccessibleName(`Blue tee ${s}`);
    await expect(store.getByText('$31.00', { exact: true })).toBeVisible();
    await expect(store).toHaveURL(/\?colour=Blue$/);
    await expect(store.getByRole('link', { name: 'Colour Blue', exact: true })).toHaveAttribute('aria-current', 'true');
    // No document was loaded: the marker is still there and the page has one navigation entry.
    expect(await store.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same document');
    expect(await store.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);

    // The address it shows renders that same variant.
    await store.reload();
    await expect(main.getByRole('img')).toHaveAccessibleName(`Blue tee ${s}`);
    await expect(store.getByRole('link', { name: 'Colour Blue', exact: true })).toHaveAttribute('aria-current', 'true');
    await expect(store.getByText('$31.00', { exact: true })).toBeVisible();

    // Thumbnails choose an image, by keyboard too.
    const thumbnails = gallery.getByRole('list', { name: 'More images' });
    await thumbnails.getByRole('link', { name: `Show image 1 of 2: Red tee ${s}` }).focus();
    await store.keyboard.press('Enter');
    await expect(main.getByRole('img')).toHaveAccessibleName(`Red tee ${s}`);

    // Zoom: a dialog, magnified by a toggle, closed with Escape; focus comes back to the image.
    await main.focus();
    await store.keyboard.press('Enter');
    const zoom = store.getByRole('dialog', { name: new RegExp(`^${title}`) });
    await expect(zoom).toBeVisible();
    await expect(zoom.getByRole('img', { name: `Red tee ${s}` })).toBeVisible();
    const toggle = zoom.getByRole('button', { name: 'Zoom in' });
    await toggle.click();
    await expect(zoom.getByRole('button', { name: 'Zoom out' })).toHaveAttribute('aria-pressed', 'true');
    const region = zoom.getByRole('region', { name: /Zoomed image/ });
    expect(await region.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await zoom.getByRole('button', { name: 'Next image' }).click();
    await expect(zoom.getByRole('img', { name: `Blue tee ${s}` })).toBeVisible();
    await store.keyboard.press('Escape');
    await expect(zoom).toBeHidden();
    await expect(main).toBeFocused();
  }
  await shopper.close();
});

test('one image shown for two variants: staff choose both; the store shows it for each, and the other image for the rest', async ({ page, browser }) => {
  test.slow();
  const s = randomBytes(3).toString('hex');
  await new AdminShell(page).signIn(undefined, '/admin/products/new');
  const editor = new ProductEditor(page);
  await editor.gotoNew();
  await editor.fillDetails({ title: `Shared Tee ${s}`, description: 'Three colours, two photos.', status: 'Active — shown in the store' });
  await editor.addOptions([['Colour', 'Red, Blue, Green']]);
  for (const colour of ['Red', 'Blue', 'Green']) await editor.setVariant(colour, { price: '20.00', stock: '5' });
  await editor.fillSkusAndCopyPrice();
  await editor.create();
  for (const [name, hex] of [['Warm', '#c33'], ['Cool', '#3a7']] as const) {
    const png = await sharp({ create: { width: 400, height: 400, channels: 3, background: hex } }).png().toBuffer();
    const upload = await editor.uploadImage({ name: `${name}.png`, mimeType: 'image/png', buffer: png }, `${name} tee ${s}`);
    await expect(upload.getByRole('status')).toHaveText('Image uploaded.');
    await expect(page.getByRole('img', { name: `${name} tee ${s}` })).toBeVisible();
  }
  await editor.assignVariants(1, ['Red']);
  await editor.assignVariants(2, ['Blue', 'Green']);
  // Saved: after a reload the image still names both.
  await page.reload();
  await expect(editor.imageVariants(2)).toHaveText([/Blue/, /Green/]);
  await expect(editor.imageVariants(1)).toHaveText([/Red/]);

  const shopper = await browser.newContext();
  const store = await shopper.newPage();
  await store.goto(`/products/shared-tee-${s}?colour=Green`);
  const main = store.getByRole('region', { name: 'Product images' }).getByRole('link', { name: /Zoom image/ });
  await expect(main.getByRole('img')).toHaveAccessibleName(`Cool tee ${s}`);
  await store.getByRole('link', { name: 'Colour Red', exact: true }).click();
  await expect(main.getByRole('img')).toHaveAccessibleName(`Warm tee ${s}`);
  await store.getByRole('link', { name: 'Colour Blue', exact: true }).click();
  await expect(main.getByRole('img')).toHaveAccessibleName(`Cool tee ${s}`);
  // The Store API names both variants on that image.
  const product = (await (await store.request.get(`/api/store/v1/products/shared-tee-${s}`)).json()) as { data: { images: { alt: string; variantIds: string[] }[]; variants: { id: string; options: Record<string, string> }[] } };
  const idOf = (colour: string) => product.data.variants.find((variant) => variant.options.Colour === colour)!.id;
  expect(product.data.images.find((image) => image.alt === `Cool tee ${s}`)!.variantIds.sort()).toEqual([idOf('Blue'), idOf('Green')].sort());
  await shopper.close();
});

test('on a phone, a sticky Add to cart appears once the form’s button has scrolled away, and adds', async ({ page, request }) => {
  const { findBuyableVariant } = await import('./support/commerce');
  const variant = await findBuyableVariant(request, 10, 1);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/products/${variant.slug}?${new URLSearchParams(Object.entries(variant.options).map(([name, value]) => [name.toLowerCase(), value]))}`);
  const form = page.getByRole('form', { name: 'Add to cart' });
  const sticky = page.getByRole('button', { name: 'Add to cart' }).and(page.locator('[form]'));
  await expect(form.getByRole('button', { name: 'Add to cart' })).toBeVisible();
  await expect(sticky).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
  await expect(sticky).toBeVisible();
  await sticky.click();
  await expect(page.getByRole('dialog', { name: 'Your cart' })).toBeVisible();
});
