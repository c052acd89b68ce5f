import 'server-only';
import type { NextRequest, NextResponse } from 'next/server';
import { CART_COOKIE, cartCookieOptions, parseCartToken } from './session';
import type { CartRef } from './types';

// Store API clients send their cart token in the X-Cart-Token header; a browser using the API may rely on the
// same httpOnly cookie the storefront sets. A signed-in caller (bearer token or session) has the customer's cart,
// whatever token it sends.

export const CART_TOKEN_HEADER = 'x-cart-token';

export function cartRefFromRequest(request: NextRequest, user: { id: string } | null = null): CartRef {
  if (user) return { userId: user.id, token: null };
  const token = parseCartToken(request.headers.get(CART_TOKEN_HEADER)) ?? parseCartToken(request.cookies.get(CART_COOKIE)?.value);
  return { token };
}

export function withCartCookie(response: NextResponse, token: string | null): NextResponse {
  if (token) response.cookies.set(CART_COOKIE, token, cartCookieOptions());
  return response;
}
