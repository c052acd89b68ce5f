'use server';

import { refresh } from 'next/cache';
import { publicAction } from '@/lib/auth/guards';
import { z } from 'zod';
import { addToCartFormToInput, addToCartSchema, removeLineSchema, updateLineSchema } from './schemas';
import { addCartLine, removeCartLine, updateCartLine } from './service';
import { getShopperMarket } from '@/lib/markets/context';
import { writeCartHint } from '@/lib/store/hints';
import { addToCartLimits } from './limits';
import { currentCartRef, writeCartToken } from './session';
import type { CartView } from './types';

// Each action answers with the cart as the server priced it (a CartView carries no secrets: no token, no user id):
// the product page opens the drawer on it, the cart editors reconcile their optimistic view with it. Without
// JavaScript the same actions are the forms' targets and the page re-renders.

export type AddedToCart = { cart: CartView; productTitle: string | null };

export const addToCartAction = publicAction(
  z.preprocess(addToCartFormToInput, addToCartSchema),
  async (input): Promise<AddedToCart> => {
    // Added at the price the shopper saw: in their market (a cart made elsewhere moves to it).
    const result = await addCartLine(await currentCartRef(), input, undefined, await getShopperMarket());
    // The cookie is set only once the cart exists: a refused first add leaves no cart and no cookie behind.
    if (result.newToken) await writeCartToken(result.newToken);
    await writeCartHint(result.cart.itemCount);
    refresh();
    const line = result.cart.lines.find((l) => l.variantId === input.variantId);
    return { cart: result.cart, productTitle: line?.productTitle ?? null };
  },
  {
    rateLimit: addToCartLimits,
    successMessage: ({ productTitle }) => `Added to your cart${productTitle ? `: ${productTitle}` : ''}.`,
  },
);

/** The header's count follows every change (lib/store/hints.ts). */
async function changed(cart: CartView): Promise<CartView> {
  await writeCartHint(cart.itemCount);
  refresh();
  return cart;
}

export const updateCartLineAction = publicAction(
  updateLineSchema,
  async (input) => changed(await updateCartLine(await currentCartRef(), input)),
  { successMessage: 'Quantity updated.' },
);

export const removeCartLineAction = publicAction(
  removeLineSchema,
  async (input) => changed(await removeCartLine(await currentCartRef(), input.lineId)),
  { successMessage: 'Item removed.' },
);
