import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { cookies } from 'next/headers';
import { authSecret } from '@/lib/auth/secret';
import { env } from '@/lib/env';

// The confirmation page is only for the buyer: placing an order leaves a signed, httpOnly receipt cookie naming it.
// A guest who lost it uses the order lookup (number + email); a customer finds it in their account.

const RECEIPT_COOKIE = 'sf_receipt';

function sign(orderId: string): string {
  return createHmac('sha256', authSecret()).update(`receipt:${orderId}`).digest('base64url');
}

export async function writeReceipt(orderId: string): Promise<void> {
  (await cookies()).set(RECEIPT_COOKIE, `${orderId}.${sign(orderId)}`, {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.SITE_URL.startsWith('https:'),
    path: '/checkout',
    maxAge: 24 * 3600,
  });
}

export async function readReceipt(): Promise<string | null> {
  const value = (await cookies()).get(RECEIPT_COOKIE)?.value;
  if (!value) return null;
  const [orderId, signature] = value.split('.');
  if (!orderId || !signature) return null;
  const expected = Buffer.from(sign(orderId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? orderId : null;
}
