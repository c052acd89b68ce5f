import { and, eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { emailMessages, users } from '@/db/schema';
import { actorFor } from '@/lib/admin/testing/people';
import { authenticateCredentials, changeEmail, changePassword, registerUser, requestPasswordReset, resetPassword } from './service';
import { confirmTotpEnrollment, disableTwoFactor, startTotpEnrollment } from './two-factor';

// Issue 14, finding 6: the owner of an account hears about every change to how it is signed into — password reset
// or change, email change (at the old address), two-factor on or off — and nothing is sent for a change that did
// not happen. (Also finding 3 for email changes: links sent to the old address die.)

afterAll(() => closeConnection());

const PASSWORD = 'violet harbour tangent 91';
let n = 0;
const uniqueEmail = () => `notice-${Date.now().toString(36)}-${(n += 1)}@example.com`;

async function mailsTo(address: string, template: string) {
  return db
    .select({ subject: emailMessages.subject, text: emailMessages.textBody })
    .from(emailMessages)
    .where(and(eq(emailMessages.toAddress, address), eq(emailMessages.template, template)));
}

async function customer() {
  const email = uniqueEmail();
  await registerUser({ name: 'Notice Test', email, password: PASSWORD });
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return { id: row!.id, email };
}

const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

describe('security notices', () => {
  it('a password change or reset tells the owner; a refused change tells nobody', async () => {
    const { id, email } = await customer();
    await expect(changePassword(id, PASSWORD, 'password')).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(changePassword(id, 'not my password at all', 'copper lantern meadow 47')).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await mailsTo(email, 'password_changed')).toHaveLength(0);

    await changePassword(id, PASSWORD, 'copper lantern meadow 47');
    const [changed] = await mailsTo(email, 'password_changed');
    expect(changed).toMatchObject({ subject: 'Your password was changed', text: expect.stringContaining('in your account settings') });
    expect(changed!.text).toContain('/account/forgot-password');

    await requestPasswordReset(email);
    const [reset] = await mailsTo(email, 'password_reset');
    await resetPassword(tokenIn(reset!.text), 'glacier orchid whistle 63');
    const notices = await mailsTo(email, 'password_changed');
    expect(notices).toHaveLength(2);
    expect(notices.some((m) => m.text.includes('with a reset link'))).toBe(true);
  });

  it('an email change tells the old address, asks the new one to confirm, and voids links sent to the old one', async () => {
    const { id, email } = await customer();
    await requestPasswordReset(email);
    const [oldLink] = await mailsTo(email, 'password_reset');
    const newEmail = uniqueEmail();

    await expect(changeEmail(id, 'wrong current password', newEmail)).rejects.toMatchObject({ fieldErrors: { currentPassword: [expect.any(String)] } });
    const taken = await customer();
    await expect(changeEmail(id, PASSWORD, taken.email)).rejects.toMatchObject({ fieldErrors: { email: [expect.any(String)] } });
    expect(await mailsTo(email, 'email_changed')).toHaveLength(0);

    await changeEmail(id, PASSWORD, newEmail.toUpperCase());
    const [notice] = await mailsTo(email, 'email_changed');
    expect(notice).toMatchObject({ subject: 'Your email address was changed' });
    expect(await mailsTo(newEmail, 'email_verification')).toHaveLength(1);
    expect(await authenticateCredentials(newEmail, PASSWORD)).toMatchObject({ id });
    expect(await authenticateCredentials(email, PASSWORD)).toBeNull();
    await expect(resetPassword(tokenIn(oldLink!.text), 'glacier orchid whistle 63')).rejects.toMatchObject({ code: 'bad_request' });
  });

  it('two-factor turned on and off: a notice each time', async () => {
    const { id, email } = await customer();
    const person = { id, email };
    const secret = await startTotpEnrollment(id);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
    const now = Date.now();
    await expect(confirmTotpEnrollment(actorFor(person), '000000', db, now)).rejects.toMatchObject({ code: 'validation_failed' });
    expect(await mailsTo(email, 'two_factor_enabled')).toHaveLength(0);
    const codes = await confirmTotpEnrollment(actorFor(person), totp.generate({ timestamp: now }), db, now);
    expect(await mailsTo(email, 'two_factor_enabled')).toHaveLength(1);
    await disableTwoFactor({ ...actorFor(person), user: { ...actorFor(person).user, role: 'customer' } }, codes[0]!);
    const [off] = await mailsTo(email, 'two_factor_disabled');
    expect(off).toMatchObject({ subject: 'Two-factor authentication was turned off' });
  });
});
