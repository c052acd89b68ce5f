import { expect, test, watchCsp } from './support/test';
import { CartPage, cartLink, CheckoutPage, ConfirmationPage } from './pages/shop-pages';
import { ProductPage } from './pages/product-page';
import { AS_A_PAGE, findLowStockVariant, uniqueEmail } from './support/commerce';


test('buying the last units makes the variant sold out on its (cached) product page at once', async ({ page, request, browser, baseURL }) => {
  test.setTimeout(90_000);
  const variant = await findLowStockVariant(request);
  const product = new ProductPage(page);

  // The product page is cached; this visit makes sure it is, with the variant still buyable.
  await product.goto(variant.slug);
  await product.choose(variant.options);
  await expect(product.addToCart).toHaveText('Add to cart');
  // Anonymous visitors (this API client has no cart) get the page with the variant chosen from the page cache. Its
  // address names every option: the page without them shows a default variant, which changes once this one sells out.
  const [optionName, optionValue] = Object.entries(variant.options)[0]!;
  const chosen = product.optionLink(optionName, optionValue);
  const variantPath = await chosen.getAttribute('href');
  if (!variantPath?.includes('?')) throw new Error(`expected the chosen variant's address, got ${variantPath}`);
  // (Staff writes in parallel specs purge the cache: this may take a few rounds.)
  await expect.poll(async () => (await request.get(variantPath, AS_A_PAGE)).headers()['x-page-cache'], { timeout: 45_000 }).toBe('hit');

  await product.add(variant.maxQuantity);
  await cartLink(page).click();
  await new CartPage(page).checkout();
  const checkout = new CheckoutPage(page);
  await checkout.chooseDelivery({ country: 'US', region: 'TX' });
  await checkout.fillDetails({ email: uniqueEmail('last-units'), name: 'Last Units', line1: '1 Congress Ave', city: 'Austin', postalCode: '78701' });
  await checkout.placeOrder();
  await expect(new ConfirmationPage(page).orderNumber).toHaveText(/^SF-/);

  // Well inside the cache's 60 s window: the order invalidated the product's pages.
  await product.goto(variant.slug);
  await product.choose(variant.options);
  await expect(product.addToCart).toBeDisabled();
  await expect(product.addToCart).toHaveText('Sold out');
  const detail = (await (await request.get(`/api/store/v1/products/${variant.slug}`)).json()) as {
    data: { variants: { options: Record<string, string>; inStock: boolean }[] };
  };
  const bought = detail.data.variants.find((v) => Object.entries(variant.options).every(([name, value]) => v.options[name] === value));
  expect(bought?.inStock).toBe(false);

  // The order purged the page cache's copy too: a visitor without a cart sees it sold out.
  const anonymous = await browser.newContext({ baseURL });
  const violations: string[] = [];
  await watchCsp(anonymous, violations);
  try {
    const visitor = new ProductPage(await anonymous.newPage());
    await visitor.page.goto(variantPath);
    await expect(visitor.addToCart).toHaveText('Sold out');
    expect(violations).toEqual([]);
  } finally {
    await anonymous.close();
  }
});
