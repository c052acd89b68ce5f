import { expect, type Locator, type Page } from '@playwright/test';

/** /admin/products/new and /admin/products/{id}: the product editor and its images. */
export class ProductEditor {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Product' });
  }

  async gotoNew() {
    await this.page.goto('/admin/products/new');
    await expect(this.page.getByRole('heading', { name: 'New product', level: 1 })).toBeVisible();
  }

  async fillDetails(details: { title: string; description?: string; status?: 'Draft — hidden from shoppers' | 'Active — shown in the store' }) {
    await this.form.getByLabel('Title', { exact: true }).fill(details.title);
    if (details.description) await this.form.getByLabel('Description', { exact: true }).fill(details.description);
    if (details.status) await this.form.getByLabel('Status').selectOption({ label: details.status });
  }

  /** Adds options in order, e.g. [['Size', 'S, M'], ['Colour', 'Red, Blue, Green']]. */
  async addOptions(options: [string, string][]) {
    for (const [index, [name, values]] of options.entries()) {
      await this.form.getByRole('button', { name: 'Add option' }).click();
      await this.form.getByLabel(`Option ${index + 1} name`).fill(name);
      await this.form.getByLabel(`Option ${index + 1} values`).fill(values);
    }
  }

  variantRows() {
    return this.form.getByRole('group', { name: /^Variants/ }).getByRole('row').filter({ has: this.page.getByRole('rowheader') });
  }

  async setVariant(title: string, fields: { price?: string; compareAtPrice?: string; stock?: string; sku?: string }) {
    if (fields.sku !== undefined) await this.form.getByLabel(`SKU, ${title}`, { exact: true }).fill(fields.sku);
    if (fields.price !== undefined) await this.form.getByLabel(`Price, ${title}`, { exact: true }).fill(fields.price);
    if (fields.compareAtPrice !== undefined) await this.form.getByLabel(`Compare-at price, ${title}`, { exact: true }).fill(fields.compareAtPrice);
    if (fields.stock !== undefined) await this.form.getByLabel(`Stock, ${title}`, { exact: true }).fill(fields.stock);
  }

  async fillSkusAndCopyPrice() {
    await this.form.getByRole('button', { name: 'Fill empty SKUs' }).click();
    await this.form.getByRole('button', { name: 'Copy first price to empty prices' }).click();
  }

  async create() {
    await this.form.getByRole('button', { name: 'Create product' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'Product created.' })).toBeVisible();
  }

  async save() {
    await this.form.getByRole('button', { name: 'Save product' }).click();
    await expect(this.form.getByRole('status')).toHaveText('Product saved.');
  }

  /** The bar pinned to the bottom while there are unsaved changes ("Unsaved changes · Discard · Save"). */
  saveBar() {
    return this.form.getByRole('region', { name: 'Save' });
  }

  /** The question asked when leaving with unsaved changes. */
  leaveDialog() {
    return this.page.getByRole('alertdialog', { name: 'Leave without saving?' });
  }

  async backToProducts() {
    await this.form.getByRole('link', { name: 'Back to products' }).click();
  }

  /** Picks categories in the combobox by typing part of their name and choosing the option shown. */
  async chooseCategories(typed: string, option: string) {
    const box = this.form.getByRole('combobox', { name: 'Categories' });
    await box.fill(typed);
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  chosenCategories() {
    return this.form.getByRole('list', { name: 'Chosen categories' }).getByRole('button');
  }

  /** A toast in the panel's notifications, e.g. "Product saved.". */
  toast(text: string) {
    return this.page.getByRole('region', { name: /^Notifications/ }).getByText(text, { exact: true });
  }

  /** The images section: the drop zone, the uploads in progress and the images in gallery order. */
  get images() {
    return this.page.getByRole('region', { name: 'Images' });
  }

  /** The images' own rows (not the variant chips listed inside them). */
  imageItems() {
    return this.page.getByRole('list', { name: 'Images, in gallery order' }).locator(':scope > li');
  }

  /** One file's line in the uploads: its progress, then "Image uploaded." (status) or the refusal (alert). */
  uploadRow(name: string) {
    return this.page.getByRole('list', { name: 'Uploads' }).getByRole('listitem').filter({ hasText: name });
  }

  /** Chooses one file with the drop zone's file input; once stored, gives it its alt text. Returns the file's upload line. */
  async uploadImage(file: { name: string; mimeType: string; buffer: Buffer }, altText: string) {
    const before = await this.imageItems().count();
    await this.page.getByLabel('Choose files to add images', { exact: true }).setInputFiles(file);
    const row = this.uploadRow(file.name);
    await expect(row.getByRole('status').or(row.getByRole('alert'))).toBeVisible();
    if (await row.getByRole('status').isVisible()) {
      await expect(this.imageItems()).toHaveCount(before + 1);
      await this.setAltText(before + 1, altText);
    }
    return row;
  }

  /** Drops files on the zone the way a browser does when they are dragged in from the desktop. */
  async dropImages(files: { name: string; mimeType: string; buffer: Buffer }[]) {
    const zone = this.page.getByRole('group', { name: 'Add images' });
    const payload = files.map((file) => ({ name: file.name, type: file.mimeType, base64: file.buffer.toString('base64') }));
    const transfer = await this.page.evaluateHandle((items) => {
      const data = new DataTransfer();
      for (const item of items) {
        const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
        data.items.add(new File([bytes], item.name, { type: item.type }));
      }
      return data;
    }, payload);
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    await expect(zone.getByText('Drop to upload')).toBeVisible();
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
  }

  /** Sets image n's (1-based, in gallery order) alt text. */
  async setAltText(n: number, altText: string) {
    const form = this.page.getByRole('form', { name: `Alt text of image ${n}` });
    await form.getByLabel(`Alt text, image ${n}`).fill(altText);
    await form.getByRole('button', { name: 'Save alt text' }).click();
    await expect(this.imageItems().nth(n - 1).getByRole('status')).toHaveText('Alt text saved.');
  }

  /** Drags image `from`'s thumbnail onto image `to`'s place (both 1-based). */
  async dragImage(from: number, to: number) {
    const source = this.imageItems().nth(from - 1).getByTitle('Drag to reorder');
    await source.dragTo(this.imageItems().nth(to - 1));
  }

  /** Shows image `n` (1-based) for these variants, chosen by name in its combobox, and saves. */
  async assignVariants(n: number, variants: string[]) {
    const form = this.page.getByRole('form', { name: `Variants of image ${n}` });
    const box = form.getByRole('combobox', { name: `Shown for, image ${n}` });
    for (const variant of variants) {
      await box.fill(variant);
      await this.page.getByRole('option', { name: variant, exact: true }).click();
    }
    // The list stays open for another choice (on a phone it covers the button): Escape closes it, as a person would.
    await box.press('Escape');
    await expect(this.page.getByRole('listbox')).toHaveCount(0);
    await form.getByRole('button', { name: 'Save variants' }).click();
    await expect(this.imageItems().nth(n - 1).getByRole('status').filter({ hasText: 'Variants saved.' })).toBeVisible();
  }

  /** The variants image `n` is shown for, as its chips name them. */
  imageVariants(n: number) {
    return this.page.getByRole('list', { name: `Variants of image ${n}` }).getByRole('listitem');
  }

  /** Types into the description, `bold` in bold with the toolbar's Bold button. */
  async writeDescription(plain: string, bold: string) {
    const field = this.form.getByRole('textbox', { name: 'Description', exact: true });
    await field.fill(`${plain} `);
    await field.press('End');
    await this.form.getByRole('toolbar', { name: 'Formatting, Description' }).getByRole('button', { name: 'Bold' }).click();
    // The placeholder the button inserted is selected, back in the field: typing replaces it.
    await expect(field).toBeFocused();
    await this.page.keyboard.type(bold);
  }
}

