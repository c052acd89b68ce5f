import { expect, test } from './support/test';
import { CartPage, cartLink, CheckoutPage, ConfirmationPage } from './pages/shop-pages';
import { ProductPage } from './pages/product-page';
import { findLowStockVariant, uniqueEmail } from './support/commerce';

test('buying the last units makes the variant sold out on its (cached) product page at once', async ({ page, request }) => {
  const variant = await findLowStockVariant(request);
  const product = new ProductPage(page);

  // The product page is cached; this visit makes sure it is, with the variant still buyable.
  await product.goto(variant.slug);
  await product.choose(variant.options);
  await expect(product.addToCart).toHaveText('Add to cart');

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
});
