import 'server-only';
import Papa from 'papaparse';
import { inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { categories, products, variants } from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { saveProductInTransaction } from './service';
import { productInputSchema, type ProductInput } from './schemas';
import { AppError } from '@/lib/errors';
import { otherMarketCurrencies, setVariantPriceInCurrency } from '@/lib/markets/service';
import { marketPriceColumn, PRODUCT_COLUMNS, type ProductColumn, REQUIRED_COLUMNS } from './csv-columns';

// Product CSV import. A dry run and an apply are the same work: every product is saved through the product
// service (the same rules as the editor) inside one transaction, each in its own savepoint so one bad product does
// not hide the next one's errors. A dry run always rolls back; an apply commits only when no row has an error —
// one bad row and nothing is written.

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;

export type ImportRowError = { row: number; column: string | null; message: string };
export type ImportPreviewLine = { row: number; handle: string; sku: string; action: 'create' | 'update' };
export type ImportReport = {
  applied: boolean;
  products: number;
  variants: number;
  created: number;
  updated: number;
  errors: ImportRowError[];
  preview: ImportPreviewLine[];
  /** Slugs written (for cache invalidation after an apply). */
  slugs: string[];
};

// The fixed columns, and the market price columns (`price_eur`…) read by name.
type CsvRecord = Partial<Record<ProductColumn, string>> & Record<string, string | undefined>;
type Group = { handle: string; rows: { row: number; record: CsvRecord }[] };

const FIELD_COLUMNS: Record<string, ProductColumn> = {
  slug: 'handle',
  title: 'title',
  description: 'description',
  status: 'status',
  vendor: 'vendor',
  featured: 'featured',
  categoryIds: 'categories',
  seoTitle: 'seo_title',
  seoDescription: 'seo_description',
  sku: 'sku',
  price: 'price',
  compareAtPrice: 'compare_at_price',
  stock: 'stock',
  active: 'active',
  values: 'option1_value',
  name: 'option1_name',
};

/** Parses the file; `currencies`: those other markets sell in, whose price columns the file may carry. */
export function parseProductCsv(text: string, currencies: readonly string[] = []): { groups: Group[]; errors: ImportRowError[]; marketColumns: string[] } {
  const parsed = Papa.parse<CsvRecord>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim().toLowerCase(),
  });
  const headers = parsed.meta.fields ?? [];
  const missing = REQUIRED_COLUMNS.filter((column) => !headers.includes(column));
  if (missing.length > 0) {
    throw new AppError('validation_failed', `The file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}. The first line must name the columns.`);
  }
  const marketColumns = headers.filter((h) => marketPriceColumn(h) !== null);
  const errors: ImportRowError[] = [];
  for (const column of marketColumns) {
    const { currency } = marketPriceColumn(column)!;
    if (!currencies.includes(currency)) errors.push({ row: 1, column, message: `No market sells in ${currency}: add one under Markets, or leave out ${column}.` });
  }
  const unknown = headers.filter((h) => !(PRODUCT_COLUMNS as readonly string[]).includes(h) && !marketColumns.includes(h));
  if (unknown.length > 0) errors.push({ row: 1, column: unknown[0]!, message: `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.` });
  for (const error of parsed.errors) {
    errors.push({ row: (error.row ?? 0) + 2, column: null, message: `Cannot read this row: ${error.message}.` });
  }
  if (parsed.data.length > MAX_IMPORT_ROWS) throw new AppError('payload_too_large', `At most ${MAX_IMPORT_ROWS} rows per file; split it.`);
  const groups = new Map<string, Group>();
  parsed.data.forEach((record, index) => {
    const row = index + 2; // the header is row 1, as a spreadsheet numbers them
    const handle = (record.handle ?? '').trim().toLowerCase();
    if (!handle) {
      errors.push({ row, column: 'handle', message: 'Every row needs a handle.' });
      return;
    }
    const group = groups.get(handle) ?? { handle, rows: [] };
    group.rows.push({ row, record });
    groups.set(handle, group);
  });
  return { groups: [...groups.values()], errors, marketColumns };
}

const text = (value: string | undefined) => (value ?? '').trim();

function flag(value: string | undefined, fallback: boolean): boolean | string {
  const v = text(value).toLowerCase();
  if (v === '') return fallback;
  if (['true', 'yes', '1'].includes(v)) return true;
  if (['false', 'no', '0'].includes(v)) return false;
  return v; // left for zod to refuse
}

