'use client';

import { type ComponentProps, lazy, type ReactNode, Suspense, useActionState, useRef, useState } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { type AddedToCart, addToCartAction } from '@/lib/cart/actions';
import type { ActionState } from '@/lib/http/action';

const idle: ActionState<AddedToCart> = null;

// The drawer and its cart lines (with their images, money formatting and optimistic updates) are only needed after
// an add, so they are a chunk of their own: fetched when the shopper heads for the form or submits it, not with the
// product page. Should that fetch fail, the add still stands and says so; only the drawer is skipped. Without
// JavaScript nothing changes: the form posts to the action.
const loadCartDrawer = () => import('@/components/cart/cart-drawer');
type CartDrawerProps = ComponentProps<Awaited<ReturnType<typeof loadCartDrawer>>['CartDrawer']>;
const CartDrawer = lazy(() =>
  loadCartDrawer().then(
    (module): { default: (props: CartDrawerProps) => ReactNode } => ({ default: module.CartDrawer }),
    () => ({ default: () => null }),
  ),
);
const preloadCartDrawer = () => {
  loadCartDrawer().catch(() => {});
};

type Props = {
  /** The selected variant, or null when the chosen combination does not exist. */
  variant: { id: string; inStock: boolean; maxQuantity: number; title: string } | null;
};

/** Quantity and "Add to cart" for the selected variant. The server decides price, stock and limits again. */
export function ProductPurchase({ variant }: Props) {
  const [state, action, pending] = useActionState(addToCartAction, idle);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const addButtonArea = useRef<HTMLDivElement>(null);
  // Each accepted add (a new state object) opens the drawer on the cart the server returned.
  const [shownState, setShownState] = useState(state);
  if (state !== shownState) {
    setShownState(state);
    if (state?.ok) setDrawerOpen(true);
  }
  const quantityErrors = state && !state.ok ? state.fieldErrors?.quantity : undefined;
  const purchasable = variant !== null && variant.inStock;

  return (
    <>
      <form
        action={action}
        onPointerEnter={preloadCartDrawer}
        onFocus={preloadCartDrawer}
        onSubmit={preloadCartDrawer}
        className="space-y-3"
        aria-label="Add to cart"
      >
        {variant ? <input type="hidden" name="variantId" value={variant.id} /> : null}
        <div>
          <label htmlFor="quantity" className="block text-sm font-medium">
            Quantity
          </label>
          <input
            id="quantity"
            name="quantity"
            type="number"
            inputMode="numeric"
            min={1}
            max={purchasable ? variant.maxQuantity : 1}
            defaultValue={1}
            disabled={!purchasable}
            aria-describedby={quantityErrors ? 'quantity-error' : undefined}
            className="mt-1 w-24 rounded-md border border-zinc-300 px-3 py-2 disabled:bg-zinc-100"
          />
          <FieldError id="quantity-error" errors={quantityErrors} />
        </div>
        {!variant ? (
          <p role="status" className="text-sm text-zinc-700">
            This combination is not available. Choose another option.
          </p>
        ) : !variant.inStock ? (
          <p role="status" className="text-sm font-medium text-zinc-700">
            {variant.title} is sold out.
          </p>
        ) : variant.maxQuantity < 5 ? (
          <p className="text-sm text-amber-700">Only {variant.maxQuantity} left.</p>
        ) : (
          <p className="text-sm text-green-700">In stock</p>
        )}
        {/* Focus returns to this button when the drawer closes. */}
        <div ref={addButtonArea}>
          <SubmitButton pending={pending} pendingLabel="Adding…" disabled={!purchasable}>
            {purchasable ? 'Add to cart' : variant ? 'Sold out' : 'Unavailable'}
          </SubmitButton>
        </div>
        {state ? <FormMessage status={state.ok ? 'success' : 'error'} message={state.message ?? ''} /> : null}
      </form>
      {/* Outside the form: the drawer holds forms of its own, and forms cannot nest. */}
      {state?.ok ? (
        <Suspense fallback={null}>
          <CartDrawer
            cart={state.data.cart}
            open={drawerOpen}
            onClose={() => {
              setDrawerOpen(false);
              addButtonArea.current?.querySelector('button')?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
