import { invalidField } from '@/lib/errors';
import { MoneyError, parseMoney } from './index';

// Amounts as admin forms post them. Apart from ./index.ts, which client components import without the error model.

/** An amount a form field holds ("10.00", empty for 0) in minor units; refused under that field when it is not one, is negative, or is 0 where that is not allowed. */
export function parseAmountField(field: string, value: string, currency: string, allowZero: boolean): number {
  try {
    const cents = parseMoney(value || '0', currency).amountCents;
    if (cents < 0 || (!allowZero && cents === 0)) throw new MoneyError('out of range');
    return cents;
  } catch (error) {
    if (error instanceof MoneyError) throw invalidField(field, `Enter an amount like 10.00 (${currency})${allowZero ? '' : ' above zero'}.`);
    throw error;
  }
}