/** /admin/import-export */
export class ImportExportPage {
  readonly importForm: Locator;

  constructor(readonly page: Page) {
    this.importForm = page.getByRole('form', { name: 'Import products' });
  }

  async goto() {
    await this.page.goto('/admin/import-export');
    await expect(this.page.getByRole('heading', { name: 'Import / export', level: 1 })).toBeVisible();
  }

  async importCsv(name: string, csv: string, mode: 'Check file (dry run)' | 'Import') {
    await this.importForm.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await this.importForm.getByRole('button', { name: mode }).click();
  }

  problems() {
    return this.page.getByRole('table', { name: 'Problems by row' });
  }

  async downloadProducts(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('link', { name: 'Download products CSV' }).click();
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
}

/** /admin/inventory and a variant's stock page. */
export class InventoryPages {
  constructor(readonly page: Page) {}

  async openVariant(sku: string) {
    await this.page.goto('/admin/inventory');
    // The search applies as it is typed (no button).
    await this.filters().getByLabel('Search product title or SKU').fill(sku);
    await this.page.getByRole('link', { name: sku, exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'History' })).toBeVisible();
  }

  /** Submits an adjustment and returns the form, whose status or alert tells the outcome. */
  async adjust(delta: string, reason: 'Received' | 'Returned' | 'Damaged' | 'Correction (count)', note: string) {
    const form = this.page.getByRole('form', { name: 'Adjust stock' });
    await form.getByRole('textbox', { name: 'Change by' }).fill(delta);
    await form.getByLabel('Reason').selectOption({ label: reason });
    await form.getByLabel('Note').fill(note);
    await form.getByRole('button', { name: 'Adjust stock' }).click();
    return form;
  }

