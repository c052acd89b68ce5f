import { and, desc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { emailMessages, users } from '@/db/schema';
import { setCustomerStatus } from '@/lib/customers/service';
import { changeStaffRole, setStaffStatus } from '@/lib/auth/staff/service';
import { actorFor, createPerson } from '@/lib/admin/testing/people';
import { authenticateCredentials, changePassword, registerUser, requestPasswordReset, resetPassword, sendVerificationEmail, verifyEmail } from './service';

// Issue 14, findings 3 and 4: emailed links (password reset, email verification) must not outlive what should end
// them — a password change, a newer link, disabling the account, a role change. Each test takes a link out of the
// email the store actually wrote, then does the thing, then tries the link.

afterAll(() => closeConnection());

const OLD_PASSWORD = 'violet harbour tangent 91';
const NEW_PASSWORD = 'copper lantern meadow 47';
const LINK_PASSWORD = 'glacier orchid whistle 63';

let n = 0;
const uniqueEmail = () => `tokens-${Date.now().toString(36)}-${(n += 1)}@example.com`;

async function linkTokenIn(address: string, template: string): Promise<string> {
  const [row] = await db
    .select({ text: emailMessages.textBody })
    .from(emailMessages)
    .where(and(eq(emailMessages.toAddress, address), eq(emailMessages.template, template)))
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
    .limit(1);
  const match = row ? /token=([A-Za-z0-9_-]+)/.exec(row.text) : null;
  if (!match) throw new Error(`no ${template} link mailed to ${address}`);
  return match[1]!;
}

async function customer() {
  const email = uniqueEmail();
  await registerUser({ name: 'Token Test', email, password: OLD_PASSWORD });
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return { id: row!.id, email };
}

const invalidLink = { code: 'bad_request' };

describe('emailed links die with what should end them', () => {
  it('a reset link asked for before a password change no longer works, and its password never signs in (finding 3)', async () => {
    const { id, email } = await customer();
    await requestPasswordReset(email);
    const token = await linkTokenIn(email, 'password_reset');
    await changePassword(id, OLD_PASSWORD, NEW_PASSWORD);
    await expect(resetPassword(token, LINK_PASSWORD)).rejects.toMatchObject(invalidLink);
    expect(await authenticateCredentials(email, LINK_PASSWORD)).toBeNull();
    expect(await authenticateCredentials(email, NEW_PASSWORD)).not.toBeNull();
  });

  it('the verification link dies with a password change too', async () => {
    const { id, email } = await customer();
    const token = await linkTokenIn(email, 'email_verification');
    await changePassword(id, OLD_PASSWORD, NEW_PASSWORD);
    await expect(verifyEmail(token)).rejects.toMatchObject(invalidLink);
  });

  it('asking for a new reset link voids the older one; the newest works once (finding 4)', async () => {
    const { email } = await customer();
    await requestPasswordReset(email);
    const older = await linkTokenIn(email, 'password_reset');
    await requestPasswordReset(email);
    const newer = await linkTokenIn(email, 'password_reset');
    expect(newer).not.toBe(older);
    await expect(resetPassword(older, LINK_PASSWORD)).rejects.toMatchObject(invalidLink);
    await resetPassword(newer, NEW_PASSWORD);
    expect(await authenticateCredentials(email, NEW_PASSWORD)).not.toBeNull();
    await expect(resetPassword(newer, LINK_PASSWORD)).rejects.toMatchObject(invalidLink);
  });

  it('a newer verification link voids the older one', async () => {
    const { id, email } = await customer();
    const older = await linkTokenIn(email, 'email_verification');
    await sendVerificationEmail(id, email);
    const newer = await linkTokenIn(email, 'email_verification');
    await expect(verifyEmail(older)).rejects.toMatchObject(invalidLink);
    await verifyEmail(newer);
  });

  it('disabling a customer voids their links, and re-enabling does not bring them back', async () => {
    const { id, email } = await customer();
    await requestPasswordReset(email);
    const reset = await linkTokenIn(email, 'password_reset');
    const verification = await linkTokenIn(email, 'email_verification');
    const admin = await createPerson('admin');
    await setCustomerStatus(actorFor(admin), id, 'disabled');
    await setCustomerStatus(actorFor(admin), id, 'active');
    await expect(resetPassword(reset, LINK_PASSWORD)).rejects.toMatchObject(invalidLink);
    await expect(verifyEmail(verification)).rejects.toMatchObject(invalidLink);
    expect(await authenticateCredentials(email, OLD_PASSWORD)).not.toBeNull();
  });

  it('disabling a staff member, or changing their role either way, voids their reset link', async () => {
    const admin = await createPerson('admin');
    for (const change of [
      (id: string) => setStaffStatus(actorFor(admin), id, 'disabled'),
      (id: string) => changeStaffRole(actorFor(admin), id, 'admin'),
      (id: string) => changeStaffRole(actorFor(admin), id, 'customer'),
    ]) {
      const member = await createPerson('staff');
      await requestPasswordReset(member.email);
      const token = await linkTokenIn(member.email, 'password_reset');
      await change(member.id);
      await expect(resetPassword(token, LINK_PASSWORD)).rejects.toMatchObject(invalidLink);
    }
  });
});
