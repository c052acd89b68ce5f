'use server';

import { refresh } from 'next/cache';
import { publicAction } from '@/lib/http/action';
import { RATE_LIMITS } from '@/lib/rate-limit';
import { addToCartSchema, removeLineSchema, updateLineSchema } from './schemas';
import { addCartLine, removeCartLine, updateCartLine } from './service';
import { writeCartHint } from '@/lib/store/hints';
import { currentCartRef, writeCartToken } from './session';
import type { CartView } from './types';

export type AddToCartState =
  | { status: 'idle' }
  | { status: 'added'; message: string; cartQuantity: number; cart: CartView }
  | { status: 'error'; message: string; fieldErrors?: Record<string, string[]> };

export type CartLineState =
  | { status: 'idle' }
  | { status: 'saved'; message: string }
  | { status: 'error'; message: string; fieldErrors?: Record<string, string[]> };

const addToCart = publicAction(addToCartSchema, async (input) => {
  const result = await addCartLine(await currentCartRef(), input);
  // The cookie is set only once the cart exists: a refused first add leaves no cart and no cookie behind.
  if (result.newToken) await writeCartToken(result.newToken);
  await writeCartHint(result.cart.itemCount);
  return result;
}, { rateLimit: (_input, { ip }) => [[RATE_LIMITS.addToCartPerClient, `ip:${ip}`]] });

/** The header's count follows every change (lib/store/hints.ts). */
async function hinted(cart: CartView): Promise<CartView> {
  await writeCartHint(cart.itemCount);
  return cart;
}

const updateLine = publicAction(updateLineSchema, async (input) => hinted(await updateCartLine(await currentCartRef(), input)));
const removeLine = publicAction(removeLineSchema, async (input) => hinted(await removeCartLine(await currentCartRef(), input.lineId)));

export async function addToCartAction(_prev: AddToCartState, formData: FormData): Promise<AddToCartState> {
  const result = await addToCart(formData);
  if (!result.ok) return { status: 'error', message: result.message, fieldErrors: result.fieldErrors };
  refresh();
  const { cart, quantityInCart } = result.data;
  const line = cart.lines.find((l) => l.quantity === quantityInCart && l.variantId === formData.get('variantId'));
  return {
    status: 'added',
    message: `Added to your cart${line ? `: ${line.productTitle}` : ''}.`,
    cartQuantity: cart.itemCount,
    // The drawer shows the cart as the server priced it; a CartView carries no secrets (no token, no user id).
    cart,
  };
}

export async function updateCartLineAction(_prev: CartLineState, formData: FormData): Promise<CartLineState> {
  const result = await updateLine(formData);
  if (!result.ok) return { status: 'error', message: result.message, fieldErrors: result.fieldErrors };
  refresh();
  return { status: 'saved', message: 'Quantity updated.' };
}

export async function removeCartLineAction(_prev: CartLineState, formData: FormData): Promise<CartLineState> {
  const result = await removeLine(formData);
  if (!result.ok) return { status: 'error', message: result.message, fieldErrors: result.fieldErrors };
  refresh();
  return { status: 'saved', message: 'Item removed.' };
}

/** What the optimistic cart editors (drawer and /cart with JavaScript) get back: the server's cart, or why not. */
export type CartChangeResult =
  | { ok: true; cart: CartView; message: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

// With JavaScript the cart editors call these directly (the forms' own actions above are the no-JavaScript path):
// the same wrapper, schema and service, but the answer carries the re-priced cart to reconcile the optimistic view.
export async function changeCartLineAction(formData: FormData): Promise<CartChangeResult> {
  const result = await updateLine(formData);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  refresh();
  return { ok: true, cart: result.data, message: 'Quantity updated.' };
}

export async function removeCartLineNowAction(formData: FormData): Promise<CartChangeResult> {
  const result = await removeLine(formData);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: result.fieldErrors };
  refresh();
  return { ok: true, cart: result.data, message: 'Item removed.' };
}
