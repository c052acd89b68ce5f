import { createTranslator } from 'next-intl';
import { DEFAULT_LOCALE, INTL_LOCALES, type Locale } from '@/lib/i18n/config';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import fr from '@/messages/fr.json';

// The language of an order's emails: the one the order was placed in (orders.locale), from the storefront's message
// files (their `Email` part), with money formatted for it. English stands in for a language a message lacks.

const EMAIL_MESSAGES: Record<Locale, typeof en.Email> = {
  en: en.Email,
  de: { ...en.Email, ...de.Email },
  fr: { ...en.Email, ...fr.Email },
};

/** The translator of the email messages in `locale`. */
export function emailTranslator(locale: Locale = DEFAULT_LOCALE) {
  return createTranslator({ locale, messages: { Email: EMAIL_MESSAGES[locale] }, namespace: 'Email' });
}

/** The Intl locale an email formats money and dates with. */
export function emailIntlLocale(locale: Locale = DEFAULT_LOCALE): string {
  return INTL_LOCALES[locale];
}