  history() {
    return this.page.getByRole('table', { name: /Stock history/ });
  }

  /** "Set to" on a variant's stock page. */
  async setTo(quantity: string, note: string) {
    const form = this.page.getByRole('form', { name: 'Adjust stock' });
    await form.getByRole('radio', { name: 'Set to' }).check();
    await form.getByRole('spinbutton', { name: 'Set to' }).fill(quantity);
    await form.getByLabel('Note').fill(note);
    await form.getByRole('button', { name: 'Set stock' }).click();
    return form;
  }

  /** The list filtered to one SKU. */
  async search(sku: string) {
    await this.page.goto(`/admin/inventory?q=${encodeURIComponent(sku)}`);
    await expect(this.page.getByRole('heading', { name: 'Inventory', level: 1 })).toBeVisible();
  }

  filters() {
    return this.page.getByRole('search', { name: 'Filter inventory' });
  }

  /** The list's stock field of a SKU. */
  stockField(sku: string) {
    return this.page.getByRole('spinbutton', { name: `Stock, ${sku}`, exact: true });
  }

  /** Types a number in the list and presses Enter: saved as "set to". */
  async setInline(sku: string, quantity: string) {
    const field = this.stockField(sku);
    await field.fill(quantity);
    await field.press('Enter');
  }

  toast(text: string | RegExp) {
    return this.page.getByRole('region', { name: /^Notifications/ }).getByText(text);
  }

  results() {
    return this.page.getByRole('table', { name: 'Variants and stock' });
  }

  columnHeader(column: string) {
    return this.results().getByRole('columnheader', { name: column });
  }

  async sortBy(column: string) {
    await this.columnHeader(column).getByRole('button').click();
  }

  /** The SKUs in the order the table shows them (each row's header). */
  async skus(): Promise<string[]> {
    return this.results().getByRole('rowheader').allTextContents();
  }

  /** The row of a SKU. */
  row(sku: string) {
    return this.results().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: sku, exact: true }) });
  }
}

/** /admin/products: the list, its filters (they apply as they change), sort, columns, saved views and bulk actions. */
export class ProductList {
  readonly filters: Locator;

  constructor(readonly page: Page) {
    this.filters = page.getByRole('search', { name: 'Filter products' });
  }

