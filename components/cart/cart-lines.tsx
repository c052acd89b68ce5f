'use client';

import Image from 'next/image';
import { useTranslations } from 'next-intl';
import { Link } from '@/components/ui/link';
import { type FormEvent, type ReactNode, useActionState, useOptimistic, useRef, useState, useTransition } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { Price } from '@/components/ui/price';
import { SubmitButton } from '@/components/ui/submit-button';
import { useHydrated } from '@/components/ui/use-hydrated';
import { removeCartLineAction, updateCartLineAction } from '@/lib/cart/actions';
import type { CartLineView, CartView } from '@/lib/cart/types';
import type { ActionResult, ActionState } from '@/lib/http/action';
import { formatMoney, money } from '@/lib/money';

type CartChangeResult = ActionResult<CartView>;

type Change = { type: 'quantity'; lineId: string; quantity: number } | { type: 'remove'; lineId: string };

/** The cart as it will be once a change is accepted: the client's guess, replaced by the server's answer. */
function applyChange(cart: CartView, change: Change): CartView {
  const lines =
    change.type === 'remove'
      ? cart.lines.filter((line) => line.id !== change.lineId)
      : cart.lines.map((line) =>
          line.id === change.lineId ? { ...line, quantity: change.quantity, lineTotalCents: line.unitPriceCents * change.quantity } : line,
        );
  return {
    ...cart,
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    subtotalCents: lines.filter((line) => line.problem === null).reduce((sum, line) => sum + line.lineTotalCents, 0),
    hasProblems: lines.some((line) => line.problem !== null),
    // Promotions are the server's to price: until its answer, the last ones stand.
    discountedSubtotalCents: Math.max(0, lines.filter((line) => line.problem === null).reduce((sum, line) => sum + line.lineTotalCents, 0) - cart.discountCents),
  };
}

type Props = {
  cart: CartView;
  /** "page" is /cart; "drawer" is the compact list in the cart drawer. */
  variant: 'page' | 'drawer';
  /** Heading level of each line's title (below the surrounding heading). */
  lineHeadingLevel?: 2 | 3;
  /** Links under the subtotal (the drawer's "Check out" and "View cart"). */
  actions?: ReactNode;
};

/**
 * The lines of a cart with their quantity and remove controls, and the subtotal. Every change shows at once
 * (useOptimistic inside a transition), then the server's re-priced cart replaces the guess; a refused change rolls
 * back by itself when the transition ends, and the server's message is shown under the line.
 * Without JavaScript each control is a plain form posting to its server action, as before.
 */
export function CartLines({ cart: serverCart, variant, lineHeadingLevel = 2, actions }: Props) {
  const [cart, setCart] = useState(serverCart);
  // A new cart from the server (a page refresh, another add) replaces ours.
  const [lastServerCart, setLastServerCart] = useState(serverCart);
  if (serverCart !== lastServerCart) {
    setLastServerCart(serverCart);
    setCart(serverCart);
  }
  const [optimisticCart, applyOptimistic] = useOptimistic(cart, applyChange);
  const [announcement, setAnnouncement] = useState('');
  const t = useTranslations('Cart');
  const itemsLabel = t('itemCount', { count: optimisticCart.itemCount });

  const settle = (result: CartChangeResult) => {
    if (result.ok) setCart(result.data);
  };

  if (optimisticCart.lines.length === 0) {
    return (
      <div>
        <p className="text-zinc-600">{t('empty')}</p>
        <p role="status" className="sr-only">
          {announcement}
        </p>
      </div>
    );
  }

  const drawer = variant === 'drawer';
  return (
    // In the drawer the lines scroll and the subtotal and checkout stay in view beneath them.
    <div className={drawer ? 'flex min-h-0 flex-1 flex-col gap-3' : 'flex flex-col gap-4'}>
      <ul aria-label={t('items')} className={`divide-y divide-zinc-200 border-y border-zinc-200 ${drawer ? 'min-h-0 overflow-y-auto' : ''}`}>
        {optimisticCart.lines.map((line, index) => (
          <CartLineRow
            key={line.id}
            line={line}
            // On the cart page the first line's image is the largest thing in view: fetched first, not lazily.
            eagerImage={variant === 'page' && index === 0}
            currency={optimisticCart.currency}
            compact={drawer}
            headingLevel={lineHeadingLevel}
            onChange={applyOptimistic}
            onSettled={settle}
            onRemoved={(message) => setAnnouncement(message)}
          />
        ))}
      </ul>
      <div className={`flex shrink-0 flex-col gap-3 ${drawer ? '' : 'items-end'}`}>
        <div className={`flex justify-between gap-2 ${drawer ? 'font-medium' : 'text-lg'}`} data-testid="cart-subtotal">
          <span>{t('subtotal', { items: itemsLabel })}</span>
          <Price amountCents={optimisticCart.subtotalCents} currency={optimisticCart.currency} />
        </div>
        <CartPromotions cart={optimisticCart} compact={drawer} />
        <p role="status" className="sr-only">
          {announcement}
        </p>
        {drawer ? null : <p className="text-sm text-zinc-600">{t('shippingAtCheckout')}</p>}
        {optimisticCart.hasProblems ? (
          <p role="alert" className="text-sm text-red-700">
            {t('needsAttention')}
          </p>
        ) : variant === 'page' ? (
          <Link href="/checkout" className="rounded-md bg-brand-600 px-6 py-3 font-semibold text-white hover:bg-brand-700">
            {t('checkOut')}
          </Link>
        ) : null}
        {actions}
      </div>
    </div>
  );
}

