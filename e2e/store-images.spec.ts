import sharp from 'sharp';
import { expect, test } from './support/test';
import { AdminShell } from './pages/admin-shell';
import { axeViolations } from './support/axe';

// The logo and the hero are images the merchant uploads, not paths typed in: previewed in the admin, refused
// with a clear message when they are not images or too large (keeping everything else typed), then shown by the
// storefront's header and home page, and by the emails with an absolute address.

const WIDTHS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 900 },
];

/** A photo-like hero: a warm gradient with a sun and a horizon, drawn as SVG and encoded as JPEG. */
const scene = (width: number, height: number) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f6d6a8"/><stop offset="1" stop-color="#c9844f"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#sky)"/><circle cx="${width * 0.7}" cy="${height * 0.42}" r="${height * 0.16}" fill="#fff4dc"/><rect y="${height * 0.68}" width="100%" height="${height * 0.32}" fill="#7a5a3c"/></svg>`,
    ),
  )
    .jpeg()
    .toBuffer();

const picture = (width: number, height: number, background: string, format: 'png' | 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background } })
    [format]()
    .toBuffer();

test.describe.configure({ mode: 'serial' }); // both change the one store's logo and hero

for (const size of WIDTHS) {
  test(`an admin uploads, previews, replaces and removes the logo and the hero; the store and emails use them (${size.name}, ${size.width} px)`, async ({ page, browser }, testInfo) => {
    test.slow(); // uploads, saves and storefront visits on a 2-core machine
    await page.setViewportSize({ width: size.width, height: size.height });
    const stamp = `${size.name}-${Date.now().toString(36)}`;
    await new AdminShell(page).signIn(undefined, '/admin/settings/brand');

    // Settings: refused files leave what was typed alone.
    await page.goto('/admin/settings/brand');
    const brand = page.getByRole('form', { name: 'Brand and contact' });
    const phone = `+1 555 ${stamp}`;
    await brand.getByLabel('Phone (optional)').fill(phone);
    const logoInput = brand.getByLabel('Logo (optional)', { exact: true });
    await logoInput.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('this is a text file, whatever its name says') });
    await expect(brand.getByRole('alert')).toHaveText(/not an image we can use/);
    await expect(logoInput).toHaveAttribute('aria-invalid', 'true');
    await logoInput.setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(9 * 1024 * 1024, 0xff) });
    await expect(brand.getByRole('alert')).toHaveText(/at most 8 MB/);
    await expect(brand.getByLabel('Phone (optional)')).toHaveValue(phone);
    await expect(brand.getByTestId('brand-logo-preview')).toHaveCount(0);

    // A real logo: previewed before it is saved, replaced by another, then saved.
    await logoInput.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: await picture(600, 150, '#1f4fa0', 'png') });
    const logoPreview = brand.getByTestId('brand-logo-preview');
    await expect(logoPreview).toHaveAttribute('src', /^\/media\/brand\/[0-9a-f-]+\.png$/);
    const firstLogo = await logoPreview.getAttribute('src');
    await logoInput.setInputFiles({ name: 'logo-2.jpg', mimeType: 'image/jpeg', buffer: await picture(640, 160, '#0f5132', 'jpeg') });
    await expect(logoPreview).not.toHaveAttribute('src', firstLogo!);
    const logo = (await logoPreview.getAttribute('src'))!;
    await expect.poll(() => logoPreview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(640);
    expect(await axeViolations(page), 'settings with a logo').toEqual([]);
    await brand.getByRole('button', { name: 'Save brand and contact' }).click();
    await expect(brand.getByRole('status').filter({ hasText: /saved/i })).toBeVisible();
    await expect(brand.getByLabel('Phone (optional)')).toHaveValue(phone);

    // The storefront's header shows it to a shopper at once; the emails carry it with an absolute address.
    const shopper = await browser.newPage({ viewport: { width: size.width, height: size.height } });
    await shopper.goto('/');
    const headerLogo = shopper.getByRole('banner').locator(`img[src="${logo}"]`);
    await expect(headerLogo).toBeVisible();
    expect(await headerLogo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await page.goto('/admin/emails/templates/order_confirmation');
    const emailLogo = page.frameLocator('iframe[title$="HTML part"]').locator('img').first();
    await expect(emailLogo).toHaveAttribute('src', new RegExp(`^https?://[^/]+${logo.replace(/[.]/g, '\\.')}$`));

    // The home composer: a hero uploaded, seen in the live preview, saved, shown on the home page.
    await page.goto('/admin/home');
    const home = page.getByRole('form', { name: 'Home page' });
    const heading = `Linen for every season ${stamp}`;
    await home.getByLabel('Heading').fill(heading);
    const heroInput = home.getByLabel('Image (optional)', { exact: true });
    await heroInput.setInputFiles({ name: 'hero.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a-not-really') });
    await expect(home.getByRole('alert')).toHaveText(/not an image we can use/);
    await expect(home.getByLabel('Heading')).toHaveValue(heading);
    await heroInput.setInputFiles({ name: 'hero.jpg', mimeType: 'image/jpeg', buffer: await scene(1600, 900) });
    const previewHero = page.getByTestId('home-preview').locator('img');
    await expect(previewHero).toHaveAttribute('src', /^\/media\/home\/[0-9a-f-]+\.webp$/);
    const hero = (await previewHero.getAttribute('src'))!;
    await home.getByLabel(/^Image description/).fill('A stack of folded linen in warm sand tones');
    expect(await axeViolations(page), 'home composer with a hero').toEqual([]);
    await home.getByRole('button', { name: 'Save home page' }).click();
    await expect(home.getByRole('status').filter({ hasText: /Home page saved/ })).toBeVisible();

    await shopper.goto('/');
    await expect(shopper.getByRole('heading', { level: 1 })).toHaveText(heading);
    const storefrontHero = shopper.getByRole('img', { name: 'A stack of folded linen in warm sand tones' });
    await expect(storefrontHero).toHaveAttribute('src', hero);
    await expect.poll(() => storefrontHero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    expect(await shopper.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shopper.screenshot({ path: testInfo.outputPath(`home-with-hero-${size.name}.png`), fullPage: false });

    // Removed again: the store falls back to the name and a hero without an image.
    await home.getByRole('button', { name: 'Remove image' }).click();
    await expect(page.getByTestId('home-preview').locator('img')).toHaveCount(0);
    await home.getByRole('button', { name: 'Save home page' }).click();
    await expect(home.getByRole('status').filter({ hasText: /Home page saved/ })).toBeVisible();
    await page.goto('/admin/settings/brand');
    await page.getByRole('form', { name: 'Brand and contact' }).getByRole('button', { name: 'Remove logo' }).click();
    await page.getByRole('form', { name: 'Brand and contact' }).getByRole('button', { name: 'Save brand and contact' }).click();
    await expect(page.getByRole('form', { name: 'Brand and contact' }).getByRole('status').filter({ hasText: /saved/i })).toBeVisible();
    await shopper.goto('/');
    await expect(shopper.getByRole('banner').locator('img')).toHaveCount(0);
    await expect(shopper.locator(`img[src="${hero}"]`)).toHaveCount(0);
    // The saved files a save replaced are gone from the media store.
    for (const url of [logo, hero]) expect((await shopper.request.get(url)).status(), url).toBe(404);
    await shopper.close();
  });
}