function toInput(
  group: Group,
  lookups: { productIds: Map<string, string>; categoryIds: Map<string, string>; stockBySku: Map<string, number> },
  errors: ImportRowError[],
): unknown {
  const first = group.rows[0]!;
  const head = first.record;
  const optionNames = [1, 2, 3]
    .map((n) => text(head[`option${n}_name` as ProductColumn]))
    .filter((name, i, all) => name !== '' || all.slice(i + 1).some(Boolean));
  const options = optionNames.map((name) => ({ name, values: [] as string[] }));
  const categorySlugs = text(head.categories).split('|').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const categoryIds: string[] = [];
  for (const slug of categorySlugs) {
    const id = lookups.categoryIds.get(slug);
    if (id) categoryIds.push(id);
    else errors.push({ row: first.row, column: 'categories', message: `No category with the slug "${slug}".` });
  }
  const variantsInput = group.rows.map(({ row, record }) => {
    const values = options.map((option, o) => {
      const value = text(record[`option${o + 1}_value` as ProductColumn]);
      if (!value) errors.push({ row, column: `option${o + 1}_value`, message: `Give a value for ${option.name || `option ${o + 1}`}.` });
      else if (!option.values.includes(value)) option.values.push(value);
      return value;
    });
    const sku = text(record.sku).toUpperCase();
    const stockText = text(record.stock);
    return {
      values,
      sku,
      price: text(record.price),
      compareAtPrice: text(record.compare_at_price),
      // Empty keeps what an existing variant has; a new one starts at 0.
      stock: stockText === '' ? (lookups.stockBySku.get(sku) ?? 0) : stockText,
      active: flag(record.active, true),
    };
  });
  return {
    id: lookups.productIds.get(group.handle),
    slug: group.handle,
    title: text(head.title),
    description: head.description ?? '',
    status: text(head.status).toLowerCase() || 'draft',
    vendor: text(head.vendor),
    featured: flag(head.featured, false),
    categoryIds,
    seoTitle: text(head.seo_title),
    seoDescription: text(head.seo_description),
    options,
    variants: variantsInput,
  };
}

function rowFor(group: Group, path: string): { row: number; column: string | null } {
  const parts = path.split('.');
  const field = parts[parts.length - 1]!;
  if (parts[0] === 'variants' && parts.length >= 2 && /^\d+$/.test(parts[1]!)) {
    const entry = group.rows[Number(parts[1])] ?? group.rows[0]!;
    const key = parts[2] ?? field;
    const market = /^(price|compareAtPrice)_([a-z]{3})$/.exec(key);
    if (market) return { row: entry.row, column: `${market[1] === 'price' ? 'price' : 'compare_at_price'}_${market[2]}` };
    return { row: entry.row, column: FIELD_COLUMNS[key] ?? null };
  }
  if (parts[0] === 'options') {
    const n = Number(parts[1] ?? 0) + 1;
    return { row: group.rows[0]!.row, column: `option${n}_name` };
  }
  return { row: group.rows[0]!.row, column: FIELD_COLUMNS[parts[0]!] ?? null };
}

class RollbackSignal extends Error {}

/**
 * Validates (dryRun) or applies a product CSV. Errors are per row and column; an apply with any error writes
 * nothing. Throws AppError only for a file that cannot be read at all.
 */
