'use client';

import { createContext, type ReactNode, use, useCallback, useMemo, useState } from 'react';
import type { ProductDetail } from '@/lib/catalog/types';
import { resolveVariantSelection, selectionParams, type VariantSelection } from '@/lib/catalog/variant-matrix';

type Product = Pick<ProductDetail, 'options' | 'variants'>;
type Context = VariantSelection & { choose: (name: string, value: string) => void };

const VariantSelectionContext = createContext<Context | null>(null);

/**
 * The product page's chosen variant, shared by the picker, price, gallery and purchase form. Choosing an option
 * changes them all at once in the browser — no request — and rewrites the address (history.replaceState, which
 * Next's router follows) to the one the server renders for that same variant, so a reload, a shared link or a
 * visitor without JavaScript gets the same page.
 */
export function VariantSelectionProvider({ product, initial, children }: { product: Product; initial: Record<string, string>; children: ReactNode }) {
  const [requested, setRequested] = useState(initial);
  const selection = useMemo(() => resolveVariantSelection(product, requested), [product, requested]);
  const choose = useCallback(
    (name: string, value: string) => {
      const next = resolveVariantSelection(product, { ...selection.selection, [name]: value });
      setRequested(next.selection);
      window.history.replaceState(null, '', `${window.location.pathname}?${selectionParams(next.selection)}`);
    },
    [product, selection.selection],
  );
  const value = useMemo(() => ({ ...selection, choose }), [selection, choose]);
  return <VariantSelectionContext value={value}>{children}</VariantSelectionContext>;
}

export function useVariantSelection(): Context {
  const context = use(VariantSelectionContext);
  if (!context) throw new Error('useVariantSelection needs a VariantSelectionProvider');
  return context;
}
