import 'server-only';
import { createHash } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';

// Issue 14, finding 5: new passwords (registration, reset, change, staff creation) are checked against
//   1. zxcvbn (offline): a strength estimate with the common-password list and English dictionaries, the person's
//      own email and name counting as known words; score 3 ("safely unguessable") or more is required — `password`,
//      `12345678` and `Password123!` score 0–1;
//   2. when PWNED_PASSWORDS_API_URL is set, the k-anonymity range API: only the first 5 hex characters of the SHA-1
//      leave the server, the match is made here. 1.5 s at most; if it fails the password is accepted and logged —
//      an outage of a third party must not stop people from signing up (NIST SP 800-63B asks for the check, not
//      for refusing when it cannot be made).
// The refusal says why, under the password field.

export const MIN_PASSWORD_SCORE = 3;
const BREACH_TIMEOUT_MS = 1_500;
// zxcvbn's cost grows with length; past this the prefix decides (a long password is rarely weak for its tail).
const ESTIMATE_MAX_CHARS = 100;

let estimator: ZxcvbnFactory | undefined;
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations: zxcvbnEn.translations,
    graphs: zxcvbnCommon.adjacencyGraphs,
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
  });
  return estimator;
}

/** The words of an email and a name, so "ada.lovelace@…" does not make a password of "AdaLovelace1". */
function userWords(userInputs: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const input of userInputs) {
    if (!input) continue;
    const lower = input.normalize('NFKC').toLowerCase();
    words.add(lower);
    // An email's local part ("ada.lovelace"), its words, and the words run together ("adalovelace").
    const local = lower.split('@')[0]!;
    words.add(local);
    const parts = local.split(/[^\p{L}\p{N}]+/u).filter((part) => part.length >= 3);
    for (const part of parts) words.add(part);
    if (parts.length > 1) words.add(parts.join(''));
  }
  return [...words];
}

/** Null when strong enough; otherwise the sentence to show the person. */
export function weakPasswordReason(password: string, userInputs: (string | null | undefined)[] = []): string | null {
  const sample = [...password.normalize('NFKC')].slice(0, ESTIMATE_MAX_CHARS).join('');
  const result = getEstimator().check(sample, userWords(userInputs));
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const why = result.feedback.warning ? `${result.feedback.warning} ` : '';
  return `This password is too easy to guess. ${why}Try a longer phrase of three or four unrelated words.`;
}

export const BREACHED_MESSAGE = 'This password has appeared in a data breach, so attackers try it early. Please choose a different one.';

let lastBreachLogAt = 0;

/**
 * True when the range API lists the password; false when it does not, or could not be asked (fail open, logged at
 * most once a minute). `apiUrl` defaults to PWNED_PASSWORDS_API_URL; null → not configured, false.
 */
export async function isBreachedPassword(password: string, apiUrl: string | null | undefined = env.PWNED_PASSWORDS_API_URL, timeoutMs = BREACH_TIMEOUT_MS): Promise<boolean> {
  if (!apiUrl) return false;
  const digest = createHash('sha1').update(password.normalize('NFKC'), 'utf8').digest('hex').toUpperCase();
  const prefix = digest.slice(0, 5);
  const suffix = digest.slice(5);
  try {
    const response = await fetch(`${apiUrl.replace(/\/+$/, '')}/${prefix}`, {
      // Padding makes every answer about the same size, so the prefix's popularity does not leak on the wire.
      headers: { 'add-padding': 'true', 'user-agent': 'storefront-password-check' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`range API answered ${response.status}`);
    const body = await response.text();
    for (const line of body.split('\n')) {
      const [hashSuffix, count] = line.trim().split(':');
      if (hashSuffix?.toUpperCase() === suffix && Number(count) > 0) return true;
    }
    return false;
  } catch (error) {
    const now = Date.now();
    if (now - lastBreachLogAt > 60_000) {
      lastBreachLogAt = now;
      logger.warn({ err: error }, 'breached-password check unavailable: password accepted without it');
    }
    return false;
  }
}

/**
 * Throws validation_failed with the reason under `field` when a new password is weak or breached. `userInputs`:
 * the person's email and name.
 */
export async function assertAcceptableNewPassword(password: string, userInputs: (string | null | undefined)[], field = 'password'): Promise<void> {
  const reason = weakPasswordReason(password, userInputs) ?? ((await isBreachedPassword(password)) ? BREACHED_MESSAGE : null);
  if (reason) throw new AppError('validation_failed', reason, { fieldErrors: { [field]: [reason] } });
}
