import 'server-only';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { authSecret } from './secret';

// Keys for two-factor material, all derived from AUTH_SECRET with HKDF under distinct labels, so one secret in the
// environment serves sessions, TOTP encryption and sign-in tickets without one use weakening another.
// Rotating AUTH_SECRET therefore makes stored TOTP secrets unreadable: staff re-enroll (documented in the report).

function deriveKey(label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret(), 'storefront-two-factor', label, 32));
}

let totpKey: Buffer | undefined;
let ticketKey: Buffer | undefined;

/** AES-256-GCM: "v1.<iv>.<tag>.<ciphertext>", base64url parts. The user id is bound as associated data. */
export function encryptTotpSecret(secret: string, userId: string): string {
  totpKey ??= deriveKey('totp-secret-v1');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', totpKey, iv);
  cipher.setAAD(Buffer.from(userId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

/** Null when the value was not made by encryptTotpSecret for this user with this AUTH_SECRET. */
export function decryptTotpSecret(stored: string, userId: string): string | null {
  totpKey ??= deriveKey('totp-secret-v1');
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !ciphertext) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', totpKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(userId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export const SIGN_IN_TICKET_TTL_MS = 5 * 60 * 1000;

export type SignInTicket = { userId: string; sessionVersion: number };

function signTicket(payload: string): string {
  ticketKey ??= deriveKey('sign-in-ticket-v1');
  return createHmac('sha256', ticketKey).update(payload).digest('base64url');
}

/**
 * Proof that a password was checked moments ago, carried from the password step to the code step of sign-in so the
 * password is neither sent twice nor kept in the page. It alone never makes a session: the provider still wants a
 * current TOTP or recovery code for an account with two-factor on, and a stale sessionVersion voids it.
 */
export function issueSignInTicket(ticket: SignInTicket, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ u: ticket.userId, v: ticket.sessionVersion, e: now + SIGN_IN_TICKET_TTL_MS })).toString('base64url');
  return `${payload}.${signTicket(payload)}`;
}

export function readSignInTicket(value: string, now = Date.now()): SignInTicket | null {
  const [payload, mac] = value.split('.');
  if (!payload || !mac) return null;
  const expected = Buffer.from(signTicket(payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { u?: unknown; v?: unknown; e?: unknown };
    if (typeof data.u !== 'string' || typeof data.v !== 'number' || typeof data.e !== 'number' || data.e < now) return null;
    return { userId: data.u, sessionVersion: data.v };
  } catch {
    return null;
  }
}
