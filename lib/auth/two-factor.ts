import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { db, type Executor, type Transaction } from '@/db/client';
import { recoveryCodes, storeSettings, users } from '@/db/schema';
import { recordAudit, type PersonActor } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import { notifyTwoFactorChanged } from './notifications';
import { hashToken } from './service';
import type { SessionUser } from './session-types';
import { decryptTotpSecret, encryptTotpSecret } from './two-factor-crypto';

// Two-factor sign-in for staff: TOTP (RFC 6238, 30 s, 6 digits, SHA-1 — what every authenticator app supports) and
// ten single-use recovery codes. The secret is stored encrypted; codes are stored as SHA-256 hashes (they are random,
// 50 bits each, so a slow hash buys nothing and one lookup by hash keeps consumption a single conditional UPDATE).

export const TOTP_PERIOD_S = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'Storefront';

export type TwoFactorStatus = {
  enabled: boolean;
  enabledAt: Date | null;
  /** Base32 secret of an enrollment started but not yet confirmed with a code. */
  pendingSecret: string | null;
  recoveryCodesLeft: number;
};

function totpFor(secret: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_S, secret: OTPAuth.Secret.fromBase32(secret) });
}

export function otpauthUri(secret: string, email: string): string {
  return totpFor(secret, email).toString();
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** "k7m2p-x9qrt": 10 characters from an alphabet without look-alikes; the dash is only for reading. */
export function generateRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

function isTotpShaped(code: string): boolean {
  return /^\d{6}$/.test(code.replace(/\s/g, ''));
}

export async function getTwoFactorStatus(userId: string, executor: Executor = db): Promise<TwoFactorStatus> {
  const [row] = await executor
    .select({ secret: users.totpSecretEncrypted, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new AppError('not_found', 'No such user.');
  const [left] = await executor
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  const enabled = row.enabledAt !== null;
  return {
    enabled,
    enabledAt: row.enabledAt,
    pendingSecret: !enabled && row.secret ? decryptTotpSecret(row.secret, userId) : null,
    recoveryCodesLeft: enabled ? (left?.n ?? 0) : 0,
  };
}

/** Starts (or restarts) enrollment with a fresh secret. Two-factor stays off until a code confirms the secret. */
export async function startTotpEnrollment(userId: string, executor: Executor = db): Promise<string> {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  const [row] = await executor
    .update(users)
    .set({ totpSecretEncrypted: encryptTotpSecret(secret, userId), totpLastStep: null })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  if (!row) throw new AppError('conflict', 'Two-factor authentication is already on. Turn it off first to set it up again.');
  return secret;
}

async function lockUser(tx: Transaction, userId: string) {
  const [row] = await tx
    .select({ id: users.id, email: users.email, secret: users.totpSecretEncrypted, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  if (!row) throw new AppError('not_found', 'No such user.');
  return row;
}

/**
 * Checks a TOTP code against the user's secret (one step of clock drift either way) and records its time-step, so
 * the same code — or an older one — is refused afterwards. Runs under the user's row lock: two sign-ins racing with
 * one code cannot both pass.
 */
async function acceptTotp(tx: Transaction, user: Awaited<ReturnType<typeof lockUser>>, code: string, now: number): Promise<boolean> {
  if (!user.secret || !isTotpShaped(code)) return false;
  const secret = decryptTotpSecret(user.secret, user.id);
  if (!secret) return false;
  const delta = totpFor(secret, user.email).validate({ token: code.replace(/\s/g, ''), timestamp: now, window: 1 });
  if (delta === null) return false;
  const step = Math.floor(now / 1000 / TOTP_PERIOD_S) + delta;
  if (user.lastStep !== null && step <= user.lastStep) return false;
  await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
  return true;
}

async function consumeRecoveryCode(tx: Transaction, userId: string, code: string): Promise<boolean> {
  const normalised = normaliseRecoveryCode(code);
  if (normalised.length !== 10) return false;
  const [used] = await tx
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashToken(normalised)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return Boolean(used);
}

async function replaceRecoveryCodes(tx: Transaction, userId: string): Promise<string[]> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashToken(normaliseRecoveryCode(code)) })));
  return codes;
}

/**
 * The second factor at sign-in: a current TOTP code (never one already used) or an unused recovery code, which is
 * then spent. False for anything else, including a user without two-factor.
 */
