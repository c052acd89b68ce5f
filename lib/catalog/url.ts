import { z } from 'zod';
import { MoneyError, parseMoney, toDecimalString } from '@/lib/money';
import { catalogQuerySchema, type CatalogQuery, type CatalogQueryInput, catalogSorts } from './schemas';

// Catalog filters live in the URL so a result is shareable and the back button restores it:
//   ?q=boots&opt.size=M&opt.size=L&opt.colour=Black&price_min=25&price_max=49.99&in_stock=1&sort=price_asc&page=2
// Pages read them leniently (a bad value is dropped, the rest still applies); the Store API reads them strictly.

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

const OPTION_PREFIX = 'opt.';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const all = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

export function toSearchParamsRecord(params: URLSearchParams): SearchParamsRecord {
  const record: SearchParamsRecord = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    record[key] = values.length > 1 ? values : values[0];
  }
  return record;
}

function priceToCents(value: string | undefined, currency: string): number | undefined | 'invalid' {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    const { amountCents } = parseMoney(value, currency);
    return amountCents;
  } catch (error) {
    if (error instanceof MoneyError) return 'invalid';
    throw error;
  }
}

/** Raw URL parameters → catalog query input (not yet validated). */
function rawInput(params: SearchParamsRecord, currency: string) {
  const options: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key.startsWith(OPTION_PREFIX) && key.length > OPTION_PREFIX.length) {
      const values = all(value).filter((v) => v.trim() !== '');
      if (values.length > 0) options[key.slice(OPTION_PREFIX.length).toLowerCase()] = [...new Set(values)];
    }
  }
  const page = first(params.page);
  const perPage = first(params.per_page);
  return {
    q: first(params.q)?.trim() || undefined,
    category: first(params.category) || undefined,
    options,
    priceMinCents: priceToCents(first(params.price_min), currency),
    priceMaxCents: priceToCents(first(params.price_max), currency),
    inStock: first(params.in_stock),
    sort: first(params.sort) || undefined,
    page: page === undefined || page === '' ? undefined : Number(page),
    perPage: perPage === undefined || perPage === '' ? undefined : Number(perPage),
  };
}

const flagSchema = z.enum(['1', 'true', '0', 'false']).transform((value) => value === '1' || value === 'true');

/** Strict: any invalid parameter is a ZodError (the API answers 422 with the field). */
export function parseCatalogParamsStrict(params: SearchParamsRecord, currency: string): CatalogQuery {
  const raw = rawInput(params, currency);
  const issues: z.core.$ZodIssue[] = [];
  for (const field of ['priceMinCents', 'priceMaxCents'] as const) {
    if (raw[field] === 'invalid') issues.push({ code: 'custom', path: [field], message: 'Not an amount in the currency of the prices shown', input: undefined });
  }
  const inStock = raw.inStock === undefined ? false : flagSchema.safeParse(raw.inStock);
  if (typeof inStock === 'object' && !inStock.success) issues.push({ code: 'custom', path: ['inStock'], message: 'Use 1 or 0', input: undefined });
  if (issues.length > 0) throw new z.ZodError(issues);
  return catalogQuerySchema.parse({
    ...raw,
    priceMinCents: raw.priceMinCents === 'invalid' ? undefined : raw.priceMinCents,
    priceMaxCents: raw.priceMaxCents === 'invalid' ? undefined : raw.priceMaxCents,
    inStock: typeof inStock === 'object' ? inStock.data : inStock,
  });
}

/** Lenient: invalid parameters are dropped one by one, so a mangled link still shows sensible results. */
export function parseCatalogParams(params: SearchParamsRecord, currency: string): CatalogQuery {
  const raw = rawInput(params, currency);
  const input: CatalogQueryInput = {};
  const candidate = (patch: Partial<CatalogQueryInput>) => catalogQuerySchema.safeParse({ ...input, ...patch }).success;
  if (raw.q !== undefined && candidate({ q: raw.q })) input.q = raw.q;
  if (raw.category !== undefined && candidate({ category: raw.category })) input.category = raw.category;
  const options: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(raw.options)) {
    if (candidate({ options: { ...options, [name]: values } })) options[name] = values;
  }
  input.options = options;
  for (const field of ['priceMinCents', 'priceMaxCents'] as const) {
    const value = raw[field];
    if (typeof value === 'number' && candidate({ [field]: value })) input[field] = value;
  }
  const inStock = raw.inStock === undefined ? undefined : flagSchema.safeParse(raw.inStock);
  if (inStock?.success) input.inStock = inStock.data;
  if (raw.sort && (catalogSorts as readonly string[]).includes(raw.sort)) input.sort = raw.sort as CatalogQuery['sort'];
  if (raw.page !== undefined && candidate({ page: raw.page })) input.page = raw.page;
  if (raw.perPage !== undefined && candidate({ perPage: raw.perPage })) input.perPage = raw.perPage;
  return catalogQuerySchema.parse(input);
}

/** The URL for a catalog query (page path + search params), omitting defaults. */
export function catalogHref(pathname: string, query: Partial<CatalogQuery>, currency: string): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const [name, values] of Object.entries(query.options ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    for (const value of values) params.append(`${OPTION_PREFIX}${name}`, value);
  }
  if (query.priceMinCents !== undefined) params.set('price_min', toDecimalString({ amountCents: query.priceMinCents, currency }));
  if (query.priceMaxCents !== undefined) params.set('price_max', toDecimalString({ amountCents: query.priceMaxCents, currency }));
  if (query.inStock) params.set('in_stock', '1');
  if (query.sort) params.set('sort', query.sort);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `${pathname}?${search}` : pathname;
}

export const OPTION_PARAM_PREFIX = OPTION_PREFIX;