  async goto(query = '') {
    await this.page.goto(`/admin/products${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
  }

  /** Opens the list and filters it; each filter applies by itself (no button), and the URL keeps it. */
  async search(query: { q?: string; status?: 'Any' | 'Active' | 'Draft' | 'Archived' }) {
    await this.goto();
    if (query.q !== undefined) await this.filters.getByLabel('Search title or SKU').fill(query.q);
    if (query.status) await this.filters.getByLabel('Status').selectOption({ label: query.status });
    await this.settled({ q: query.q || null, status: query.status && query.status !== 'Any' ? query.status.toLowerCase() : null });
  }

  /** Waits until the URL holds these parameters and the list has stopped updating. */
  async settled(params: Record<string, string | null>) {
    await expect(this.page).toHaveURL((url) => Object.entries(params).every(([key, value]) => url.searchParams.get(key) === value));
    await expect(this.filters).toHaveAttribute('aria-busy', 'false');
  }

  results() {
    return this.page.getByRole('table', { name: 'Products' });
  }

  row(title: string) {
    return this.results().getByRole('row').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  /** The product titles in the order the table shows them. */
  async titles(): Promise<string[]> {
    return this.results().getByRole('row').filter({ has: this.page.getByRole('link') }).getByRole('link').allTextContents();
  }

  async sortBy(column: string) {
    await this.results().getByRole('columnheader', { name: column }).getByRole('button').click();
  }

  columnHeader(column: string) {
    return this.results().getByRole('columnheader', { name: column });
  }

  async toggleColumn(column: string, shown: boolean) {
    await this.page.getByText('Columns', { exact: true }).click();
    await this.page.getByRole('group', { name: 'Columns shown' }).getByLabel(column).setChecked(shown);
  }

  async select(title: string) {
    await this.results().getByRole('checkbox', { name: `Select ${title}` }).check();
  }

  async selectAll() {
    await this.results().getByRole('checkbox', { name: 'Select all products on this page' }).check();
  }

  async archiveSelected() {
    await this.page.getByRole('button', { name: 'Archive selected' }).click();
  }

  async publishSelected() {
    await this.page.getByRole('button', { name: 'Publish selected' }).click();
  }

  /** Clicks "Export selected" and returns the downloaded CSV's name and text. */
  async exportSelected(): Promise<{ filename: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('link', { name: 'Export selected' }).click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
    return { filename: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }

  /** Opens "Adjust stock" for the ticked products and submits a change. */
  async adjustSelectedStock(delta: string, reason: 'Received' | 'Returned' | 'Damaged' | 'Correction (count)', note = '') {
    await this.page.getByRole('button', { name: 'Adjust stock' }).click();
    const form = this.page.getByRole('dialog', { name: 'Adjust stock' }).getByRole('form', { name: 'Adjust stock of the selected products' });
    await form.getByLabel('Change by').fill(delta);
    await form.getByLabel('Reason').selectOption({ label: reason });
    await form.getByLabel('Note').fill(note);
    await form.getByRole('button', { name: 'Adjust stock' }).click();
  }

  toast(text: string) {
    return this.page.getByRole('region', { name: /^Notifications/ }).getByText(text, { exact: true });
  }
}

/** /admin/categories: the tree and the new-category form. */
export class CategoryTree {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/admin/categories');
    await expect(this.page.getByRole('heading', { name: 'Categories', level: 1 })).toBeVisible();
  }

  async create(name: string, parent?: string) {
    const form = this.page.getByRole('form', { name: 'New category' });
    await form.getByLabel('Name', { exact: true }).fill(name);
    if (parent) await form.getByLabel('Parent').selectOption({ label: parent });
    await form.getByRole('button', { name: 'Create category' }).click();
    await expect(form.getByRole('status')).toHaveText('Category created.');
    await expect(this.item(name)).toBeVisible();
  }

  item(name: string) {
    // Every row has its own "Delete {name}" button: the one way to pick a row whose name also appears in the
    // other rows' parent pickers.
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: `Delete ${name}`, exact: true }) });
  }

  async moveUnder(name: string, parentLabel: string) {
    const item = this.item(name);
    await item.getByText(`Edit ${name}`).click();
    const form = item.getByRole('form', { name: `Edit ${name}` });
    await form.getByLabel('Parent').selectOption({ label: parentLabel });
    await form.getByRole('button', { name: 'Save category' }).click();
    await expect(form.getByRole('status')).toHaveText('Category saved.');
  }
}
