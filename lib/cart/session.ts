import 'server-only';
import { cookies } from 'next/headers';
import { getSessionUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import type { CartRef } from './types';

// The guest cart cookie: an opaque random token, httpOnly and SameSite=Lax; the database keeps only its SHA-256.

export const CART_COOKIE = 'sf_cart';
const CART_COOKIE_MAX_AGE_S = 60 * 24 * 3600;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function parseCartToken(value: string | null | undefined): string | null {
  return value && TOKEN_SHAPE.test(value) ? value : null;
}

export async function readCartToken(): Promise<string | null> {
  return parseCartToken((await cookies()).get(CART_COOKIE)?.value);
}

// Secure whenever the site is served over HTTPS; a plain-http local run (dev, e2e) still gets its cookie.
export function cartCookieOptions() {
  return { httpOnly: true, sameSite: 'lax' as const, secure: env.SITE_URL.startsWith('https:'), path: '/', maxAge: CART_COOKIE_MAX_AGE_S };
}

export async function writeCartToken(token: string): Promise<void> {
  (await cookies()).set(CART_COOKIE, token, cartCookieOptions());
}

export async function clearCartToken(): Promise<void> {
  (await cookies()).delete(CART_COOKIE);
}

/** The cart this request refers to: the signed-in user's, else the guest cookie's. */
export async function currentCartRef(): Promise<CartRef> {
  const user = await getSessionUser();
  return { userId: user?.id ?? null, token: user ? null : await readCartToken() };
}
