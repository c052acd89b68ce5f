import 'server-only';
import { db } from '@/db/client';
import { type OperationLimits, RATE_LIMITS } from '@/lib/rate-limit';
import { CART_TOKEN_HEADER } from './api';
import { findActiveCart } from './service';
import { CART_COOKIE, parseCartToken } from './session';

/**
 * Adding to a cart, from the product page's action and from the Store API alike: per customer when signed in, per
 * cart when the request names one that exists (shoppers behind one NAT do not share a budget), else per address —
 * the request without a cart is the one that mints a cart, so minting carts is bounded per address. A token that
 * names no cart counts as no cart: otherwise random well-formed tokens would each bring a fresh budget. Only a
 * digest of the token becomes a key.
 */
export const addToCartLimits: OperationLimits<unknown> = async (_input, client) => {
  if (client.userId) return [[RATE_LIMITS.addToCartPerClient, `user:${client.userId}`]];
  const token = parseCartToken(client.header(CART_TOKEN_HEADER)) ?? parseCartToken(client.cookie(CART_COOKIE));
  const known = token !== null && (await findActiveCart(db, { token })) !== null;
  return [[RATE_LIMITS.addToCartPerClient, known ? `cart:${token}` : `ip:${client.ip}`]];
};
