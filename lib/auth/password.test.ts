import { describe, expect, it } from 'vitest';
import {
  checkPasswordPolicy,
  hashPassword,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PasswordPolicyError,
  passwordNeedsRehash,
  verifyPassword,
} from './password';

describe('hashPassword / verifyPassword', () => {
  it('verifies the password it hashed, as argon2id with the OWASP parameters', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
    expect(passwordNeedsRehash(stored)).toBe(false);
  });

  it('rejects a wrong password, including one differing only in case or a trailing space', async () => {
    const stored = await hashPassword('Tr0ub4dor&3-long');
    expect(await verifyPassword(stored, 'tr0ub4dor&3-long')).toBe(false);
    expect(await verifyPassword(stored, 'Tr0ub4dor&3-long ')).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
  });

  it('salts every hash: the same password hashes differently and both verify', async () => {
    const a = await hashPassword('same password twice');
    const b = await hashPassword('same password twice');
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'same password twice')).toBe(true);
    expect(await verifyPassword(b, 'same password twice')).toBe(true);
  });

  it('matches composed and decomposed forms of the same accented password', async () => {
    const stored = await hashPassword('caf\u00e9-au-lait');
    expect(await verifyPassword(stored, 'cafe\u0301-au-lait')).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['garbage', 'not-a-hash'],
    ['bcrypt', '$2b$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234'],
    ['truncated argon2', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ'],
    ['corrupt argon2', '$argon2id$v=19$m=19456,t=2,p=1$!!!$@@@'],
  ])('returns false (never throws) for a malformed hash: %s', async (_label, malformed) => {
    await expect(verifyPassword(malformed, 'whatever password')).resolves.toBe(false);
    expect(passwordNeedsRehash(malformed)).toBe(true);
  });

  it('refuses passwords shorter than the minimum with a typed error', async () => {
    const short = 'x'.repeat(PASSWORD_MIN_LENGTH - 1);
    expect(checkPasswordPolicy(short)).toBe('password_too_short');
    const error = await hashPassword(short).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasswordPolicyError);
    expect((error as PasswordPolicyError).code).toBe('password_too_short');
    await expect(hashPassword('x'.repeat(PASSWORD_MIN_LENGTH))).resolves.toMatch(/^\$argon2id\$/);
  });

  it('refuses passwords longer than the maximum, and never verifies one', async () => {
    const long = 'y'.repeat(PASSWORD_MAX_LENGTH + 1);
    expect(checkPasswordPolicy(long)).toBe('password_too_long');
    const error = await hashPassword(long).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PasswordPolicyError);
    expect((error as PasswordPolicyError).code).toBe('password_too_long');

    const atMax = 'y'.repeat(PASSWORD_MAX_LENGTH);
    const stored = await hashPassword(atMax);
    expect(await verifyPassword(stored, atMax)).toBe(true);
    expect(await verifyPassword(stored, long)).toBe(false);
  });

  it('counts characters, not UTF-16 units: four emoji are too short, eight are enough', async () => {
    expect(checkPasswordPolicy('🔒🔒🔒🔒')).toBe('password_too_short');
    const stored = await hashPassword('🔒'.repeat(8));
    expect(await verifyPassword(stored, '🔒'.repeat(8))).toBe(true);
  });
});
