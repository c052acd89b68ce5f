import { hash, parseOptions, verify, type Algorithm, type Options } from '@node-rs/argon2';

// Password hashing: argon2id at the OWASP Password Storage Cheat Sheet's baseline (m=19 MiB, t=2, p=1).
// No 'server-only' import: the seed (tsx) and unit tests use this module outside Next.

/** `Algorithm` is an ambient const enum, which isolatedModules cannot read; 2 is its Argon2id member. */
const ARGON2ID = 2 as Algorithm.Argon2id;

export const PASSWORD_HASH_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

export const PASSWORD_MIN_LENGTH = 8;
// Argon2 accepts any length, but hashing megabytes on request is a cheap denial of service.
export const PASSWORD_MAX_LENGTH = 1024;

export type PasswordErrorCode = 'password_too_short' | 'password_too_long';

export class PasswordPolicyError extends Error {
  readonly code: PasswordErrorCode;

  constructor(code: PasswordErrorCode) {
    super(
      code === 'password_too_short'
        ? `Password must be at least ${PASSWORD_MIN_LENGTH} characters`
        : `Password must be at most ${PASSWORD_MAX_LENGTH} characters`,
    );
    this.name = 'PasswordPolicyError';
    this.code = code;
  }
}

// NIST SP 800-63B: normalise Unicode so the same password typed on two keyboards (composed vs decomposed) matches.
function normalise(plain: string): string {
  return plain.normalize('NFKC');
}

/** Length in code points, so an emoji counts as one character, not two UTF-16 units. */
function passwordLength(plain: string): number {
  let count = 0;
  for (const _ of plain) count += 1;
  return count;
}

/** The policy check alone, for forms that validate before hashing. Null when acceptable. */
export function checkPasswordPolicy(plain: string): PasswordErrorCode | null {
  const length = passwordLength(normalise(plain));
  if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
  return null;
}

/** Hashes a new password (PHC string, salt included). Throws PasswordPolicyError when the length is out of bounds. */
export async function hashPassword(plain: string): Promise<string> {
  const problem = checkPasswordPolicy(plain);
  if (problem) throw new PasswordPolicyError(problem);
  return hash(normalise(plain), PASSWORD_HASH_OPTIONS);
}

/**
 * True when `plain` matches `passwordHash`. Never throws: a malformed or foreign hash is simply not a match.
 * The minimum length is not enforced here, so raising it later never locks out existing accounts.
 */
export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  if (typeof passwordHash !== 'string' || typeof plain !== 'string') return false;
  if (!passwordHash.startsWith('$argon2')) return false;
  const normalised = normalise(plain);
  if (passwordLength(normalised) > PASSWORD_MAX_LENGTH) return false;
  try {
    return await verify(passwordHash, normalised);
  } catch {
    return false;
  }
}

/** True when a stored hash was made with weaker (or different) parameters than today's; rehash it after sign-in. */
export function passwordNeedsRehash(passwordHash: string): boolean {
  try {
    const used = parseOptions(passwordHash);
    return (
      used.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      used.memoryCost !== PASSWORD_HASH_OPTIONS.memoryCost ||
      used.timeCost !== PASSWORD_HASH_OPTIONS.timeCost ||
      used.parallelism !== PASSWORD_HASH_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}
