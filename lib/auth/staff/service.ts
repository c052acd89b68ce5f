import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db, type Executor, type Transaction } from '@/db/client';
import { users, type UserRole } from '@/db/schema';
import { recordAudit, type AuditActor } from '@/lib/audit/service';
import { hashPassword } from '@/lib/auth/password';
import { assertAcceptableNewPassword } from '@/lib/auth/password-strength';
import { endAllSessions, sendStaffInvitation, voidOutstandingTokens } from '@/lib/auth/service';
import { AppError } from '@/lib/errors';
import type { CreateStaffInput } from './schemas';

// Staff accounts. The store must always keep one active admin: every change that could take away the last one
// locks all active admin rows first (in id order, so two such changes queue instead of deadlocking) and counts
// them under that lock — two admins demoting each other at the same moment cannot both succeed.

export type StaffMember = {
  id: string;
  email: string;
  name: string;
  role: 'staff' | 'admin';
  status: 'active' | 'disabled';
  twoFactor: boolean;
  lastSignInAt: Date | null;
};

export async function listStaff(executor: Executor = db): Promise<StaffMember[]> {
  const rows = await executor
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      status: users.status,
      totpEnabledAt: users.totpEnabledAt,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(inArray(users.role, ['staff', 'admin']))
    .orderBy(asc(users.email));
  return rows.map(({ totpEnabledAt, role, ...row }) => ({ ...row, role: role as 'staff' | 'admin', twoFactor: totpEnabledAt !== null }));
}

const LAST_ADMIN_MESSAGE = 'This is the last active admin. Make someone else an admin first.';

async function lockActiveAdmins(tx: Transaction): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active')))
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((row) => row.id);
}

async function lockStaffMember(tx: Transaction, id: string) {
  const [row] = await tx
    .select({ id: users.id, email: users.email, role: users.role, status: users.status })
    .from(users)
    .where(and(eq(users.id, id), inArray(users.role, ['staff', 'admin'])))
    .for('update');
  if (!row) throw new AppError('not_found', 'No such staff member.');
  return row;
}

function isTakenEmail(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  return (cause as { code?: string })?.code === '23505';
}

/** Creates a staff account; without a password, the person gets the password-reset email to choose one. */
export async function createStaffMember(actor: AuditActor, input: CreateStaffInput, executor: Executor = db): Promise<string> {
  if (input.password) await assertAcceptableNewPassword(input.password, [input.email, input.name]);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  let id: string;
  try {
    id = await executor.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, role: input.role, passwordHash, emailVerifiedAt: new Date() })
        .returning({ id: users.id });
      await recordAudit(tx, actor, {
        action: 'staff.create',
        entityType: 'user',
        entityId: created!.id,
        after: { email: input.email, name: input.name, role: input.role, status: 'active', passwordSetBy: passwordHash ? 'admin' : 'email_link' },
      });
      return created!.id;
    });
  } catch (error) {
    if (isTakenEmail(error)) {
      throw new AppError('validation_failed', 'An account with this email already exists.', {
        fieldErrors: { email: ['An account with this email already exists.'] },
      });
    }
    throw error;
  }
  // After the commit, so a link only ever goes out for an account that exists (SMTP delivery cannot roll back).
  if (!passwordHash) await sendStaffInvitation(id, input.email, input.role, actor.user.email, executor);
  return id;
}

/** Promotes, demotes or removes from staff ("customer"). Demotion ends the person's sessions at once. */
export async function changeStaffRole(actor: AuditActor, id: string, role: UserRole, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const member = await lockStaffMember(tx, id);
    if (member.role === role) return;
    if (member.role === 'admin' && member.status === 'active' && admins.length <= 1) throw new AppError('conflict', LAST_ADMIN_MESSAGE);
    await tx.update(users).set({ role }).where(eq(users.id, id));
    const demoted = member.role === 'admin' || role === 'customer';
    // Any role change voids the person's outstanding emailed links; a demotion also ends their sessions.
    if (demoted) await endAllSessions(id, tx);
    else await voidOutstandingTokens(id, tx);
    await recordAudit(tx, actor, { action: 'staff.role_change', entityType: 'user', entityId: id, before: { role: member.role }, after: { role } });
  });
}

/** Disables or re-enables a staff account; disabling ends every session of theirs at once. */
export async function setStaffStatus(actor: AuditActor, id: string, status: 'active' | 'disabled', executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const member = await lockStaffMember(tx, id);
    if (member.status === status) return;
    if (status === 'disabled' && member.role === 'admin' && admins.length <= 1) throw new AppError('conflict', LAST_ADMIN_MESSAGE);
    await tx.update(users).set({ status }).where(eq(users.id, id));
    if (status === 'disabled') await endAllSessions(id, tx);
    await recordAudit(tx, actor, {
      action: status === 'disabled' ? 'staff.disable' : 'staff.enable',
      entityType: 'user',
      entityId: id,
      before: { status: member.status },
      after: { status },
    });
  });
}
