import type { Locator, Page } from '@playwright/test';

export class HomePage {
  readonly heading: Locator;
  readonly productCount: Locator;
  readonly categories: Locator;
  readonly featuredProducts: Locator;
  readonly newArrivals: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.productCount = page.getByTestId('product-count');
    this.categories = page.getByRole('list', { name: 'Categories' }).getByRole('listitem');
    this.featuredProducts = page.getByRole('list', { name: 'Featured products' }).getByRole('listitem');
    this.newArrivals = page.getByRole('list', { name: 'New arrivals' }).getByRole('listitem');
  }

  async goto() {
    const response = await this.page.goto('/');
    return response;
  }

  featuredTitles() {
    return this.page.getByRole('list', { name: 'Featured products' }).getByRole('heading', { level: 3 }).allTextContents();
  }
}
