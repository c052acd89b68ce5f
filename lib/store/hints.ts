import 'server-only';
import { cookies } from 'next/headers';
import type { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { CART_HINT_COOKIE, SESSION_HINT_COOKIE } from './hint-names';

// Writing the header's hint cookies (see hint-names.ts) wherever the cart or the session changes: in server actions
// through next/headers, in route handlers on their response.

const MAX_AGE_S = 60 * 24 * 3600;

function options() {
  // Readable by the page's script (that is their purpose); Lax and Secure like the cookies they mirror.
  return { httpOnly: false, sameSite: 'lax' as const, secure: env.SITE_URL.startsWith('https:'), path: '/', maxAge: MAX_AGE_S };
}

/** The cart now holds `items` units (null: this browser has no cart any more). */
export async function writeCartHint(items: number | null): Promise<void> {
  const jar = await cookies();
  if (items === null) jar.delete(CART_HINT_COOKIE);
  else jar.set(CART_HINT_COOKIE, String(items), options());
}

export function withCartHint(response: NextResponse, items: number): NextResponse {
  response.cookies.set(CART_HINT_COOKIE, String(items), options());
  return response;
}

export async function writeSessionHint(signedIn: boolean): Promise<void> {
  const jar = await cookies();
  if (signedIn) jar.set(SESSION_HINT_COOKIE, '1', options());
  else jar.delete(SESSION_HINT_COOKIE);
}
