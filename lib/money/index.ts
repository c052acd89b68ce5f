// Money is an integer count of minor units plus an ISO 4217 currency. No floating point touches an amount.

export type Money = { readonly amountCents: number; readonly currency: string };

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

const minorDigitsCache = new Map<string, number>();

/** Minor-unit digits of a currency (2 for EUR/USD, 0 for JPY, 3 for KWD), from the runtime's ICU data. */
export function minorUnitDigits(currency: string): number {
  const code = normaliseCurrency(currency);
  let digits = minorDigitsCache.get(code);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    minorDigitsCache.set(code, digits);
  }
  return digits;
}

export function normaliseCurrency(currency: string): string {
  const code = currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw new MoneyError(`"${currency}" is not an ISO 4217 currency code`);
  return code;
}

function assertMinorUnits(amountCents: number): void {
  if (!Number.isSafeInteger(amountCents)) throw new MoneyError(`${amountCents} is not a whole number of minor units`);
}

export function money(amountCents: number, currency: string): Money {
  assertMinorUnits(amountCents);
  return { amountCents, currency: normaliseCurrency(currency) };
}

/**
 * Parses a decimal string as typed by a person ("12", "12.5", "1,234.50", "-3.10") into minor units.
 * More fraction digits than the currency has is an error, never silent rounding.
 */
export function parseMoney(input: string, currency: string): Money {
  const code = normaliseCurrency(currency);
  const digits = minorUnitDigits(code);
  const text = input.trim().replace(/[\s,_]/g, '');
  const match = /^([+-])?(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new MoneyError(`"${input}" is not an amount`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) {
    throw new MoneyError(`"${input}" has more than ${digits} decimal place${digits === 1 ? '' : 's'} for ${code}`);
  }
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  const signed = sign === '-' ? -minor : minor;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError(`"${input}" is too large`);
  }
  return { amountCents: Number(signed), currency: code };
}

/** Minor units as a plain decimal string ("1234.50"), for inputs and CSV. */
export function toDecimalString(value: Money): string {
  assertMinorUnits(value.amountCents);
  const digits = minorUnitDigits(value.currency);
  const negative = value.amountCents < 0;
  const abs = Math.abs(value.amountCents).toString().padStart(digits + 1, '0');
  const whole = digits === 0 ? abs : abs.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${abs.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

const formatterCache = new Map<string, Intl.NumberFormat>();

/** Formats for display with Intl ("€1,234.50", "¥1,235"). The number passed to Intl is exact at these digit counts. */
export function formatMoney(value: Money, locale = 'en-US'): string {
  assertMinorUnits(value.amountCents);
  const key = `${locale}|${value.currency}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency });
    formatterCache.set(key, formatter);
  }
  // Intl accepts a decimal string and formats it without a float round-trip.
  return formatter.format(toDecimalString(value) as unknown as number);
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new MoneyError(`Cannot combine ${a.currency} with ${b.currency}`);
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountCents + b.amountCents, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountCents - b.amountCents, a.currency);
}

export function multiplyMoney(value: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new MoneyError(`Quantity ${quantity} is not a whole number`);
  return money(value.amountCents * quantity, value.currency);
}

export function sumMoney(values: readonly Money[], currency: string): Money {
  return values.reduce((total, value) => addMoney(total, value), money(0, currency));
}

/**
 * amount × numerator / denominator, rounded half away from zero, in integer arithmetic.
 * Used for percentages (basis points over 10 000) so that tax and discounts never drift by a cent.
 */
export function applyRatio(amountCents: number, numerator: number, denominator: number): number {
  assertMinorUnits(amountCents);
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new MoneyError('Ratio must be whole numbers with a positive denominator');
  }
  const product = BigInt(amountCents) * BigInt(numerator);
  const d = BigInt(denominator);
  const quotient = product / d;
  const remainder = product % d;
  const twice = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twice >= d) return Number(quotient + (product < 0n ? -1n : 1n));
  return Number(quotient);
}

/**
 * Splits an amount across weights in proportion, so that the parts always add up to the amount exactly
 * (largest remainder method). Used to spread an order discount over its lines.
 */
export function allocate(amountCents: number, weights: readonly number[]): number[] {
  assertMinorUnits(amountCents);
  if (weights.length === 0) return [];
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new MoneyError('Weights must be whole numbers ≥ 0');
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return weights.map((_, i) => (i === 0 ? amountCents : 0));
  const amount = BigInt(amountCents);
  const bigTotal = BigInt(total);
  const parts = weights.map((w) => (amount * BigInt(w)) / bigTotal);
  const remainders = weights.map((w, i) => ({ i, r: (amount * BigInt(w)) % bigTotal }));
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  const step = left < 0n ? -1n : 1n;
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : b.r > a.r ? 1 : -1));
  for (let k = 0; left !== 0n; k = (k + 1) % remainders.length) {
    const entry = remainders[k]!;
    parts[entry.i] = parts[entry.i]! + step;
    left -= step;
  }
  return parts.map(Number);
}
