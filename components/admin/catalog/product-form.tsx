'use client';

import Link from 'next/link';
import { useActionState, useEffect, useMemo, useState } from 'react';
import { useLeaveGuard } from '@/components/admin/leave-guard';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { MarkdownEditor } from '@/components/ui/markdown-editor';
import { MultiSelectCombobox } from '@/components/ui/multi-select-combobox';
import { SubmitButton } from '@/components/ui/submit-button';
import { useToast } from '@/components/ui/toast-context';
import { saveProductAction } from '@/lib/admin/products/actions';
import { combinationKey, optionCombinations, parseOptionValues, variantTitle } from '@/lib/catalog/products/matrix';
import { defaultSkuPattern, fillSkus as skusFromPattern } from '@/lib/catalog/products/sku-pattern';
import { DescriptionPreview } from './description-preview';
import { slugify } from '@/lib/catalog/slug';
import { refusal } from '@/lib/http/action-result';

export type ProductFormValues = {
  id?: string;
  title: string;
  slug: string;
  description: string;
  status: 'draft' | 'active' | 'archived';
  vendor: string;
  featured: boolean;
  isGiftCard?: boolean;
  returnable?: boolean;
  seoTitle: string;
  seoDescription: string;
  /** How "Fill empty SKUs" names variants, e.g. {PRODUCT}-{SIZE}-{COLOUR}; empty: the product's code and every option. */
  skuPattern: string;
  categoryIds: string[];
  options: { name: string; values: string }[];
  /** stockBefore: the stock as loaded, so a save applies only the change made here (see the product schema). */
  variants: { id?: string; values: string[]; sku: string; price: string; compareAtPrice: string; stock: string; stockBefore?: string; active: boolean }[];
};

type VariantRow = Omit<ProductFormValues['variants'][number], 'values'>;

const input = 'mt-1 w-full rounded-md border border-zinc-300 px-3 py-2';

/** What the merchant can change, without the bookkeeping (stockBefore): equal snapshots mean nothing to save. */
function snapshot(fields: object, options: ProductFormValues['options'], rows: Record<string, VariantRow>): string {
  const editable = Object.fromEntries(Object.entries(rows).map(([key, { stockBefore: _, ...row }]) => [key, row]));
  return JSON.stringify([fields, options, editable]);
}

/** "Apparel / Tees" for a category listed after its parents, depth first (listCategoryChoices' order). */
function categoryPaths(categories: { id: string; name: string; depth: number }[]) {
  const trail: string[] = [];
  return categories.map((category) => {
    trail.length = category.depth;
    trail.push(category.name);
    return { value: category.id, label: trail.join(' / ') };
  });
}
const cell = 'w-full rounded-md border border-zinc-300 px-2 py-1';