export async function verifySecondFactor(userId: string, code: string, executor: Executor = db, now = Date.now()): Promise<boolean> {
  return executor.transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (!user.enabledAt) return false;
    if (isTotpShaped(code)) return acceptTotp(tx, user, code, now);
    return consumeRecoveryCode(tx, userId, code);
  });
}

function wrongCode(): AppError {
  const message = 'That code is not correct or was already used. Wait for a new code and try again.';
  return new AppError('validation_failed', message, { fieldErrors: { code: [message] } });
}

/** Confirms enrollment with a code from the app; answers the ten recovery codes, shown to the user once. */
export async function confirmTotpEnrollment(actor: PersonActor, code: string, executor: Executor = db, now = Date.now()): Promise<string[]> {
  return executor.transaction(async (tx) => {
    const user = await lockUser(tx, actor.user.id);
    if (user.enabledAt) throw new AppError('conflict', 'Two-factor authentication is already on.');
    if (!user.secret) throw new AppError('conflict', 'Start the setup first.');
    if (!(await acceptTotp(tx, user, code, now))) throw wrongCode();
    await tx.update(users).set({ totpEnabledAt: new Date(now) }).where(eq(users.id, user.id));
    const codes = await replaceRecoveryCodes(tx, user.id);
    await notifyTwoFactorChanged(tx, user.email, true, new Date(now));
    await recordAudit(tx, actor, { action: 'security.two_factor_enable', entityType: 'user', entityId: user.id, before: { twoFactor: false }, after: { twoFactor: true } });
    return codes;
  });
}

/** Any current TOTP code or an unused recovery code proves the person holds the factor. */
async function assertHoldsFactor(tx: Transaction, userId: string, code: string, now: number) {
  const user = await lockUser(tx, userId);
  if (!user.enabledAt) throw new AppError('conflict', 'Two-factor authentication is not on.');
  const ok = isTotpShaped(code) ? await acceptTotp(tx, user, code, now) : await consumeRecoveryCode(tx, userId, code);
  if (!ok) throw wrongCode();
  return user;
}

export async function regenerateRecoveryCodes(actor: PersonActor, code: string, executor: Executor = db, now = Date.now()): Promise<string[]> {
  return executor.transaction(async (tx) => {
    await assertHoldsFactor(tx, actor.user.id, code, now);
    const codes = await replaceRecoveryCodes(tx, actor.user.id);
    await recordAudit(tx, actor, { action: 'security.recovery_codes_regenerate', entityType: 'user', entityId: actor.user.id });
    return codes;
  });
}

export async function disableTwoFactor(actor: PersonActor & { user: Pick<SessionUser, 'role'> }, code: string, executor: Executor = db, now = Date.now()): Promise<void> {
  await executor.transaction(async (tx) => {
    const user = await assertHoldsFactor(tx, actor.user.id, code, now);
    if (actor.user.role === 'admin' && (await isAdminTwoFactorRequired(tx))) {
      throw new AppError('conflict', 'The store requires two-factor authentication for admins, so it cannot be turned off.');
    }
    await tx
      .update(users)
      .set({ totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, actor.user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.user.id));
    await notifyTwoFactorChanged(tx, user.email, false, new Date(now));
    await recordAudit(tx, actor, { action: 'security.two_factor_disable', entityType: 'user', entityId: actor.user.id, before: { twoFactor: true }, after: { twoFactor: false } });
  });
}

export async function isAdminTwoFactorRequired(executor: Executor = db): Promise<boolean> {
  const [row] = await executor.select({ required: storeSettings.requireAdminTwoFactor }).from(storeSettings).where(eq(storeSettings.id, 1));
  return row?.required ?? false;
}

/**
 * True when the store requires two-factor for admins and this user is an admin without it: such a user may only
 * reach /admin/security (pages redirect there, actions refuse) until enrolled.
 */
export async function mustEnrollTwoFactor(user: Pick<SessionUser, 'id' | 'role'>, executor: Executor = db): Promise<boolean> {
  if (user.role !== 'admin') return false;
  const [row] = await executor
    .select({ required: storeSettings.requireAdminTwoFactor, enabledAt: users.totpEnabledAt })
    .from(users)
    .leftJoin(storeSettings, sql`${storeSettings.id} = 1`)
    .where(eq(users.id, user.id));
  return Boolean(row?.required) && row?.enabledAt === null;
}

export async function hasTwoFactor(userId: string, executor: Executor = db): Promise<boolean> {
  const [row] = await executor.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  return Boolean(row?.enabledAt);
}
