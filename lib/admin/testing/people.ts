import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { auditLog, users, type UserRole } from '@/db/schema';
import type { PersonActor } from '@/lib/audit/service';

// Accounts and audit lookups for the admin integration tests; each test makes its own people.

export async function createPerson(role: UserRole, options: { status?: 'active' | 'disabled' } = {}) {
  const email = `${role}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@it.test`;
  const [row] = await db
    .insert(users)
    .values({ email, name: `Test ${role}`, role, status: options.status ?? 'active' })
    .returning({ id: users.id, email: users.email, sessionVersion: users.sessionVersion });
  return row!;
}

export function actorFor(person: { id: string; email: string }): PersonActor {
  return { user: { id: person.id, email: person.email }, requestId: `req-${randomBytes(4).toString('hex')}`, ip: '203.0.113.5' };
}

export async function auditRowsFor(entityId: string, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), action ? eq(auditLog.action, action) : undefined));
}
