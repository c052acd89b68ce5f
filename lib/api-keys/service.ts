import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { apiKeys, users } from '@/db/schema';
import { type AuditActor, recordAudit } from '@/lib/audit/service';
import { AppError } from '@/lib/errors';
import type { CreateApiKeyInput } from './schemas';

// Admin API keys. The secret is shown once, when created; only its SHA-256 is stored (32 random bytes need no slow
// hash), with its first characters for recognising it in the panel. Every request looks the key up in the database
// (one indexed read), so a revoked or expired key is refused by every instance from the next request on: there is no
// per-process cache to outlive a revocation.

const SECRET_PREFIX = 'sfk_';
const DISPLAY_PREFIX_LENGTH = SECRET_PREFIX.length + 8;
/** last_used_at is written at most this often per key, so a busy integration does not turn every read into a write. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The key as the Admin API sees it: the actor of every write made with it. */
export type ApiKeyPrincipal = { id: string; role: 'admin'; name: string; prefix: string; scopes: string[] };

export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The audit actor of a write made through a key: no user, the key named in the actor column. */
export function apiKeyActor(key: Pick<ApiKeyPrincipal, 'name' | 'prefix'>, requestId: string, ip?: string): AuditActor {
  return { user: { id: null, email: `api-key:${key.name} (${key.prefix}…)` }, requestId, ip };
}

export async function createApiKey(actor: AuditActor, input: CreateApiKeyInput, executor: Executor = db): Promise<{ key: ApiKeyView; secret: string }> {
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
  const prefix = secret.slice(0, DISPLAY_PREFIX_LENGTH);
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return executor.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ name: input.name, prefix, secretHash: hashApiKeySecret(secret), scopes: input.scopes, createdById: actor.user.id, expiresAt })
      .returning();
    await recordAudit(tx, actor, {
      action: 'api_key.create',
      entityType: 'api_key',
      entityId: row!.id,
      after: { name: row!.name, prefix, scopes: row!.scopes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    const key: ApiKeyView = { ...pick(row!), createdBy: actor.user.email };
    return { key, secret };
  });
}

function pick(row: typeof apiKeys.$inferSelect): Omit<ApiKeyView, 'createdBy'> {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

export async function revokeApiKey(actor: AuditActor, id: string, executor: Executor = db): Promise<void> {
  await executor.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix });
    if (!row) throw new AppError('not_found', 'That key does not exist or is already revoked.');
    await recordAudit(tx, actor, { action: 'api_key.revoke', entityType: 'api_key', entityId: row.id, before: { name: row.name, prefix: row.prefix }, after: { revoked: true } });
  });
}

export async function listApiKeys(executor: Executor = db): Promise<ApiKeyView[]> {
  const rows = await executor
    .select({ key: apiKeys, createdBy: users.email })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt))
    .limit(500);
  return rows.map((row) => ({ ...pick(row.key), createdBy: row.createdBy }));
}

/** The key for a presented secret, if it is live (not revoked, not expired); records when it was last used. */
export async function authenticateApiKey(secret: string, executor: Executor = db): Promise<ApiKeyPrincipal | null> {
  if (!secret.startsWith(SECRET_PREFIX) || secret.length > 200) return null;
  const now = new Date();
  const [row] = await executor
    .select({ id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, scopes: apiKeys.scopes, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.secretHash, hashApiKeySecret(secret)), isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now))));
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await executor
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - LAST_USED_RESOLUTION_MS)))));
  }
  return { id: row.id, role: 'admin', name: row.name, prefix: row.prefix, scopes: row.scopes };
}
