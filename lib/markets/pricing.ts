import { minorUnitDigits, MoneyError } from '@/lib/money';

// The one place a price reaches a market's currency. Pure: callers read the base price, the market and any explicit
// price in their own statements (checkout under its row locks) and ask here what the shopper pays.
//
// Integer arithmetic throughout: the rate is an exact decimal (numeric in the database, a string here) turned into a
// ratio of big integers, and the digits of the two currencies (0 for JPY, 2 for USD, 3 for KWD) scale the ratio, so
// no float ever touches an amount.

export type RoundingRule = 'none' | 'whole' | '99' | '95';

export type MarketPricing = {
  currency: string;
  /** One unit of the base currency in this currency, as an exact decimal string ("0.92", "158.5"). */
  exchangeRate: string;
  roundingRule: RoundingRule;
};

export type ExplicitPrice = { priceCents: number; compareAtPriceCents: number | null; currency: string };

/** "0.92" → 92n / 100n. Refuses anything but a plain positive decimal. */
export function rateRatio(rate: string): { numerator: bigint; denominator: bigint } {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate.trim());
  if (!match) throw new MoneyError(`"${rate}" is not an exchange rate`);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  const numerator = BigInt(match[1]! + fraction);
  if (numerator <= 0n) throw new MoneyError('An exchange rate must be above zero');
  return { numerator, denominator: 10n ** BigInt(fraction.length) };
}

/** Rounds numerator/denominator (both ≥ 0) to a whole number of minor units by the rule, in `digits` decimals. */
function roundMinor(numerator: bigint, denominator: bigint, rule: RoundingRule, digits: number): bigint {
  if (numerator === 0n) return 0n;
  // .99 and .95 need cents to end in; a currency without them (JPY) rounds up to the whole unit instead.
  const effective = digits === 0 && (rule === '99' || rule === '95') ? 'whole' : rule;
  if (effective === 'none') return (numerator * 2n + denominator) / (denominator * 2n);
  const unit = 10n ** BigInt(digits);
  const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
  if (effective === 'whole') return ceilDiv(numerator, denominator * unit) * unit;
  // The smallest price ending in .99 (or .95) at or above the exact amount: unit − 1 % (or 5 %) of a unit.
  const offset = unit - (unit * (effective === '99' ? 1n : 5n)) / 100n;
  const exactUnits = numerator - offset * denominator; // (amount − offset) × denominator
  if (exactUnits <= 0n) return offset;
  return ceilDiv(exactUnits, denominator * unit) * unit + offset;
}

/**
 * A base amount (minor units of `baseCurrency`) in the market's currency, by its rate and rounding rule.
 * Same currency at rate 1 with no rounding is the amount itself: the default market prices exactly as the store does.
 */
export function convertAmount(amountCents: number, baseCurrency: string, market: MarketPricing, rule: RoundingRule = market.roundingRule): number {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) throw new MoneyError(`${amountCents} is not a price`);
  const { numerator, denominator } = rateRatio(market.exchangeRate);
  const fromDigits = minorUnitDigits(baseCurrency);
  const toDigits = minorUnitDigits(market.currency);
  let num = BigInt(amountCents) * numerator;
  let den = denominator;
  if (toDigits > fromDigits) num *= 10n ** BigInt(toDigits - fromDigits);
  else if (fromDigits > toDigits) den *= 10n ** BigInt(fromDigits - toDigits);
  const result = roundMinor(num, den, rule, toDigits);
  if (result > BigInt(Number.MAX_SAFE_INTEGER)) throw new MoneyError('Converted price is too large');
  return Number(result);
}

export type ResolvedPrice = {
  priceCents: number;
  compareAtPriceCents: number | null;
  currency: string;
  /** 'explicit': set for this market; 'derived': the base price by rate and rounding. */
  source: 'explicit' | 'derived';
};

/** What a variant costs in a market: its explicit price there when it has one (in the market's currency), else derived. */
export function resolvePrice(
  base: { priceCents: number; compareAtPriceCents: number | null; currency: string },
  market: MarketPricing,
  explicit?: ExplicitPrice | null,
): ResolvedPrice {
  if (explicit && explicit.currency === market.currency) {
    return { priceCents: explicit.priceCents, compareAtPriceCents: explicit.compareAtPriceCents, currency: market.currency, source: 'explicit' };
  }
  const priceCents = convertAmount(base.priceCents, base.currency, market);
  const compareAt = base.compareAtPriceCents === null ? null : convertAmount(base.compareAtPriceCents, base.currency, market);
  return {
    priceCents,
    // A compare-at price that rounding brought to (or under) the price would claim a saving there is none of.
    compareAtPriceCents: compareAt !== null && compareAt > priceCents ? compareAt : null,
    currency: market.currency,
    source: 'derived',
  };
}

/** Whether converting is the identity (the base market): callers can skip the work and the explicit-price read. */
export function isIdentity(market: MarketPricing, baseCurrency: string): boolean {
  return market.currency === baseCurrency && market.roundingRule === 'none' && rateRatio(market.exchangeRate).numerator === rateRatio(market.exchangeRate).denominator;
}
