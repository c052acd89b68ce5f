import { useTranslations } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import { INTL_LOCALES, isLocale, localiseHref } from '@/lib/i18n/config';
import type { Metadata } from 'next';
import { Link } from '@/components/ui/link';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { addressValues, NEW_ADDRESS } from '@/components/checkout/address-choice';
import { getSessionUser } from '@/lib/auth/session';
import { currentCartRef } from '@/lib/cart/session';
import { quoteCheckout } from '@/lib/checkout/quote';
import { countryName } from '@/lib/checkout/regions';
import { listShippingCountries } from '@/lib/checkout/service';
import { listAddresses } from '@/lib/customers/addresses';
import { listPaymentProviders } from '@/lib/payments/providers';
import { getCartView } from '@/lib/cart/service';
import { getCachedMarkets } from '@/lib/markets/cache';
import { marketByCode, marketForCountry } from '@/lib/markets/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Checkout');
  return { title: t('title'), robots: { index: false } };
}

type Search = { address?: string };

function Heading() {
  const t = useTranslations('Checkout');
  return (
    <h1 id="checkout-heading" className="text-2xl font-bold">
      {t('title')}
    </h1>
  );
}

export default async function CheckoutPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const [user, t, locale] = await Promise.all([getSessionUser(), getTranslations('Checkout'), getLocale()]);
  const intlLocale = INTL_LOCALES[isLocale(locale) ? locale : 'en'];
  const tCart = await getTranslations('Cart');
  // Only the countries a shipping zone serves can be chosen, named in the page's language.
  const countries = (await listShippingCountries()).map((code) => ({ code, name: countryName(code, intlLocale) })).sort((a, b) => a.name.localeCompare(b.name, intlLocale));
  // The address book, default first. The fields start from the first entry the store ships to; ?address= (the picker
  // without JavaScript) picks another of the customer's own, or "new" for empty fields. An entry in a country the
  // store does not ship to is never filled in: the picker lists it as unusable.
  const addresses = user ? await listAddresses(user.id) : [];
  const ships = (code: string | undefined) => countries.some((country) => country.code === code);
  const chosenId = typeof params.address === 'string' ? params.address.slice(0, 36) : '';
  const shippable = addresses.filter((address) => ships(address.countryCode));
  const usable = chosenId === NEW_ADDRESS ? null : (shippable.find((address) => address.id === chosenId) ?? shippable[0] ?? null);
  // The first country is the chosen saved address's — its market's prices then apply, and the shopper is told the
  // cart moved (CheckoutForm) — else the cart market's own first country the store ships to: never one of another
  // market, which would move the cart before the shopper chose anything.
  const ref = await currentCartRef();
  const [markets, cartNow] = await Promise.all([getCachedMarkets(), getCartView(ref)]);
  const cartMarket = marketByCode(markets, cartNow?.market);
  const inCartMarket = (code: string) => marketForCountry(markets, code).code === cartMarket.code;
  const marketCountry = cartMarket.isDefault && ships('US') && inCartMarket('US') ? 'US' : countries.find((country) => inCartMarket(country.code))?.code;
  const countryCode = usable?.countryCode ?? marketCountry ?? (ships('US') ? 'US' : countries[0]?.code);

  const priced = countryCode
    ? await quoteCheckout(ref, { countryCode, region: usable?.region ?? '', postalCode: '', shippingRateId: null, discountCode: null }, '')
    : null;
  if (!priced) {
    return (
      <section aria-labelledby="checkout-heading" className="text-center">
        <Heading />
        <p className="mt-4">{countryCode ? tCart('empty') : t('notShipping')}</p>
        <Link href="/" className="mt-4 inline-block underline">
          {tCart('continueShopping')}
        </Link>
      </section>
    );
  }
  const { cart, quote } = priced;
  if (cart.hasProblems) {
    return (
      <section aria-labelledby="checkout-heading">
        <Heading />
        <p role="alert" className="mt-4 text-red-700">
          {t('cartChanged')}
        </p>
        <Link href="/cart" className="mt-4 inline-block underline">
          {t('reviewCart')}
        </Link>
      </section>
    );
  }
  const initialValues: Record<string, string> = { email: user?.email ?? '', 'shipping.countryCode': quote.countryCode };
  if (usable) {
    for (const [key, value] of Object.entries(addressValues(usable))) initialValues[`shipping.${key}`] = value;
  } else if (user?.name && chosenId !== NEW_ADDRESS) {
    initialValues['shipping.name'] = user.name;
  }
  return (
    <section aria-labelledby="checkout-heading" className="flex flex-col gap-6">
      <div>
        <Heading />
        {!user ? (
          <p className="mt-2 text-sm text-zinc-600">
            {t('guest')}{' '}
            <Link href={`/account/sign-in?callbackUrl=${localiseHref('/checkout', isLocale(locale) ? locale : 'en')}`} className="underline">
              {t('signIn')}
            </Link>{' '}
            {t('toUseSaved')}
          </p>
        ) : null}
      </div>
      {/* Keyed by the saved address: a page rendered for another one starts afresh. */}
      <CheckoutForm
        key={usable?.id ?? 'none'}
        cartId={cart.id}
        countries={countries}
        initialValues={initialValues}
        initialQuote={quote}
        lines={cart.lines.map((line) => ({
          key: line.id,
          title: line.productTitle,
          detail: line.variantTitle,
          quantity: line.quantity,
          totalCents: line.lineTotalCents,
          imageUrl: line.imageUrl,
          imageAlt: line.imageAlt,
        }))}
        providers={listPaymentProviders()}
        canSaveAddress={user !== null}
        savedAddresses={addresses.map((address) => ({
          id: address.id,
          name: address.name,
          address: [address.line1, address.line2, `${address.city} ${address.region ?? ''} ${address.postalCode}`.replace(/\s+/g, ' ').trim(), countryName(address.countryCode)]
            .filter(Boolean)
            .join(', '),
          isDefault: address.isDefaultShipping,
          unavailable: ships(address.countryCode) ? null : `We do not ship to ${countryName(address.countryCode)}.`,
          values: addressValues(address),
        }))}
        selectedAddress={usable?.id ?? NEW_ADDRESS}
      />
    </section>
  );
}
