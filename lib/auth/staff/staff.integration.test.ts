import { and, eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeConnection, db } from '@/db/client';
import { auditLog, emailMessages, users } from '@/db/schema';
import { actorFor, auditRowsFor, createPerson } from '@/lib/admin/testing/people';
import { authenticateCredentials, resetPassword, resolveSessionUser } from '@/lib/auth/service';
import { AppError } from '@/lib/errors';
import { createStaffSchema } from './schemas';
import { changeStaffRole, createStaffMember, setStaffStatus } from './service';

// Last-admin protection needs to know every active admin, so the seeded ones are set aside for this file and put
// back afterwards (integration files run one after another on one database).
let setAside: string[] = [];

beforeAll(async () => {
  const rows = await db
    .update(users)
    .set({ status: 'disabled' })
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active')))
    .returning({ id: users.id });
  setAside = rows.map((row) => row.id);
});

afterAll(async () => {
  if (setAside.length > 0) await db.update(users).set({ status: 'active' }).where(inArray(users.id, setAside));
  await closeConnection();
});

async function onlyActiveAdmins(keep: string[]) {
  await db
    .update(users)
    .set({ status: 'disabled' })
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active'), ...keep.map((id) => ne(users.id, id))));
}

describe('staff accounts', () => {
  it('never demotes or disables the last active admin, and says why', async () => {
    const admin = await createPerson('admin');
    await onlyActiveAdmins([admin.id]);
    const actor = actorFor(admin);
    await expect(changeStaffRole(actor, admin.id, 'staff')).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('last active admin') });
    await expect(changeStaffRole(actor, admin.id, 'customer')).rejects.toMatchObject({ code: 'conflict' });
    await expect(setStaffStatus(actor, admin.id, 'disabled')).rejects.toMatchObject({ code: 'conflict' });
    const [after] = await db.select({ role: users.role, status: users.status }).from(users).where(eq(users.id, admin.id));
    expect(after).toEqual({ role: 'admin', status: 'active' });
    // Refused writes leave no audit rows.
    expect(await auditRowsFor(admin.id)).toHaveLength(0);
  });

  it('lets only one of two concurrent demotions of the last two admins through', async () => {
    const first = await createPerson('admin');
    const second = await createPerson('admin');
    await onlyActiveAdmins([first.id, second.id]);
    // Each demotes the other at the same moment.
    const results = await Promise.allSettled([
      changeStaffRole(actorFor(first), second.id, 'staff'),
      changeStaffRole(actorFor(second), first.id, 'staff'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AppError);
    expect(refused.reason).toMatchObject({ code: 'conflict' });
    const admins = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
    expect(admins).toHaveLength(1);
    expect(await db.$count(auditLog, inArray(auditLog.entityId, [first.id, second.id]))).toBe(1);
  });

  it('ends the sessions of a demoted or disabled member at once, with one audit row each', async () => {
    const admin = await createPerson('admin');
    const demoted = await createPerson('admin');
    const disabled = await createPerson('staff');
    expect(await resolveSessionUser(demoted.id, demoted.sessionVersion)).not.toBeNull();

    await changeStaffRole(actorFor(admin), demoted.id, 'staff');
    expect(await resolveSessionUser(demoted.id, demoted.sessionVersion)).toBeNull();
    const [roleRow] = await auditRowsFor(demoted.id, 'staff.role_change');
    expect(roleRow).toMatchObject({ actorId: admin.id, actorEmail: admin.email, before: { role: 'admin' }, after: { role: 'staff' } });

    await setStaffStatus(actorFor(admin), disabled.id, 'disabled');
    expect(await resolveSessionUser(disabled.id, disabled.sessionVersion)).toBeNull();
    expect(await auditRowsFor(disabled.id)).toEqual([expect.objectContaining({ action: 'staff.disable', before: { status: 'active' }, after: { status: 'disabled' } })]);
  });

  it('creates staff with a password they can sign in with, or sends a set-password link', async () => {
    const admin = await createPerson('admin');
    const withPassword = createStaffSchema.parse({ email: `  New.Staff${Date.now()}@IT.test `, name: 'New Staff', role: 'staff', password: 'a strong password' });
    const id = await createStaffMember(actorFor(admin), withPassword);
    expect(await authenticateCredentials(withPassword.email, 'a strong password')).toMatchObject({ id, role: 'staff' });
    expect(await auditRowsFor(id, 'staff.create')).toEqual([expect.objectContaining({ after: expect.objectContaining({ email: withPassword.email, role: 'staff' }) })]);

    const byLink = createStaffSchema.parse({ email: `linked${Date.now()}@it.test`, name: 'Linked', role: 'admin', password: '' });
    const linkedId = await createStaffMember(actorFor(admin), byLink);
    const [mail] = await db.select().from(emailMessages).where(eq(emailMessages.toAddress, byLink.email));
    // An invitation naming who invited them and the role, whose link sets the first password (once, for 72 hours).
    expect(await auditRowsFor(linkedId)).toHaveLength(1);
    expect(mail).toMatchObject({ template: 'staff_invite', subject: expect.stringMatching(/^You are invited to /) });
    expect(mail!.textBody).toContain(`added you to the store's team as an admin`);
    expect(mail!.htmlBody).toContain('Choose my password');
    const token = /reset-password\?token=([\w-]+)/.exec(mail!.textBody)![1]!;
    await resetPassword(token, 'another strong password');
    expect(await authenticateCredentials(byLink.email, 'another strong password')).toMatchObject({ id: linkedId, role: 'admin' });

    // The same address again is a field error, and nothing is written (no second audit row either).
    await expect(createStaffMember(actorFor(admin), withPassword)).rejects.toMatchObject({ code: 'validation_failed', fieldErrors: { email: [expect.any(String)] } });
    expect(await db.$count(auditLog, and(eq(auditLog.action, 'staff.create'), eq(auditLog.entityId, id)))).toBe(1);
  });

  it('refuses a too-short initial password with a field message', () => {
    const result = createStaffSchema.safeParse({ email: 'x@it.test', name: 'X', role: 'staff', password: 'short' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['password'] });
  });
});
