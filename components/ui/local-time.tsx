'use client';

import { useIntlLocale } from './use-format-money';
import { useSyncExternalStore } from 'react';

type Style = { dateStyle?: 'full' | 'long' | 'medium' | 'short'; timeStyle?: 'short' | 'medium' };

const subscribeNothing = () => () => {};

function format(iso: string, style: Style, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { ...style, timeZone };
  // dateStyle/timeStyle cannot be combined with timeZoneName: the zone is said separately when a time is shown.
  const text = new Intl.DateTimeFormat(locale, options).format(date);
  if (!style.timeStyle) return text;
  const zone = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(date).find((part) => part.type === 'timeZoneName')?.value;
  return zone ? `${text} ${zone}` : text;
}

/**
 * A moment shown in the reader's own time zone. The server does not know that zone, so it renders UTC (said so);
 * the browser then re-renders it locally — React swaps the two without a hydration mismatch.
 */
export function LocalTime({ iso, dateStyle = 'medium', timeStyle }: { iso: string } & Style) {
  const style = { dateStyle, timeStyle };
  // The page's language (German dates on a German page; the admin is English).
  const locale = useIntlLocale();
  const text = useSyncExternalStore(
    subscribeNothing,
    () => format(iso, style, locale),
    () => format(iso, style, locale, 'UTC'),
  );
  return <time dateTime={iso}>{text}</time>;
}
