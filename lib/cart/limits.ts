import 'server-only';
import { type OperationLimits, RATE_LIMITS } from '@/lib/rate-limit';
import { CART_TOKEN_HEADER } from './api';
import { CART_COOKIE, parseCartToken } from './session';

/**
 * Adding to a cart, from the product page's action and from the Store API alike: per cart when the request names one
 * (shoppers behind one NAT do not share a budget), else per address — the request without a cart is the one that
 * mints a cart, so minting carts is bounded per address. Only a digest of the token becomes a key.
 */
export const addToCartLimits: OperationLimits<unknown> = (_input, client) => {
  const token = parseCartToken(client.header(CART_TOKEN_HEADER)) ?? parseCartToken(client.cookie(CART_COOKIE));
  return [[RATE_LIMITS.addToCartPerClient, token ? `cart:${token}` : `ip:${client.ip}`]];
};
