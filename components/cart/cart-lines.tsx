'use client';

import Image from 'next/image';
import Link from 'next/link';
import { type FormEvent, useActionState, useOptimistic, useState, useTransition } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { Price } from '@/components/ui/price';
import { SubmitButton } from '@/components/ui/submit-button';
import { removeCartLineAction, updateCartLineAction } from '@/lib/cart/actions';
import type { CartLineView, CartView } from '@/lib/cart/types';
import type { ActionResult, ActionState } from '@/lib/http/action';

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
  };
}

type Props = {
  cart: CartView;
  /** "page" is /cart; "drawer" is the compact list in the cart drawer. */
  variant: 'page' | 'drawer';
  /** Heading level of each line's title (below the surrounding heading). */
  lineHeadingLevel?: 2 | 3;
};

/**
 * The lines of a cart with their quantity and remove controls, and the subtotal. Every change shows at once
 * (useOptimistic inside a transition), then the server's re-priced cart replaces the guess; a refused change rolls
 * back by itself when the transition ends, and the server's message is shown under the line.
 * Without JavaScript each control is a plain form posting to its server action, as before.
 */
export function CartLines({ cart: serverCart, variant, lineHeadingLevel = 2 }: Props) {
  const [cart, setCart] = useState(serverCart);
  // A new cart from the server (a page refresh, another add) replaces ours.
  const [lastServerCart, setLastServerCart] = useState(serverCart);
  if (serverCart !== lastServerCart) {
    setLastServerCart(serverCart);
    setCart(serverCart);
  }
  const [optimisticCart, applyOptimistic] = useOptimistic(cart, applyChange);
  const [announcement, setAnnouncement] = useState('');
  const itemsLabel = `${optimisticCart.itemCount} ${optimisticCart.itemCount === 1 ? 'item' : 'items'}`;

  const settle = (result: CartChangeResult) => {
    if (result.ok) setCart(result.data);
  };

  if (optimisticCart.lines.length === 0) {
    return (
      <div>
        <p className="text-zinc-600">Your cart is empty.</p>
        <p role="status" className="sr-only">
          {announcement}
        </p>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <ul aria-label="Cart items" className="divide-y divide-zinc-200 border-y border-zinc-200">
        {optimisticCart.lines.map((line, index) => (
          <CartLineRow
            key={line.id}
            line={line}
            // On the cart page the first line's image is the largest thing in view: fetched first, not lazily.
            eagerImage={variant === 'page' && index === 0}
            currency={optimisticCart.currency}
            compact={variant === 'drawer'}
            headingLevel={lineHeadingLevel}
            onChange={applyOptimistic}
            onSettled={settle}
            onRemoved={(message) => setAnnouncement(message)}
          />
        ))}
      </ul>
      <div className={`flex flex-col gap-3 ${variant === 'page' ? 'items-end' : ''}`}>
        <div className={`flex gap-2 ${variant === 'page' ? 'text-lg' : ''}`} data-testid="cart-subtotal">
          <span>Subtotal ({itemsLabel}):</span>
          <Price amountCents={optimisticCart.subtotalCents} currency={optimisticCart.currency} />
        </div>
        <p role="status" className="sr-only">
          {announcement}
        </p>
        {variant === 'page' ? <p className="text-sm text-zinc-600">Shipping and taxes are calculated at checkout.</p> : null}
        {optimisticCart.hasProblems ? (
          <p role="alert" className="text-sm text-red-700">
            Some items need your attention before you can check out.
          </p>
        ) : variant === 'page' ? (
          <Link href="/checkout" className="rounded-md bg-brand-600 px-6 py-3 font-semibold text-white hover:bg-brand-700">
            Check out
          </Link>
        ) : null}
      </div>
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
  // The field shows what the shopper typed until the line's quantity changes (optimistically, by the server, or
  // back again on a rollback); then it shows that.
  const [draft, setDraft] = useState(String(line.quantity));
  const [shownQuantity, setShownQuantity] = useState(line.quantity);
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

  const submitQuantity = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
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

  const submitRemove = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    setFeedback(null);
    startRemove(async () => {
      onChange({ type: 'remove', lineId: line.id });
      const result = await removeCartLineAction(formData);
      startRemove(() => {
        onSettled(result);
        if (result.ok) onRemoved(`${line.productTitle} removed.`);
        else setFeedback({ ok: false, message: result.message });
      });
    });
  };

  return (
    <li className={`flex gap-4 ${compact ? 'py-3' : 'py-4'}`} aria-label={line.productTitle}>
      <div className={`${compact ? 'h-16 w-16' : 'h-24 w-24'} shrink-0 overflow-hidden rounded bg-zinc-100`}>
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
      <div className="flex flex-1 flex-wrap justify-between gap-4">
        <div>
          <Heading className="font-medium">
            <Link href={`/products/${line.productSlug}`} className="hover:underline">
              {line.productTitle}
            </Link>
          </Heading>
          <p className="text-sm text-zinc-600">{line.variantTitle}</p>
          <Price className="text-sm" amountCents={line.unitPriceCents} currency={currency} />
          {line.problem === 'unavailable' ? (
            <p className="text-sm text-red-700">No longer available — please remove it.</p>
          ) : line.problem === 'insufficient_stock' ? (
            <p className="text-sm text-red-700">Only {line.maxQuantity} left — please lower the quantity.</p>
          ) : null}
        </div>
        <div className="flex flex-col gap-2">
          <form action={updateAction} onSubmit={submitQuantity} className="flex items-end gap-2" noValidate>
            <input type="hidden" name="lineId" value={line.id} />
            <div>
              <label htmlFor={inputId} className="block text-xs font-medium text-zinc-700">
                Quantity<span className="sr-only"> of {line.productTitle}</span>
              </label>
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
                required
                aria-invalid={quantityErrors ? true : undefined}
                aria-describedby={quantityErrors ? errorId : undefined}
                className="w-20 rounded-md border border-zinc-300 px-2 py-1"
              />
            </div>
            <SubmitButton variant="secondary" pendingLabel="Updating…" pending={updating}>
              Update<span className="sr-only"> {line.productTitle}</span>
            </SubmitButton>
          </form>
          {/* Announced (role=alert) and tied to the field (aria-describedby). */}
          {quantityErrors ? <FormMessage id={errorId} status="error" message={quantityErrors.join(' ')} /> : null}
          {current?.ok && !updating ? <FormMessage status="success" message={current.message} /> : null}
          <form action={removeAction} onSubmit={submitRemove}>
            <input type="hidden" name="lineId" value={line.id} />
            <SubmitButton variant="link" pendingLabel="Removing…" pending={removing}>
              Remove<span className="sr-only"> {line.productTitle}</span>
            </SubmitButton>
          </form>
          {current && !current.ok && !quantityErrors ? <FormMessage status="error" message={current.message} /> : null}
        </div>
        <div className="text-right">
          <span className="sr-only">Line total</span>
          <Price amountCents={line.lineTotalCents} currency={currency} />
        </div>
      </div>
    </li>
  );
}