export async function importProductsCsv(actor: AuditActor, csvText: string, options: { dryRun: boolean }): Promise<ImportReport> {
  if (Buffer.byteLength(csvText) > MAX_IMPORT_BYTES) throw new AppError('payload_too_large', `The file may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  const currencies = await otherMarketCurrencies();
  const { groups, errors, marketColumns } = parseProductCsv(csvText, currencies);
  const priceCurrencies = [...new Set(marketColumns.map((column) => marketPriceColumn(column)!.currency))];
  const report: ImportReport = { applied: false, products: groups.length, variants: 0, created: 0, updated: 0, errors, preview: [], slugs: [] };
  if (groups.length === 0 && errors.length === 0) errors.push({ row: 2, column: null, message: 'The file has no product rows.' });

  const handles = groups.map((g) => g.handle);
  const skus = groups.flatMap((g) => g.rows.map((r) => text(r.record.sku).toUpperCase())).filter(Boolean);
  const slugs = [...new Set(groups.flatMap((g) => text(g.rows[0]!.record.categories).split('|').map((s) => s.trim().toLowerCase()).filter(Boolean)))];

  // Duplicate SKUs across the file (within one product the schema reports them too, per row).
  const skuRows = new Map<string, { handle: string; row: number }>();
  for (const group of groups) {
    for (const { row, record } of group.rows) {
      const sku = text(record.sku).toUpperCase();
      if (!sku) continue;
      const seen = skuRows.get(sku);
      if (seen && seen.handle !== group.handle) errors.push({ row, column: 'sku', message: `SKU ${sku} is also on row ${seen.row} (${seen.handle}).` });
      else if (!seen) skuRows.set(sku, { handle: group.handle, row });
    }
  }

  const run = async () =>
    db.transaction(async (tx) => {
      const [existing, cats, stock] = await Promise.all([
        handles.length ? tx.select({ id: products.id, slug: products.slug }).from(products).where(inArray(products.slug, handles)) : [],
        slugs.length ? tx.select({ id: categories.id, slug: categories.slug }).from(categories).where(inArray(categories.slug, slugs)) : [],
        skus.length ? tx.select({ sku: variants.sku, stock: variants.stockOnHand }).from(variants).where(inArray(variants.sku, skus)) : [],
      ]);
      const lookups = {
        productIds: new Map(existing.map((p) => [p.slug, p.id])),
        categoryIds: new Map(cats.map((c) => [c.slug, c.id])),
        stockBySku: new Map(stock.map((s) => [s.sku, s.stock])),
      };
      for (const group of groups) {
        const raw = toInput(group, lookups, errors);
        const parsed = productInputSchema.safeParse(raw);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) errors.push({ ...rowFor(group, issue.path.join('.')), message: issue.message });
          continue;
        }
        const input: ProductInput = parsed.data;
        try {
          // A savepoint per product: its failure is reported and undone, the others are still checked.
          const saved = await tx.transaction(async (sp) => {
            const product = await saveProductInTransaction(sp, actor, input);
            // Then the variants' prices in other markets' currencies, in the same savepoint.
            for (const [i, variant] of input.variants.entries()) {
              const record = group.rows[i]!.record;
              for (const currency of priceCurrencies) {
                const code = currency.toLowerCase();
                try {
                  await setVariantPriceInCurrency(sp, actor, { sku: variant.sku, currency, price: text(record[`price_${code}`]), compareAtPrice: text(record[`compare_at_price_${code}`]) });
                } catch (error) {
                  if (!(error instanceof AppError)) throw error;
                  const field = Object.keys(error.fieldErrors ?? {})[0];
                  throw new AppError('validation_failed', error.message, {
                    fieldErrors: { [`variants.${i}.${field === 'compareAtPrice' ? 'compareAtPrice' : 'price'}_${code}`]: [Object.values(error.fieldErrors ?? {})[0]?.[0] ?? error.message] },
                  });
                }
              }
            }
            return product;
          });
          report.slugs.push(saved.slug);
          if (saved.created) report.created += 1;
          else report.updated += 1;
          report.variants += input.variants.length;
          for (const [i, variant] of input.variants.entries()) {
            report.preview.push({ row: group.rows[i]!.row, handle: group.handle, sku: variant.sku, action: saved.created ? 'create' : 'update' });
          }
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const fields = Object.entries(error.fieldErrors ?? {});
          if (fields.length === 0) errors.push({ row: group.rows[0]!.row, column: null, message: error.message });
          for (const [path, messages] of fields) for (const message of messages) errors.push({ ...rowFor(group, path), message });
        }
      }
      if (options.dryRun || errors.length > 0) throw new RollbackSignal();
      await recordAudit(tx, actor, {
        action: 'catalog.import',
        entityType: 'import',
        entityId: null,
        after: { products: groups.length, created: report.created, updated: report.updated, variants: report.variants },
      });
    });

  try {
    if (groups.length > 0) await run();
    report.applied = !options.dryRun && errors.length === 0 && groups.length > 0;
  } catch (error) {
    if (!(error instanceof RollbackSignal)) throw error;
  }
  report.errors.sort((a, b) => a.row - b.row);
  return report;
}
