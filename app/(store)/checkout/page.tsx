import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Link } from '@/components/ui/link';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { DeliveryOptionsForm } from '@/components/checkout/delivery-options-form';
import { OrderSummary } from '@/components/checkout/order-summary';
import { SavedAddressPicker } from '@/components/checkout/saved-address-picker';
import { getSessionUser } from '@/lib/auth/session';
import { currentCartRef } from '@/lib/cart/session';
import { previewCheckoutWithinCodeLimit } from '@/lib/checkout/discount-preview';
import { checkRegion, regionHint } from '@/lib/checkout/regions';
import { listShippingCountries } from '@/lib/checkout/service';
import { listAddresses } from '@/lib/customers/addresses';
import { clientIp, ipSubject } from '@/lib/rate-limit';
import { listPaymentProviders } from '@/lib/payments/providers';

export const metadata: Metadata = { title: 'Checkout', robots: { index: false } };

type Search = { country?: string; region?: string; rate?: string; code?: string; address?: string };

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

export default async function CheckoutPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const user = await getSessionUser();
  // The address book, default first; ?address= picks another one of the customer's own (anything else is ignored).
  const addresses = user ? await listAddresses(user.id) : [];
  const chosenId = text(params.address, 36);
  const saved = addresses.find((address) => address.id === chosenId) ?? addresses[0] ?? null;
  const country = (text(params.country, 2) || saved?.countryCode || 'US').toUpperCase();
  const region = (text(params.region, 60) || (params.country ? '' : (saved?.region ?? ''))).toUpperCase();
  const code = text(params.code, 64).toUpperCase();
  // Each code typed here is checked against the database: wrong ones are counted per address (guessing codes).
  const ip = code ? ipSubject(clientIp(await headers())) : '';
  const { preview, discountError } = await previewCheckoutWithinCodeLimit(
    await currentCartRef(),
    { countryCode: country, region, shippingRateId: text(params.rate, 36) || null, discountCode: code || null },
    ip,
  );

  if (!preview) {
    return (
      <section aria-labelledby="checkout-heading" className="text-center">
        <h1 id="checkout-heading" className="text-2xl font-bold">
          Checkout
        </h1>
        <p className="mt-4">Your cart is empty.</p>
        <Link href="/" className="mt-4 inline-block underline">
          Continue shopping
        </Link>
      </section>
    );
  }
  if (preview.cart.hasProblems) {
    return (
      <section aria-labelledby="checkout-heading">
        <h1 id="checkout-heading" className="text-2xl font-bold">
          Checkout
        </h1>
        <p role="alert" className="mt-4 text-red-700">
          Some items in your cart changed. Please review your cart before checking out.
        </p>
        <Link href="/cart" className="mt-4 inline-block underline">
          Review cart
        </Link>
      </section>
    );
  }
  // Said here, at the field where it was typed, before step 2 refuses the order for it (finding 9).
  const regionCheck = region ? checkRegion(country, region) : null;
  const regionError = regionCheck && !regionCheck.ok ? regionCheck.message : null;
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const countries = (await listShippingCountries()).map((c) => ({ code: c, name: names.of(c) ?? c })).sort((a, b) => a.name.localeCompare(b.name));
  const rate = preview.shippingOptions.find((option) => option.id === preview.selectedRateId);
  const { totals, cart } = preview;
  return (
    <section aria-labelledby="checkout-heading">
      <h1 id="checkout-heading" className="text-2xl font-bold">
        Checkout
      </h1>
      {!user ? (
        <p className="mt-2 text-sm text-zinc-600">
          Checking out as a guest.{' '}
          <Link href="/account/sign-in?callbackUrl=/checkout" className="underline">
            Sign in
          </Link>{' '}
          to use your saved details.
        </p>
      ) : null}
      <div className="mt-6 grid gap-8 lg:grid-cols-[1fr_380px]">
        <div className="flex flex-col gap-6">
          {addresses.length > 0 ? (
            <SavedAddressPicker
              addresses={addresses.map((address) => ({
                id: address.id,
                label: `${address.name}, ${address.line1}, ${address.city} ${address.postalCode}, ${address.countryCode}${address.isDefaultShipping ? ' (default)' : ''}`,
              }))}
              selectedId={saved?.id ?? null}
              code={code}
            />
          ) : null}
          {/* Keyed by the saved address: picking another one must refill fields the shopper has not typed into. */}
          <DeliveryOptionsForm
            key={`delivery-${saved?.id ?? 'none'}`}
            addressId={saved && chosenId === saved.id ? saved.id : null}
            countries={countries}
            country={country}
            region={region}
            regionHint={regionHint(country)}
            regionError={regionError}
            code={code}
            currency={cart.currency}
            options={preview.shippingOptions}
            selectedRateId={preview.selectedRateId}
            discountError={discountError}
          />
          <CheckoutForm
            key={`details-${saved?.id ?? 'none'}`}
            cartId={cart.id}
            country={country}
            region={region}
            rateId={preview.selectedRateId}
            code={preview.discount ? preview.discount.code : ''}
            defaultEmail={user?.email ?? ''}
            defaultAddress={
              saved && saved.countryCode === country
                ? {
                    'shipping.name': saved.name,
                    'shipping.company': saved.company ?? '',
                    'shipping.line1': saved.line1,
                    'shipping.line2': saved.line2 ?? '',
                    'shipping.city': saved.city,
                    'shipping.postalCode': saved.postalCode,
                    'shipping.phone': saved.phone ?? '',
                  }
                : { 'shipping.name': user?.name ?? '' }
            }
            canSaveAddress={user !== null}
            providers={listPaymentProviders()}
            canPlace={preview.selectedRateId !== null}
          />
        </div>
        <OrderSummary
          currency={cart.currency}
          lines={cart.lines.map((line) => ({ key: line.id, title: line.productTitle, detail: line.variantTitle, quantity: line.quantity, totalCents: line.lineTotalCents }))}
          totals={{ ...totals, discountLabel: preview.discount?.code, shippingLabel: rate?.name }}
        />
      </div>
    </section>
  );
}