/** Each promotion applied with its amount, the subtotal after them, and the next step the shopper could reach. */
function CartPromotions({ cart, compact }: { cart: CartView; compact: boolean }) {
  const { promotions, nextTier, currency } = cart;
  if (promotions.length === 0 && !nextTier) return null;
  return (
    <div className={`flex w-full flex-col gap-1 text-sm ${compact ? '' : 'max-w-sm'}`} data-testid="cart-promotions">
      {promotions.length > 0 ? (
        <dl className="flex flex-col gap-1">
          {promotions.map((promotion) => (
            <div key={promotion.id} className="flex justify-between gap-3 text-green-800">
              <dt className="min-w-0 [overflow-wrap:anywhere]">{promotion.title}</dt>
              <dd className="shrink-0">
                {promotion.freeShipping && promotion.amountCents === 0 ? 'Free shipping' : (
                  <>
                    −<Price className="inline" amountCents={promotion.amountCents} currency={currency} />
                  </>
                )}
              </dd>
            </div>
          ))}
          {cart.discountCents > 0 ? (
            <div className="flex justify-between gap-3 font-medium" data-testid="cart-discounted-subtotal">
              <dt>After promotions</dt>
              <dd className="shrink-0">
                <Price className="inline" amountCents={cart.discountedSubtotalCents} currency={currency} />
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {nextTier ? (
        <p className="rounded-md bg-brand-50 px-3 py-2 text-zinc-800" data-testid="cart-next-tier">
          {nextTier.basis === 'spend' ? (
            <>
              Spend <strong>{formatMoney(money(nextTier.remaining, currency))}</strong> more for {nextTier.percent} % off
            </>
          ) : (
            <>
              Add {nextTier.remaining} more {nextTier.remaining === 1 ? 'item' : 'items'} for {nextTier.percent} % off
            </>
          )}
        </p>
      ) : null}
    </div>
  );
}

type Feedback = { ok: true; message: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> } | null;

function CartLineRow({
  line,
  currency,
  compact,
  headingLevel,
  onChange,
  onSettled,
  onRemoved,
  eagerImage,
}: {
  line: CartLineView;
  eagerImage: boolean;
  currency: string;
  compact: boolean;
  headingLevel: 2 | 3;
  onChange: (change: Change) => void;
  onSettled: (result: CartChangeResult) => void;
  onRemoved: (message: string) => void;
}) {
  // No-JavaScript path: the forms post to these actions and the page re-renders with their state.
  const [updateState, updateAction] = useActionState(updateCartLineAction, null as ActionState<CartView>);
  const [removeState, removeAction] = useActionState(removeCartLineAction, null as ActionState<CartView>);
  const [updating, startUpdate] = useTransition();
  const [removing, startRemove] = useTransition();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const t = useTranslations('Cart');
  // The field shows what the shopper typed until the line's quantity changes (optimistically, by the server, or
  // back again on a rollback); then it shows that.
  const [draft, setDraft] = useState(String(line.quantity));
  const [shownQuantity, setShownQuantity] = useState(line.quantity);
  const quantityForm = useRef<HTMLFormElement>(null);
  // With JavaScript the quantity has −/+ buttons and is saved as it changes; without, the form's Update button posts it.
  const hydrated = useHydrated();
  if (line.quantity !== shownQuantity) {
    setShownQuantity(line.quantity);
    setDraft(String(line.quantity));
  }

  const inputId = `quantity-${line.id}${compact ? '-drawer' : ''}`;
  const errorId = `${inputId}-error`;
  const current: Feedback =
    feedback ??
    (updateState
      ? { ok: updateState.ok, message: updateState.message ?? '', ...(updateState.ok ? {} : { fieldErrors: updateState.fieldErrors }) }
      : removeState && !removeState.ok
        ? { ok: false, message: removeState.message }
        : null);
  const quantityErrors = current && !current.ok ? (current.fieldErrors?.quantity ?? [current.message]) : undefined;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const commitQuantity = (formData: FormData) => {
    const quantity = Number(formData.get('quantity'));
    setFeedback(null);
    startUpdate(async () => {
      // Only a sensible number is shown ahead of the server; anything else waits for its answer.
      if (Number.isInteger(quantity) && quantity >= 1 && quantity <= 999) onChange({ type: 'quantity', lineId: line.id, quantity });
      const result = await updateCartLineAction(formData);
      startUpdate(() => {
        onSettled(result);
        setFeedback(result.ok ? { ok: true, message: result.message ?? '' } : { ok: false, message: result.message, fieldErrors: result.fieldErrors });
      });
    });
  };

  const submitQuantity = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    commitQuantity(new FormData(event.currentTarget));
  };

  /** A stepper press or a typed value left behind: the same change as submitting the form with that quantity. */
  const setQuantity = (quantity: number) => {
    if (!quantityForm.current) return;
    const formData = new FormData(quantityForm.current);
    formData.set('quantity', String(quantity));
    setDraft(String(quantity));
    commitQuantity(formData);
  };

  const submitRemove = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    setFeedback(null);
    startRemove(async () => {
      onChange({ type: 'remove', lineId: line.id });
      const result = await removeCartLineAction(formData);
      startRemove(() => {
        onSettled(result);
        if (result.ok) onRemoved(t('removed', { item: line.productTitle }));
        else setFeedback({ ok: false, message: result.message });
      });
    });
  };

  const label = line.productTitle;
  const busy = updating || removing;
  const canIncrease = line.maxQuantity > line.quantity;
  // aria-disabled rather than disabled: a button that turns disabled under the keyboard would drop the focus.
  const stepper =
    'inline-flex size-10 items-center justify-center text-lg text-zinc-800 hover:bg-zinc-100 aria-disabled:cursor-not-allowed aria-disabled:text-zinc-400 aria-disabled:hover:bg-transparent';
  return (
    // One grid for every line, so the quantity and total columns line up whatever the title's length.
    <li
      className={`grid gap-x-4 gap-y-2 ${compact ? 'grid-cols-[4rem_1fr] py-3' : 'grid-cols-[5rem_1fr] py-4 sm:grid-cols-[6rem_1fr_11rem_7rem]'}`}
      aria-label={line.productTitle}
    >
      <div className={`${compact ? 'size-16' : 'size-20 sm:size-24'} row-span-2 overflow-hidden rounded bg-zinc-100 sm:row-span-1`}>
        {line.imageUrl ? (
          <Image
            src={line.imageUrl}
            alt={line.imageAlt}
            width={compact ? 64 : 96}
            height={compact ? 64 : 96}
            loading={eagerImage ? 'eager' : 'lazy'}
            fetchPriority={eagerImage ? 'high' : undefined}
            className="h-full w-full object-cover"
          />
        ) : null}
      </div>
      <div className="min-w-0">
        <Heading className="font-medium wrap-anywhere">
          <Link href={`/products/${line.productSlug}`} className="hover:underline">
            {line.productTitle}
          </Link>
        </Heading>
        <p className="text-sm text-zinc-600">{line.variantTitle}</p>
        <Price className="text-sm" amountCents={line.unitPriceCents} currency={currency} />
        {line.discountCents > 0 && line.problem === null ? (
          <p className="text-sm text-green-800">
            Promotion: −{formatMoney(money(line.discountCents, currency))}
          </p>
        ) : null}
        {line.problem === 'unavailable' ? (
          <p className="text-sm text-red-700">{t('noLongerAvailable')}</p>
        ) : line.problem === 'insufficient_stock' ? (
          <p className="text-sm text-red-700">{t('onlyLeftLower', { count: line.maxQuantity })}</p>
        ) : null}
      </div>
      <div className={`col-start-2 flex flex-wrap items-start justify-between gap-x-4 gap-y-2 ${compact ? '' : 'sm:col-start-3 sm:col-span-2 sm:grid sm:grid-cols-[11rem_7rem] sm:gap-x-4'}`}>
        <div className="flex flex-col gap-1">
          <form ref={quantityForm} action={updateAction} onSubmit={submitQuantity} className="flex items-end gap-2" noValidate>
            <input type="hidden" name="lineId" value={line.id} />
            <div>
              <label htmlFor={inputId} className={hydrated ? 'sr-only' : 'block text-xs font-medium text-zinc-700'}>
                {t('quantity')}<span className="sr-only">{t('quantityOf', { item: label })}</span>
              </label>
              <div className={hydrated ? 'inline-flex items-center rounded-md border border-zinc-300' : ''} aria-busy={updating || undefined}>
                {hydrated ? (
                  <button
                    type="button"
                    className={`${stepper} rounded-l-md`}
                    onClick={() => {
                      if (!busy && line.quantity > 1) setQuantity(line.quantity - 1);
                    }}
                    aria-disabled={busy || line.quantity <= 1}
                    aria-label={t('decrease', { item: label })}
                  >
                    <span aria-hidden="true">−</span>
                  </button>
                ) : null}
                <input
                  id={inputId}
                  name="quantity"
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={Math.max(1, line.maxQuantity)}
                  step={1}
                  value={draft}
                  onChange={(event) => setDraft(event.target.value)}
                  // A typed quantity is saved when the shopper moves on (Enter submits the form).
                  onBlur={() => {
                    if (hydrated && draft !== String(line.quantity) && draft.trim() !== '') setQuantity(Number(draft));
                  }}
                  required
                  aria-invalid={quantityErrors ? true : undefined}
                  aria-describedby={quantityErrors ? errorId : undefined}
                  className={
                    hydrated
                      ? 'h-10 w-12 border-x border-zinc-300 text-center [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none'
                      : 'w-20 rounded-md border border-zinc-300 px-2 py-1'
                  }
                />
                {hydrated ? (
                  <button
                    type="button"
                    className={`${stepper} rounded-r-md`}
                    onClick={() => {
                      if (!busy && canIncrease) setQuantity(line.quantity + 1);
                    }}
                    aria-disabled={busy || !canIncrease}
                    aria-label={t('increase', { item: label })}
                  >
                    <span aria-hidden="true">+</span>
                  </button>
                ) : null}
              </div>
            </div>
            {hydrated ? null : (
              <SubmitButton variant="secondary" pendingLabel={t('updating')} pending={updating}>
                {t('update')}<span className="sr-only"> {label}</span>
              </SubmitButton>
            )}
          </form>
          {hydrated && updating ? (
            <p className="text-xs text-zinc-600" aria-hidden="true">
              {t('updating')}
            </p>
          ) : null}
          {hydrated && !canIncrease && line.maxQuantity > 0 && !updating ? (
            <p className="text-xs text-zinc-600">{t('mostYouCanAdd', { count: line.maxQuantity })}</p>
          ) : null}
          {/* Announced (role=alert) and tied to the field (aria-describedby). */}
          {quantityErrors ? <FormMessage id={errorId} status="error" message={quantityErrors.join(' ')} /> : null}
          {current?.ok && !updating ? <FormMessage status="success" message={current.message} /> : null}
          <form action={removeAction} onSubmit={submitRemove}>
            <input type="hidden" name="lineId" value={line.id} />
            <SubmitButton variant="link" pendingLabel={t('removing')} pending={removing}>
              {t('remove')}<span className="sr-only"> {label}</span>
            </SubmitButton>
          </form>
          {current && !current.ok && !quantityErrors ? <FormMessage status="error" message={current.message} /> : null}
        </div>
        <div className="text-right">
          <span className="sr-only">{t('lineTotal')}</span>
          <Price amountCents={line.lineTotalCents} currency={currency} />
        </div>
      </div>
    </li>
  );
}
