import { useLocale } from 'next-intl';
import { INTL_LOCALES, isLocale } from '@/lib/i18n/config';
import { formatMoney, money } from '@/lib/money';

/** The page language's Intl locale ("de-DE" on a German page), for numbers, dates and money. */
export function useIntlLocale(): string {
  const locale = useLocale();
  return INTL_LOCALES[isLocale(locale) ? locale : 'en'];
}

/** Formats minor units in the page's language: "€1,234.50" in English, "1.234,50 €" in German. */
export function useFormatMoney(): (amountCents: number, currency: string) => string {
  const intl = useIntlLocale();
  return (amountCents, currency) => formatMoney(money(amountCents, currency), intl);
}
