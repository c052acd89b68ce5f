import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { recoveryCodes, storeSettings, users } from '@/db/schema';
import { actorFor, auditRowsFor, createPerson } from '@/lib/admin/testing/people';
import { hashPassword } from '@/lib/auth/password';
import { authenticateCredentials, endAllSessions, resolveTicketUser } from '@/lib/auth/service';
import {
  confirmTotpEnrollment,
  disableTwoFactor,
  getTwoFactorStatus,
  mustEnrollTwoFactor,
  regenerateRecoveryCodes,
  startTotpEnrollment,
  verifySecondFactor,
} from '@/lib/auth/two-factor';
import { issueSignInTicket, readSignInTicket } from '@/lib/auth/two-factor-crypto';

afterAll(() => closeConnection());

const codeAt = (secret: string, timestamp: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp });

// A fixed clock in the middle of a 30-second step, so "the next step" is unambiguous.
const T0 = Math.floor(Date.now() / 30_000) * 30_000 + 15_000;

async function enrolled(role: 'staff' | 'admin' = 'staff') {
  const person = await createPerson(role);
  const secret = await startTotpEnrollment(person.id);
  const codes = await confirmTotpEnrollment(actorFor(person), codeAt(secret, T0), db, T0);
  return { person, secret, codes };
}

describe('two-factor authentication', () => {
  it('keeps the secret encrypted at rest and turns on only after a correct code', async () => {
    const person = await createPerson('staff');
    const secret = await startTotpEnrollment(person.id);
    const [row] = await db.select({ stored: users.totpSecretEncrypted, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, person.id));
    expect(row!.stored).toMatch(/^v1\./);
    expect(row!.stored).not.toContain(secret);
    expect(row!.enabledAt).toBeNull();
    expect(await getTwoFactorStatus(person.id)).toMatchObject({ enabled: false, pendingSecret: secret });

    await expect(confirmTotpEnrollment(actorFor(person), '000000', db, T0)).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { code: [expect.any(String)] } });
    expect((await getTwoFactorStatus(person.id)).enabled).toBe(false);

    const codes = await confirmTotpEnrollment(actorFor(person), codeAt(secret, T0), db, T0);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await getTwoFactorStatus(person.id)).toMatchObject({ enabled: true, pendingSecret: null, recoveryCodesLeft: 10 });
    // Only hashes are stored.
    const stored = await db.select({ hash: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, person.id));
    expect(stored.map((r) => r.hash)).not.toContain(codes[0]);
    expect(await auditRowsFor(person.id, 'security.two_factor_enable')).toHaveLength(1);
  });

  it('accepts a current code once: the same code (or an older one) is refused afterwards', async () => {
    const { person, secret } = await enrolled();
    const next = T0 + 30_000;
    // The enrollment code's step is spent already.
    expect(await verifySecondFactor(person.id, codeAt(secret, T0), db, T0)).toBe(false);
    expect(await verifySecondFactor(person.id, codeAt(secret, next), db, next)).toBe(true);
    expect(await verifySecondFactor(person.id, codeAt(secret, next), db, next)).toBe(false);
    // One step of drift is tolerated, but only forwards from the last accepted step.
    expect(await verifySecondFactor(person.id, codeAt(secret, next + 30_000), db, next)).toBe(true);
    expect(await verifySecondFactor(person.id, codeAt(secret, next), db, next + 30_000)).toBe(false);
  });

  it('takes each recovery code once, and they all die when new ones are made', async () => {
    const { person, secret, codes } = await enrolled();
    expect(await verifySecondFactor(person.id, codes[0]!.toUpperCase())).toBe(true);
    expect(await verifySecondFactor(person.id, codes[0]!)).toBe(false);
    expect((await getTwoFactorStatus(person.id)).recoveryCodesLeft).toBe(9);
    // Someone else's code does not work for this account.
    const other = await enrolled();
    expect(await verifySecondFactor(person.id, other.codes[0]!)).toBe(false);

    const later = T0 + 60_000;
    const fresh = await regenerateRecoveryCodes(actorFor(person), codeAt(secret, later), db, later);
    expect(await verifySecondFactor(person.id, codes[1]!)).toBe(false);
    expect(await verifySecondFactor(person.id, fresh[0]!)).toBe(true);
    await expect(regenerateRecoveryCodes(actorFor(person), 'wrong-code', db, later)).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('turns off only with a valid code, and not for admins while the store requires it', async () => {
    const { person, secret, codes } = await enrolled('admin');
    await db.update(storeSettings).set({ requireAdminTwoFactor: true }).where(eq(storeSettings.id, 1));
    try {
      const actor = { ...actorFor(person), user: { ...actorFor(person).user, role: 'admin' as const } };
      await expect(disableTwoFactor(actor, codes[0]!)).rejects.toMatchObject({ code: 'conflict' });
      // The refused disable spent nothing: the recovery code is still unused, two-factor still on.
      expect(await getTwoFactorStatus(person.id)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });

      const plain = await createPerson('admin');
      expect(await mustEnrollTwoFactor({ id: plain.id, role: 'admin' })).toBe(true);
      expect(await mustEnrollTwoFactor({ id: person.id, role: 'admin' })).toBe(false);
      expect(await mustEnrollTwoFactor({ id: plain.id, role: 'staff' })).toBe(false);
    } finally {
      await db.update(storeSettings).set({ requireAdminTwoFactor: false }).where(eq(storeSettings.id, 1));
    }
    const later = T0 + 90_000;
    const staffActor = { ...actorFor(person), user: { ...actorFor(person).user, role: 'admin' as const } };
    await disableTwoFactor(staffActor, codeAt(secret, later), db, later);
    expect(await getTwoFactorStatus(person.id)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
    expect(await auditRowsFor(person.id, 'security.two_factor_disable')).toHaveLength(1);
  });

  it('flags two-factor accounts at the password step and signs tickets that cannot be forged or outlive a session change', async () => {
    const { person } = await enrolled();
    await db.update(users).set({ passwordHash: await hashPassword('two factor password') }).where(eq(users.id, person.id));
    expect(await authenticateCredentials(person.email, 'two factor password')).toMatchObject({ id: person.id, twoFactorEnabled: true });

    const ticket = issueSignInTicket({ userId: person.id, sessionVersion: 1 });
    expect(readSignInTicket(ticket)).toEqual({ userId: person.id, sessionVersion: 1 });
    const [payload, mac] = ticket.split('.');
    const forged = `${Buffer.from(JSON.stringify({ u: person.id, v: 1, e: Date.now() + 3_600_000 })).toString('base64url')}.${mac}`;
    expect(readSignInTicket(forged)).toBeNull();
    expect(readSignInTicket(`${payload}.x${mac!.slice(1)}`)).toBeNull();
    expect(readSignInTicket(ticket, Date.now() + 6 * 60_000)).toBeNull();
    // A password change, disable or demotion in between voids the ticket.
    expect(await resolveTicketUser(person.id, 1)).toMatchObject({ id: person.id, twoFactorEnabled: true });
    await endAllSessions(person.id);
    expect(await resolveTicketUser(person.id, 1)).toBeNull();
  });
});
