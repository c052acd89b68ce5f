import type { ProductDetail, VariantView } from './types';

// The variant picker's logic: given the options a shopper has chosen, which variant that is, and for every option
// value whether picking it would land on an available, sold-out or non-existent combination.

export type OptionValueState = 'available' | 'sold_out' | 'unavailable';
export type PickerOption = { name: string; values: { value: string; state: OptionValueState; selected: boolean }[] };
export type VariantSelection = {
  selection: Record<string, string>;
  variant: VariantView | null;
  options: PickerOption[];
};

function matches(variant: VariantView, selection: Record<string, string>): boolean {
  return Object.entries(selection).every(([name, value]) => variant.options[name] === value);
}

/** Reads a selection from URL parameters keyed by lower-case option name (?size=M&colour=Black). */
export function selectionFromParams(
  product: Pick<ProductDetail, 'options'>,
  params: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const selection: Record<string, string> = {};
  for (const option of product.options) {
    const raw = params[option.name.toLowerCase()];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && option.values.includes(value)) selection[option.name] = value;
  }
  return selection;
}

export function resolveVariantSelection(
  product: Pick<ProductDetail, 'options' | 'variants'>,
  requested: Record<string, string>,
): VariantSelection {
  // Complete a partial (or empty) selection from the first in-stock variant that agrees with it, else any variant.
  const agreeing = product.variants.filter((variant) => matches(variant, requested));
  const base = agreeing.find((variant) => variant.inStock) ?? agreeing[0] ?? product.variants.find((v) => v.inStock) ?? product.variants[0];
  const selection: Record<string, string> = {};
  for (const option of product.options) {
    const value = requested[option.name] ?? base?.options[option.name];
    if (value !== undefined) selection[option.name] = value;
  }
  const complete = product.options.every((option) => selection[option.name] !== undefined);
  const variant = complete ? (product.variants.find((v) => matches(v, selection) && Object.keys(v.options).length === product.options.length) ?? null) : null;

  const options = product.options.map((option) => ({
    name: option.name,
    values: option.values.map((value) => {
      const candidate = product.variants.find((v) => matches(v, { ...selection, [option.name]: value }));
      const state: OptionValueState = !candidate ? 'unavailable' : candidate.inStock ? 'available' : 'sold_out';
      return { value, state, selected: selection[option.name] === value };
    }),
  }));
  return { selection, variant, options };
}

/** Search params for a product URL with one option changed. */
export function selectionParams(selection: Record<string, string>, change?: { name: string; value: string }): string {
  const next = change ? { ...selection, [change.name]: change.value } : selection;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(next)) params.set(name.toLowerCase(), value);
  return params.toString();
}