/** The product editor: fields, categories, options and the variant matrix (one row per combination of values). */
export function ProductForm({ initial, categories, currency }: { initial: ProductFormValues; categories: { id: string; name: string; depth: number }[]; currency: string }) {
  const initialFields = () => ({
    title: initial.title,
    slug: initial.slug,
    description: initial.description,
    status: initial.status,
    vendor: initial.vendor,
    featured: initial.featured,
    isGiftCard: initial.isGiftCard ?? false,
    returnable: initial.returnable ?? true,
    seoTitle: initial.seoTitle,
    seoDescription: initial.seoDescription,
    skuPattern: initial.skuPattern,
    categoryIds: initial.categoryIds,
  });
  const initialRows = (): Record<string, VariantRow> => Object.fromEntries(initial.variants.map(({ values, ...rest }) => [combinationKey(values), rest]));
  const [fields, setFields] = useState(initialFields);
  const [options, setOptions] = useState(initial.options);
  const [rows, setRows] = useState(initialRows);
  const [state, formAction, pending] = useActionState(saveProductAction, null);
  // What the last load or save holds: the form is dirty while what is on screen differs from it.
  const [saved, setSaved] = useState(() => snapshot(initialFields(), initial.options, initialRows()));
  const current = snapshot(fields, options, rows);
  const dirty = current !== saved;
  // Saved: what is on screen is now what is stored, so the next save's stock changes count from here.
  const [settled, setSettled] = useState(state);
  if (state !== settled) {
    setSettled(state);
    if (state?.ok) {
      setRows((now) => Object.fromEntries(Object.entries(now).map(([key, row]) => [key, { ...row, stockBefore: row.stock }])));
      setSaved(current);
    }
  }
  // Not while saving: a save that ends in a redirect (a new product) is not leaving with unsaved work.
  useLeaveGuard('product', dirty && !pending);
  const notify = useToast();
  useEffect(() => {
    if (state?.ok) notify?.success(state.message ?? 'Saved.');
  }, [state, notify]);
  const discard = () => {
    setFields(initialFields());
    setOptions(initial.options);
    setRows(initialRows());
    setSaved(snapshot(initialFields(), initial.options, initialRows()));
  };
  const categoryOptions = useMemo(() => categoryPaths(categories), [categories]);
  const { errors } = refusal(state);
  const parsedOptions = useMemo(() => options.map((o) => ({ name: o.name.trim(), values: parseOptionValues(o.values) })), [options]);
  const combos = useMemo(() => optionCombinations(parsedOptions.filter((o) => o.values.length > 0)), [parsedOptions]);
  const rowFor = (values: string[]): VariantRow => rows[combinationKey(values)] ?? { sku: '', price: '', compareAtPrice: '', stock: '0', active: true };
  const setRow = (values: string[], patch: Partial<VariantRow>) => setRows((current) => ({ ...current, [combinationKey(values)]: { ...rowFor(values), ...patch } }));
  const set = <K extends keyof typeof fields>(key: K, value: (typeof fields)[K]) => setFields((f) => ({ ...f, [key]: value }));
  const err = (name: string) => errors[name];
  const describedBy = (name: string) => (errors[name] ? `${name}-error` : undefined);

  // Why the last "Fill empty SKUs" filled nothing (a pattern giving two variants one SKU), shown beside the button.
  const [fillProblem, setFillProblem] = useState<string | null>(null);
  const optionNames = parsedOptions.filter((o) => o.values.length > 0).map((o) => o.name);
  const fillSkus = () => {
    const result = skusFromPattern({
      pattern: fields.skuPattern,
      product: fields.slug || slugify(fields.title) || 'SKU',
      optionNames,
      combinations: combos,
      current: new Map(combos.map((values) => [combinationKey(values), rowFor(values).sku])),
    });
    if (!result.ok) {
      setFillProblem(result.message);
      return;
    }
    setFillProblem(null);
    setRows((current) => {
      const next = { ...current };
      for (const [key, sku] of result.skus) next[key] = { ...(next[key] ?? { sku: '', price: '', compareAtPrice: '', stock: '0', active: true }), sku };
      return next;
    });
  };
  const fillPrices = () => {
    const first = combos.map(rowFor).find((r) => r.price)?.price;
    if (!first) return;
    setRows((current) => {
      const next = { ...current };
      for (const values of combos) {
        const row = next[combinationKey(values)] ?? { sku: '', price: '', compareAtPrice: '', stock: '0', active: true };
        if (!row.price) next[combinationKey(values)] = { ...row, price: first };
      }
      return next;
    });
  };

  return (
    <form action={formAction} aria-label="Product" className="space-y-8" noValidate>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <section className="grid max-w-3xl gap-4 rounded-md border border-zinc-200 bg-white p-4">
        <h2 className="text-lg font-semibold">Details</h2>
        <div>
          <label htmlFor="title" className="block text-sm font-medium">Title</label>
          <input id="title" name="title" value={fields.title} onChange={(e) => set('title', e.target.value)} required aria-invalid={err('title') ? true : undefined} aria-describedby={describedBy('title')} className={input} />
          <FieldError id="title-error" errors={err('title')} />
        </div>
        <div>
          <label htmlFor="slug" className="block text-sm font-medium">
            Slug <span className="font-normal text-zinc-500">(optional)</span>
          </label>
          <input id="slug" name="slug" value={fields.slug} onChange={(e) => set('slug', e.target.value)} aria-invalid={err('slug') ? true : undefined} aria-describedby={`slug-hint ${describedBy('slug') ?? ''}`} className={input} />
          <p id="slug-hint" className="mt-1 text-xs text-zinc-600">
            The product’s address: /products/{fields.slug || slugify(fields.title) || '…'}. Left empty, it is made from the title (with a number added if taken).
          </p>
          <FieldError id="slug-error" errors={err('slug')} />
        </div>
        <div>
          <MarkdownEditor
            id="description"
            name="description"
            label="Description"
            value={fields.description}
            onChange={(value) => set('description', value)}
            preview={<DescriptionPreview markdown={fields.description} />}
            hint="Bold, italic, headings, lists and links (Markdown). Blank lines separate paragraphs. Anything else, such as scripts, is removed in the store."
            describedBy={describedBy('description')}
            invalid={err('description') ? true : undefined}
          />
          <FieldError id="description-error" errors={err('description')} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="status" className="block text-sm font-medium">Status</label>
            <select id="status" name="status" value={fields.status} onChange={(e) => set('status', e.target.value as typeof fields.status)} className={input}>
              <option value="draft">Draft — hidden from shoppers</option>
              <option value="active">Active — shown in the store</option>
              <option value="archived">Archived — hidden, kept for orders</option>
            </select>
            <FieldError id="status-error" errors={err('status')} />
          </div>
          <div>
            <label htmlFor="vendor" className="block text-sm font-medium">
              Vendor <span className="font-normal text-zinc-500">(optional)</span>
            </label>
            <input id="vendor" name="vendor" value={fields.vendor} onChange={(e) => set('vendor', e.target.value)} className={input} />
            <FieldError id="vendor-error" errors={err('vendor')} />
          </div>
        </div>
        <div className="flex items-center gap-2">
          <input id="featured" name="featured" type="checkbox" checked={fields.featured} onChange={(e) => set('featured', e.target.checked)} />
          <label htmlFor="featured" className="text-sm font-medium">Featured on the home page</label>
        </div>
        <div className="flex items-start gap-2">
          <input id="isGiftCard" name="isGiftCard" type="checkbox" className="mt-1" checked={fields.isGiftCard} onChange={(e) => set('isGiftCard', e.target.checked)} aria-describedby="isGiftCard-hint" />
          <div>
            <label htmlFor="isGiftCard" className="text-sm font-medium">Gift card</label>
            <p id="isGiftCard-hint" className="text-xs text-zinc-600">
              Each variant is a denomination. Paid orders issue one card per unit and email its code; no discount, tax or shipping.
            </p>
          </div>
        </div>
        <div className="flex items-start gap-2">
          <input id="returnable" name="returnable" type="checkbox" className="mt-1" checked={fields.returnable} onChange={(e) => set('returnable', e.target.checked)} aria-describedby="returnable-hint" />
          <div>
            <label htmlFor="returnable" className="text-sm font-medium">Returnable</label>
            <p id="returnable-hint" className="text-xs text-zinc-600">
              Customers may ask to return or exchange it within the return window. Clear it for final-sale items.
            </p>
          </div>
        </div>
        <div>
          <MultiSelectCombobox
            id="categoryIds"
            label="Categories"
            name="categoryIds"
            chosenLabel="Chosen categories"
            placeholder="Search categories"
            options={categoryOptions}
            value={fields.categoryIds}
            onChange={(ids) => set('categoryIds', ids)}
            describedBy={describedBy('categoryIds')}
            invalid={err('categoryIds') ? true : undefined}
          />
          <FieldError id="categoryIds-error" errors={err('categoryIds')} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="seoTitle" className="block text-sm font-medium">
              SEO title <span className="font-normal text-zinc-500">(optional)</span>
            </label>
            <input id="seoTitle" name="seoTitle" value={fields.seoTitle} onChange={(e) => set('seoTitle', e.target.value)} className={input} />
            <FieldError id="seoTitle-error" errors={err('seoTitle')} />
          </div>
          <div>
            <label htmlFor="seoDescription" className="block text-sm font-medium">
              SEO description <span className="font-normal text-zinc-500">(optional)</span>
            </label>
            <input id="seoDescription" name="seoDescription" value={fields.seoDescription} onChange={(e) => set('seoDescription', e.target.value)} className={input} />
            <FieldError id="seoDescription-error" errors={err('seoDescription')} />
          </div>
        </div>
      </section>

      <fieldset className="max-w-3xl space-y-3 rounded-md border border-zinc-200 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">Options</legend>
        <p className="text-sm text-zinc-600">Up to three, e.g. Size with values S, M, L. Every combination of values becomes a variant below.</p>
        {options.map((option, i) => (
          <div key={i} className="grid items-start gap-3 sm:grid-cols-[1fr_2fr_auto]">
            <div>
              <label htmlFor={`options.${i}.name`} className="block text-sm font-medium">{`Option ${i + 1} name`}</label>
              <input id={`options.${i}.name`} name={`options.${i}.name`} value={option.name} onChange={(e) => setOptions((all) => all.map((o, j) => (j === i ? { ...o, name: e.target.value } : o)))} aria-describedby={describedBy(`options.${i}.name`)} className={input} />
              <FieldError id={`options.${i}.name-error`} errors={err(`options.${i}.name`)} />
            </div>
            <div>
              <label htmlFor={`options.${i}.values`} className="block text-sm font-medium">{`Option ${i + 1} values`}</label>
              <input id={`options.${i}.values`} name={`options.${i}.values`} value={option.values} placeholder="S, M, L" onChange={(e) => setOptions((all) => all.map((o, j) => (j === i ? { ...o, values: e.target.value } : o)))} aria-describedby={describedBy(`options.${i}.values`)} className={input} />
              <FieldError id={`options.${i}.values-error`} errors={err(`options.${i}.values`)} />
            </div>
            <button type="button" onClick={() => setOptions((all) => all.filter((_, j) => j !== i))} className="mt-6 rounded-md border border-zinc-300 px-3 py-2 text-sm hover:bg-zinc-50">
              Remove option {i + 1}
            </button>
          </div>
        ))}
        {options.length < 3 ? (
          <button type="button" onClick={() => setOptions((all) => [...all, { name: '', values: '' }])} className="rounded-md border border-zinc-300 px-3 py-2 text-sm hover:bg-zinc-50">
            Add option
          </button>
        ) : null}
      </fieldset>

      <fieldset className="min-w-0 space-y-3 rounded-md border border-zinc-200 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">Variants ({combos.length})</legend>
        <p className="text-sm text-zinc-600">
          Prices in {currency}, e.g. 19.99. Stock changes here are recorded in the inventory history as corrections.
        </p>
        <div className="max-w-xl">
          <label htmlFor="skuPattern" className="block text-sm font-medium">
            SKU pattern <span className="font-normal text-zinc-500">(optional)</span>
          </label>
          <input
            id="skuPattern"
            name="skuPattern"
            value={fields.skuPattern}
            placeholder={defaultSkuPattern(optionNames)}
            onChange={(e) => set('skuPattern', e.target.value)}
            aria-invalid={err('skuPattern') ? true : undefined}
            aria-describedby={`skuPattern-hint${err('skuPattern') ? ' skuPattern-error' : ''}${fillProblem ? ' skuPattern-fill' : ''}`}
            className={`${input} font-mono`}
          />
          <p id="skuPattern-hint" className="mt-1 text-xs text-zinc-600">
            How “Fill empty SKUs” names variants: {'{PRODUCT}'} is the product’s address in capitals
            {optionNames.length > 0 ? <>, {optionNames.map((n) => `{${n.toUpperCase()}}`).join(', ')} the option values</> : null}. SKUs already typed are kept.
          </p>
          <FieldError id="skuPattern-error" errors={err('skuPattern')} />
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={fillSkus} aria-describedby={fillProblem ? 'skuPattern-fill' : undefined} className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-50">Fill empty SKUs</button>
          <button type="button" onClick={fillPrices} className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-50">Copy first price to empty prices</button>
        </div>
        {fillProblem ? (
          <p id="skuPattern-fill" role="alert" className="text-sm text-red-700">
            {fillProblem}
          </p>
        ) : null}
        <FieldError id="variants-error" errors={err('variants')} />
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-zinc-200 text-left">
                <th scope="col" className="p-2">Variant</th>
                <th scope="col" className="p-2">SKU</th>
                <th scope="col" className="p-2">Price</th>
                <th scope="col" className="p-2">Compare-at price</th>
                <th scope="col" className="p-2">Stock</th>
                <th scope="col" className="p-2">
                  Enabled <span className="sr-only">(shoppers can choose it)</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {combos.map((values, i) => {
                const row = rowFor(values);
                const title = variantTitle(values);
                const name = (field: string) => `variants.${i}.${field}`;
                const cellInput = (field: 'sku' | 'price' | 'compareAtPrice' | 'stock', label: string, inputMode?: 'decimal' | 'numeric') => (
                  <td className="p-2 align-top">
                    <input
                      name={name(field)}
                      aria-label={`${label}, ${title}`}
                      value={row[field]}
                      inputMode={inputMode}
                      onChange={(e) => setRow(values, { [field]: e.target.value })}
                      aria-invalid={err(name(field)) ? true : undefined}
                      aria-describedby={err(name(field)) ? `${name(field)}-error` : undefined}
                      className={cell}
                    />
                    <FieldError id={`${name(field)}-error`} errors={err(name(field))} />
                  </td>
                );
                return (
                  <tr key={combinationKey(values)} className="border-b border-zinc-100">
                    <th scope="row" className="p-2 text-left align-top font-medium">
                      {title}
                      {row.id ? <input type="hidden" name={name('id')} value={row.id} /> : null}
                      {row.stockBefore !== undefined ? <input type="hidden" name={name('stockBefore')} value={row.stockBefore} /> : null}
                      {values.map((value, o) => (
                        <input key={o} type="hidden" name={name('values')} value={value} />
                      ))}
                      <FieldError id={`${name('values')}-error`} errors={err(name('values'))} />
                    </th>
                    {cellInput('sku', 'SKU')}
                    {cellInput('price', 'Price', 'decimal')}
                    {cellInput('compareAtPrice', 'Compare-at price', 'decimal')}
                    {cellInput('stock', 'Stock', 'numeric')}
                    <td className="p-2 align-top">
                      <input type="checkbox" name={name('active')} aria-label={`Enabled, ${title}`} checked={row.active} onChange={(e) => setRow(values, { active: e.target.checked })} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </fieldset>

      {/* The save bar: pinned to the bottom of the screen while there is something to save. */}
      <div
        role="region"
        aria-label="Save"
        className={`flex flex-wrap items-center gap-x-4 gap-y-2 ${dirty ? 'sticky bottom-0 z-30 -mx-2 rounded-md border border-zinc-300 bg-white/95 px-3 py-3 shadow-lg backdrop-blur' : ''}`}
      >
        {dirty ? <p className="mr-auto text-sm font-medium text-zinc-900">Unsaved changes</p> : null}
        {dirty ? (
          <button type="button" onClick={discard} className="rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium hover:bg-zinc-50">
            Discard
          </button>
        ) : null}
        <SubmitButton pendingLabel="Saving…" pending={pending}>
          {initial.id ? 'Save product' : 'Create product'}
        </SubmitButton>
        <Link href="/admin/products" className="text-sm underline">Back to products</Link>
      </div>
      {state?.ok ? <FormMessage status="success" message={state.message ?? ''} announce={!notify} /> : null}
      {state && !state.ok ? <FormMessage status="error" message={errors._ ? errors._.join(' ') : state.message} /> : null}
    </form>
  );
}
