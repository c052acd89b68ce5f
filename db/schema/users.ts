import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { countryCode, createdAt, id, updatedAt } from './columns';

export const userRoles = ['customer', 'staff', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];
export const userStatuses = ['active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const users = pgTable(
  'users',
  {
    id: id(),
    // Stored normalised (NFKC, trimmed, lower case) by the service; unique on that form.
    email: text().notNull(),
    name: text().notNull().default(''),
    passwordHash: text(),
    role: text({ enum: userRoles }).notNull().default('customer'),
    status: text({ enum: userStatuses }).notNull().default('active'),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    // Bumped on password change, disable or demotion; a session carrying an older version is refused.
    sessionVersion: integer().notNull().default(1),
    // TOTP secret, encrypted at rest by the auth domain; null until two-factor is enrolled.
    totpSecretEncrypted: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    // The last 30-second TOTP time-step accepted: a code is never accepted twice (replay within its window).
    totpLastStep: integer(),
    lastSignInAt: timestamp({ withTimezone: true }),
    // Set when the account was erased on request (GDPR/CCPA, lib/customers/privacy.ts): the row stays as a
    // tombstone with no personal data, so ids in orders and the audit log still resolve to "a deleted customer".
    erasedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_role_idx').on(t.role),
    index('users_status_idx').on(t.status),
    index('users_created_at_idx').on(t.createdAt),
    check('users_role_check', sql`${t.role} in ('customer', 'staff', 'admin')`),
    check('users_status_check', sql`${t.status} in ('active', 'disabled')`),
    check('users_session_version_check', sql`${t.sessionVersion} >= 1`),
  ],
);

export const authTokenPurposes = ['password_reset', 'email_verification'] as const;
export type AuthTokenPurpose = (typeof authTokenPurposes)[number];

/** Single-use tokens sent by email. Only a SHA-256 of the token is stored. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text({ enum: authTokenPurposes }).notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('auth_tokens_token_hash_unique').on(t.tokenHash),
    index('auth_tokens_user_id_idx').on(t.userId),
    index('auth_tokens_expires_at_idx').on(t.expiresAt),
    check('auth_tokens_purpose_check', sql`${t.purpose} in ('password_reset', 'email_verification')`),
  ],
);

/** Two-factor recovery codes for staff, hashed; each usable once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_id_idx').on(t.userId), uniqueIndex('recovery_codes_code_hash_unique').on(t.codeHash)],
);

export const addresses = pgTable(
  'addresses',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    company: text(),
    line1: text().notNull(),
    line2: text(),
    city: text().notNull(),
    region: text(),
    postalCode: text().notNull(),
    countryCode: countryCode(),
    phone: text(),
    isDefaultShipping: boolean().notNull().default(false),
    isDefaultBilling: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('addresses_user_id_idx').on(t.userId)],
);

/**
 * Store API sign-ins (bearer tokens). One row per sign-in; its refresh tokens are one rotation family. Revoking the
 * row (sign-out, or a rotated refresh token presented again) ends every token of the family at once.
 */
export const apiSessions = pgTable(
  'api_sessions',
  {
    id: id(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // The account's sessionVersion at sign-in: a password change, disable or erasure (which bump it) ends the sign-in.
    sessionVersion: integer().notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    revokedReason: text({ enum: ['sign_out', 'refresh_reuse'] }),
    createdAt: createdAt(),
  },
  (t) => [
    index('api_sessions_user_id_idx').on(t.userId),
    check('api_sessions_revoked_reason_check', sql`${t.revokedReason} in ('sign_out', 'refresh_reuse')`),
  ],
);

/** Refresh tokens of a Store API sign-in: only a SHA-256 is stored; each is spent by its one rotation. */
export const apiRefreshTokens = pgTable(
  'api_refresh_tokens',
  {
    id: id(),
    sessionId: uuid()
      .notNull()
      .references(() => apiSessions.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('api_refresh_tokens_token_hash_unique').on(t.tokenHash),
    index('api_refresh_tokens_session_id_idx').on(t.sessionId),
    index('api_refresh_tokens_expires_at_idx').on(t.expiresAt),
  ],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type AuthToken = typeof authTokens.$inferSelect;
export type NewAuthToken = typeof authTokens.$inferInsert;
export type RecoveryCode = typeof recoveryCodes.$inferSelect;
export type Address = typeof addresses.$inferSelect;
export type NewAddress = typeof addresses.$inferInsert;
export type ApiSession = typeof apiSessions.$inferSelect;
