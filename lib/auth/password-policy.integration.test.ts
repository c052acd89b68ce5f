import { and, desc, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { emailMessages, users } from '@/db/schema';
import { createStaffSchema } from '@/lib/auth/staff/schemas';
import { createStaffMember } from '@/lib/auth/staff/service';
import { actorFor, createPerson } from '@/lib/admin/testing/people';
import { authenticateCredentials, changePassword, registerUser, requestPasswordReset, resetPassword } from './service';

// Issue 14, finding 5: `password`, `12345678` and `Password123!` were accepted as new passwords. Every way a new
// password enters the store — registration, reset link, change, staff creation — now refuses weak ones with the
// reason under the password field.

afterAll(() => closeConnection());

const WEAK = ['password', '12345678', 'Password123!'];
const STRONG = 'violet harbour tangent 91';
const refusal = { code: 'validation_failed', fieldErrors: { password: [expect.stringMatching(/too easy to guess/)] } };

let n = 0;
const uniqueEmail = () => `policy-${Date.now().toString(36)}-${(n += 1)}@example.com`;

async function resetToken(address: string): Promise<string> {
  const [row] = await db
    .select({ text: emailMessages.textBody })
    .from(emailMessages)
    .where(and(eq(emailMessages.toAddress, address), eq(emailMessages.template, 'password_reset')))
    .orderBy(desc(emailMessages.createdAt))
    .limit(1);
  return /token=([A-Za-z0-9_-]+)/.exec(row!.text)![1]!;
}

describe('weak new passwords are refused everywhere, with the reason', () => {
  it('registration: refused, and no account is created', async () => {
    for (const password of WEAK) {
      const email = uniqueEmail();
      await expect(registerUser({ name: 'Weak', email, password })).rejects.toMatchObject(refusal);
      expect(await db.select({ id: users.id }).from(users).where(eq(users.email, email))).toHaveLength(0);
    }
    // A password built from the person's own name and email is weak for them.
    await expect(registerUser({ name: 'Marguerite Quinnell', email: `marguerite.quinnell.${n}@example.com`, password: `marguerite.quinnell.${n}` })).rejects.toMatchObject(refusal);
  });

  it('reset link: refused without spending the link, which then takes a strong password', async () => {
    const email = uniqueEmail();
    await registerUser({ name: 'Reset', email, password: STRONG });
    await requestPasswordReset(email);
    const token = await resetToken(email);
    for (const password of WEAK) await expect(resetPassword(token, password)).rejects.toMatchObject(refusal);
    await resetPassword(token, 'copper lantern meadow 47');
    expect(await authenticateCredentials(email, 'copper lantern meadow 47')).not.toBeNull();
  });

  it('change: refused, the old password still works', async () => {
    const email = uniqueEmail();
    await registerUser({ name: 'Change', email, password: STRONG });
    const user = (await authenticateCredentials(email, STRONG))!;
    for (const password of WEAK) await expect(changePassword(user.id, STRONG, password)).rejects.toMatchObject(refusal);
    expect(await authenticateCredentials(email, STRONG)).not.toBeNull();
  });

  it('staff creation with an initial password: refused, nobody created', async () => {
    const admin = await createPerson('admin');
    for (const password of WEAK) {
      const input = createStaffSchema.parse({ email: uniqueEmail(), name: 'New Staff', role: 'staff', password });
      await expect(createStaffMember(actorFor(admin), input)).rejects.toMatchObject(refusal);
      expect(await db.select({ id: users.id }).from(users).where(eq(users.email, input.email))).toHaveLength(0);
    }
  });
});
