'use client';

import { useTranslations } from 'next-intl';
import { type ComponentProps, lazy, type ReactNode, Suspense, type RefObject, useActionState, useEffect, useId, useRef, useState } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { Price } from '@/components/ui/price';
import { SubmitButton } from '@/components/ui/submit-button';
import { type AddedToCart, addToCartAction } from '@/lib/cart/actions';
import type { ActionState } from '@/lib/http/action';
import { useVariantSelection } from './variant-selection';
import { GiftCardRecipientFields } from './gift-card-recipient-fields';

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
  variant: { id: string; inStock: boolean; maxQuantity: number; title: string; priceCents: number; currency: string } | null;
};

/** The purchase form for the variant chosen in the picker; a new variant starts a fresh form. */
export function SelectedVariantPurchase({ giftCard = false }: { giftCard?: boolean }) {
  const { variant } = useVariantSelection();
  return <ProductPurchase key={variant?.id ?? 'none'} variant={variant} giftCard={giftCard} />;
}

/**
 * True once the element has scrolled up out of view (not while it is still below the fold): then a phone gets the
 * sticky bar, for a shopper who has read on past the button.
 */
function useScrolledPast(target: RefObject<HTMLElement | null>): boolean {
  const [past, setPast] = useState(false);
  useEffect(() => {
    // A scroll listener rather than an IntersectionObserver: a jump (a link, the End key) from below the element to
    // above it never intersects it, so an observer would not hear of it.
    let frame = 0;
    const check = () => {
      frame = 0;
      const element = target.current;
      if (element) setPast(element.getBoundingClientRect().bottom < 0);
    };
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(check);
    };
    check();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [target]);
  return past;
}

/** Quantity and "Add to cart" for the selected variant. The server decides price, stock and limits again. */
export function ProductPurchase({ variant, giftCard = false }: Props & { giftCard?: boolean }) {
  const [state, action, pending] = useActionState(addToCartAction, idle);
  const t = useTranslations('Product');
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
  const formId = useId();
  const scrolledPast = useScrolledPast(addButtonArea);

  return (
    <>
      <form
        id={formId}
        action={action}
        onPointerEnter={preloadCartDrawer}
        onFocus={preloadCartDrawer}
        onSubmit={preloadCartDrawer}
        className="space-y-3"
        aria-label={t('addToCart')}
      >
        {variant ? <input type="hidden" name="variantId" value={variant.id} /> : null}
        {giftCard ? <GiftCardRecipientFields errors={state && !state.ok ? state.fieldErrors : undefined} /> : null}
        <div>
          <label htmlFor="quantity" className="block text-sm font-medium">
            {t('quantity')}
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
            {t('combinationUnavailable')}
          </p>
        ) : !variant.inStock ? (
          <p role="status" className="text-sm font-medium text-zinc-700">
            {t('variantSoldOut', { variant: variant.title })}
          </p>
        ) : variant.maxQuantity < 5 ? (
          <p className="text-sm text-amber-700">{t('onlyLeft', { count: variant.maxQuantity })}</p>
        ) : (
          <p className="text-sm text-green-700">{t('inStock')}</p>
        )}
        {/* Focus returns to this button when the drawer closes. */}
        <div ref={addButtonArea}>
          <SubmitButton pending={pending} pendingLabel={t('adding')} disabled={!purchasable}>
            {purchasable ? t('addToCart') : variant ? t('soldOut') : t('unavailable')}
          </SubmitButton>
        </div>
        {state ? <FormMessage status={state.ok ? 'success' : 'error'} message={state.message ?? ''} /> : null}
      </form>
      {/* Phones only, once the form's own button has scrolled away: the same form, submitted from the bottom bar. */}
      {purchasable && scrolledPast ? (
        <>
        {/* Room at the page's end, so the bar never covers its last lines. */}
        <div className="h-16 md:hidden" />
        <div className="fixed inset-x-0 bottom-0 z-30 flex items-center justify-between gap-3 border-t border-zinc-200 bg-white px-4 py-3 shadow-[0_-2px_8px_rgba(0,0,0,0.06)] md:hidden">
          <div className="min-w-0 text-sm">
            <p className="truncate font-medium">{variant.title}</p>
            <Price amountCents={variant.priceCents} currency={variant.currency} />
          </div>
          <button
            type="submit"
            form={formId}
            disabled={pending}
            className="shrink-0 rounded-md bg-brand-600 px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {pending ? t('adding') : t('addToCart')}
          </button>
        </div>
        </>
      ) : null}
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
