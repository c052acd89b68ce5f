'use client';

import { useActionState, useEffect, useRef, useState, useSyncExternalStore, useTransition } from 'react';
import { checkoutFormAction, quoteCheckoutAction } from '@/lib/checkout/actions';
import type { CheckoutQuoteView } from '@/lib/checkout/types';
import { writeMarketCookie } from '@/lib/http/market-cookie';
import { useTranslations } from 'next-intl';
import { useFormatMoney } from '@/components/ui/use-format-money';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SubmitButton } from '@/components/ui/submit-button';
import { AddressFields, type AddressValues, type CountryOption, type PricingAddress } from './address-fields';
import { OrderSummary } from './order-summary';
import { GiftCardField, NO_TENDERS, type TenderChoice } from './gift-card-field';
import { NEW_ADDRESS, type SavedAddressOption } from './address-choice';
import { SavedAddressPicker } from './saved-address-picker';
import { SummaryDisclosure } from './summary-disclosure';

type Provider = { id: string; label: string; description: string };
type SummaryLine = { key: string; title: string; detail: string; quantity: number; totalCents: number; imageUrl: string | null; imageAlt: string };

// Errors that belong to no single input of the form: listed at the top of the outcome (named in messages/*.json Checkout.general).
const GENERAL_FIELDS = { cart: 'cart', paymentProvider: 'paymentProvider', _: '_' } as const;

/** How long typing must pause before the summary is re-priced: one call per pause, not per keystroke. */
const QUOTE_DEBOUNCE_MS = 350;

const subscribeNothing = () => () => {};

/** The GET form the saved-address radios post without JavaScript (it cannot nest inside the checkout form). */
const SAVED_ADDRESS_FORM = 'checkout-saved-address';

/** A pick from the address book, filled into the fields in place. */
type Fill = { serial: number; defaults: AddressValues; answer: unknown };

/**
 * The one-page checkout: contact, address, shipping method, code, payment, and the order summary before "Place
 * order". With JavaScript the summary is re-priced on the server (quoteCheckoutAction) whenever the country, region,
 * rate or code changes; without it, "Update order summary" posts the form for the same quote. The order itself is
 * priced again at placement, from the database, whatever the page showed.
 */
export function CheckoutForm(props: {
  cartId: string;
  countries: CountryOption[];
  initialValues: Record<string, string>;
  initialQuote: CheckoutQuoteView;
  lines: SummaryLine[];
  providers: Provider[];
  /** Signed in: offer to keep the address in the address book. */
  canSaveAddress?: boolean;
  /** The customer's address book (each with its fields), and which entry the fields start from (or NEW_ADDRESS). */
  savedAddresses?: SavedAddressOption[];
  selectedAddress?: string;
}) {
  // Placing the order (success leaves the page), or — without JavaScript — "Update order summary" (a fresh quote).
  const [answer, formAction, placing] = useActionState(checkoutFormAction, null);
  const [, startPlacing] = useTransition();
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const values = answer?.values ?? props.initialValues;
  const refused = answer && !answer.ok ? answer : null;
  const updated = answer?.ok ? answer : null;
  const advice = updated?.data ? updated.data.addressErrors : {};
  const errors: Record<string, string[]> = refused
    ? (refused.fieldErrors ?? {})
    : Object.fromEntries(Object.entries(advice).map(([key, message]) => [`shipping.${key}`, [message]]));
  const stateQuote = updated?.data ?? null;

  const [liveQuote, setLiveQuote] = useState<CheckoutQuoteView | null>(null);
  // The destination's country is in another market: the cart moved there and was re-priced; the shopper is told, the
  // summary's lines show the quote's prices, and the market is remembered for the catalogue. Nothing is refreshed: a
  // re-rendered page would start the fields over from the saved address, losing what was typed.
  const [marketMove, setMarketMove] = useState<CheckoutQuoteView['marketChange']>(null);
  const moved = marketMove ?? stateQuote?.marketChange ?? props.initialQuote.marketChange ?? null;
  // A saved address abroad moved the cart as the page was rendered: remember that market in the browser too.
  const arrivedMoved = props.initialQuote.marketChange?.to.code;
  useEffect(() => {
    if (arrivedMoved) writeMarketCookie(arrivedMoved);
  }, [arrivedMoved]);
  const [quoteError, setQuoteError] = useState<string | null>(null);
  const [quoting, startQuote] = useTransition();
  const quote = liveQuote ?? stateQuote ?? props.initialQuote;
  // Each line at the quote's price (its currency may have changed with the market); a line the quote could not price
  // keeps the page's.
  const lineTotals = new Map(quote.allocations.map((allocation) => [allocation.lineId, allocation.subtotalCents]));
  const linesPriced = props.lines.map((line) => ({ ...line, totalCents: lineTotals.get(line.key) ?? line.totalCents }));

  const [pricing, setPricing] = useState<PricingAddress>({
    countryCode: values['shipping.countryCode'] ?? quote.countryCode,
    region: values['shipping.region'] ?? '',
    postalCode: values['shipping.postalCode'] ?? '',
  });
  const [rateId, setRateId] = useState<string | null>(values.shippingRateId || quote.selectedRateId);
  const [code, setCode] = useState(values.discountCode ?? quote.discount?.code ?? '');
  const [appliedCode, setAppliedCode] = useState(code);
  const selectedRateId = quote.shippingOptions.some((option) => option.id === rateId) ? rateId : quote.selectedRateId;

  // Re-price after a pause in typing. Answers can arrive out of order: only the latest request's is shown. The
  // summary says it is stale from the change until that answer (or a refusal) arrives.
  const sequence = useRef(0);
  const [tenders, setTenders] = useState<TenderChoice>(NO_TENDERS);
  const request = JSON.stringify({ countryCode: pricing.countryCode, region: pricing.region, shippingRateId: rateId ?? '', discountCode: appliedCode, giftCardCodes: tenders.giftCardCodes, useStoreCredit: tenders.useStoreCredit });
  const [answered, setAnswered] = useState(request);
  useEffect(() => {
    if (request === answered) return;
    const mine = ++sequence.current;
    const timer = setTimeout(() => {
      startQuote(async () => {
        const result = await quoteCheckoutAction(JSON.parse(request));
        if (mine !== sequence.current) return;
        if (result.ok && result.data) {
          setLiveQuote(result.data);
          setQuoteError(null);
          if (result.data.marketChange) {
            setMarketMove(result.data.marketChange);
            writeMarketCookie(result.data.marketChange.to.code);
          }
        } else if (!result.ok) {
          setQuoteError(result.message);
        }
        setAnswered(request);
      });
    }, QUOTE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [request, answered]);
  const stale = quoting || request !== answered;

  // With JavaScript a saved address fills the fields in place: they are remounted with its values (still editable),
  // and the summary is re-priced for its country and region as if they had been typed. "A new address" empties them,
  // keeping the country. Errors of an earlier answer were about the fields as they were, so they go.
  const [fill, setFill] = useState<Fill | null>(null);
  const pickAddress = (id: string) => {
    const saved = props.savedAddresses?.find((address) => address.id === id && address.unavailable === null);
    if (!saved && id !== NEW_ADDRESS) return;
    const defaults: AddressValues = saved ? saved.values : { countryCode: pricing.countryCode };
    setFill((previous) => ({ serial: (previous?.serial ?? 0) + 1, defaults, answer }));
    setPricing({ countryCode: defaults.countryCode ?? pricing.countryCode, region: defaults.region ?? '', postalCode: defaults.postalCode ?? '' });
  };
  const addressDefaults: AddressValues =
    fill?.defaults ?? Object.fromEntries(Object.entries(values).filter(([key]) => key.startsWith('shipping.')).map(([key, value]) => [key.slice('shipping.'.length), value]));
  const errorsOutlived = fill !== null && fill.answer === answer;

  const t = useTranslations('Checkout');
  const formatMoney = useFormatMoney();
  const fmt = (cents: number) => formatMoney(cents, quote.currency);
  const rate = quote.shippingOptions.find((option) => option.id === selectedRateId);
  const addressErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([key]) => key.startsWith('shipping.') && !errorsOutlived)
      .map(([key, messages]) => [key.slice('shipping.'.length), messages]),
  );
  const generalErrors = Object.entries(errors).filter(([key]) => key in GENERAL_FIELDS);
  const codeErrors = errors.discountCode ?? (quote.discountError && appliedCode ? [quote.discountError] : undefined);
  const rateErrors = errors.shippingRateId;
  const applyCode = () => setAppliedCode(code.trim().toUpperCase());
  const input = (name: string, label: string, options: { autoComplete: string; type?: string }) => {
    const id = `checkout-${name}`;
    return (
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <input
          id={id}
          name={name}
          type={options.type ?? 'text'}
          autoComplete={options.autoComplete}
          required
          defaultValue={values[name] ?? ''}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? `${id}-error` : undefined}
          className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2"
        />
        <FieldError id={`${id}-error`} errors={errors[name]} />
      </div>
    );
  };

  const summary = (options: { heading: string | null; totalsTestId?: string }) => (
    <OrderSummary
      currency={quote.currency}
      lines={linesPriced}
      busy={stale}
      totals={{ ...quote.totals, discountLabel: quote.discount?.code, promotions: quote.promotions, shippingLabel: rate?.name }}
      tenders={quote}
      heading={options.heading}
      totalsTestId={options.totalsTestId}
    />
  );

  return (
    <>
      {props.savedAddresses?.length ? (
        <form
          id={SAVED_ADDRESS_FORM}
          action="/checkout"
          method="get"
          hidden
          // With JavaScript a pick applies at once; Enter on a radio must not reload the page.
          onSubmit={(event) => event.preventDefault()}
        />
      ) : null}
      <form
        action={formAction}
        // With JavaScript the submission is dispatched here rather than by React's form action, which resets every
        // field to its default when the action settles — and it can settle after the shopper has started correcting
        // a refused form (a re-pricing transition holds it back), wiping what they typed. Nor is the form remounted
        // when an answer arrives: its fields already hold what the shopper typed, corrections made while the answer
        // was on its way included. Without JavaScript the action attribute posts and the page re-renders with the
        // echoed values.
        onSubmit={(event) => {
          event.preventDefault();
          const submitter = (event.nativeEvent as SubmitEvent).submitter;
          const formData = new FormData(event.currentTarget, submitter);
          startPlacing(() => formAction(formData));
        }}
        aria-label={t('formLabel')}
        className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_380px] lg:items-start"
        noValidate
      >
        <input type="hidden" name="cartId" value={props.cartId} />
        {moved ? (
          <p role="status" className="rounded-md border border-brand-600/40 bg-brand-50 p-3 text-sm lg:col-span-2">
            {t('marketMoved', { to: moved.to.currency, market: moved.to.name, from: moved.from.currency })}
          </p>
        ) : null}
        <SummaryDisclosure total={fmt(quote.totals.totalCents)} busy={stale}>
          {summary({ heading: null, totalsTestId: 'order-totals-bar' })}
        </SummaryDisclosure>
        <div className="flex min-w-0 flex-col gap-6">
          <fieldset className="flex flex-col gap-4 rounded-lg border border-zinc-200 p-4">
            <legend className="px-1 text-lg font-semibold">{t('contact')}</legend>
            {input('email', t('email'), { autoComplete: 'email', type: 'email' })}
          </fieldset>
          <fieldset className="flex flex-col gap-4 rounded-lg border border-zinc-200 p-4">
            <legend className="px-1 text-lg font-semibold">{t('shippingAddress')}</legend>
            {props.savedAddresses?.length ? (
              <SavedAddressPicker addresses={props.savedAddresses} selected={props.selectedAddress ?? NEW_ADDRESS} formId={SAVED_ADDRESS_FORM} onPick={pickAddress} />
            ) : null}
            <AddressFields
              key={fill?.serial ?? 0}
              idPrefix="checkout-shipping"
              namePrefix="shipping."
              section="shipping"
              countries={props.countries}
              defaults={addressDefaults}
              errors={addressErrors}
              advice={liveQuote?.addressErrors}
              onPricingChange={setPricing}
            />
            {props.canSaveAddress ? (
              <div className="flex items-center gap-2">
                <input type="checkbox" id="checkout-save-address" name="saveAddress" defaultChecked={values.saveAddress === 'on'} />
                <label htmlFor="checkout-save-address" className="text-sm">
                  {t('saveAddress')}
                </label>
              </div>
            ) : null}
          </fieldset>
          <fieldset className="rounded-lg border border-zinc-200 p-4" aria-describedby={rateErrors ? 'checkout-rate-error' : undefined}>
            <legend className="px-1 text-lg font-semibold">{t('shippingMethod')}</legend>
            {quote.shippingOptions.length === 0 ? <p className="text-sm text-red-700">{t('noShipping')}</p> : null}
            {quote.shippingOptions.map((option) => (
              <div key={option.id} className="mt-2 flex items-start gap-2">
                <input
                  type="radio"
                  id={`rate-${option.id}`}
                  name="shippingRateId"
                  value={option.id}
                  checked={option.id === selectedRateId}
                  onChange={() => setRateId(option.id)}
                  className="mt-1"
                />
                <label htmlFor={`rate-${option.id}`} className="text-sm">
                  {option.name} — {fmt(option.priceCents)}
                  {option.freeAboveCents !== null ? t('freeFrom', { amount: fmt(option.freeAboveCents) }) : ''}
                  {option.minDeliveryDays !== null ? t('days', { min: option.minDeliveryDays, max: option.maxDeliveryDays ?? option.minDeliveryDays }) : ''}
                </label>
              </div>
            ))}
            <FieldError id="checkout-rate-error" errors={rateErrors} />
          </fieldset>
          <div className="rounded-lg border border-zinc-200 p-4">
            <label htmlFor="checkout-discountCode" className="block text-sm font-medium">
              {t('discountCode')} <span className="font-normal text-zinc-600">{t('optional')}</span>
            </label>
            <div className="mt-1 flex gap-2">
              <input
                id="checkout-discountCode"
                name="discountCode"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                // Codes are guessable secrets, and each wrong one spends the address's failure budget: one is checked
                // when the shopper is done with it (leaving the field, Enter, Apply), never letter by letter.
                onBlur={applyCode}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    event.preventDefault();
                    applyCode();
                  }
                }}
                autoCapitalize="characters"
                autoComplete="off"
                maxLength={64}
                aria-invalid={codeErrors ? true : undefined}
                aria-describedby={codeErrors ? 'checkout-discountCode-error' : undefined}
                className="block w-full min-w-0 rounded-md border border-zinc-300 bg-white px-3 py-2"
              />
              {hydrated ? (
                <button type="button" onClick={applyCode} className="shrink-0 rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-50">
                  {t('apply')}
                </button>
              ) : null}
            </div>
            <FieldError id="checkout-discountCode-error" errors={codeErrors} />
            {quote.discount && !codeErrors ? <p className="mt-1 text-sm text-green-800">{quote.discount.description}</p> : null}
          </div>
          <GiftCardField quote={quote} value={tenders} onChange={setTenders} busy={stale} errors={errors.giftCardCodes} />
          <fieldset className="rounded-lg border border-zinc-200 p-4">
            <legend className="px-1 text-lg font-semibold">{t('payment')}</legend>
            {props.providers.map((provider, index) => (
              <div key={provider.id} className="mt-2 flex items-start gap-2">
                <input
                  type="radio"
                  id={`pay-${provider.id}`}
                  name="paymentProvider"
                  value={provider.id}
                  defaultChecked={values.paymentProvider ? values.paymentProvider === provider.id : index === 0}
                  aria-describedby={`pay-${provider.id}-hint`}
                  className="mt-1"
                />
                <div>
                  <label htmlFor={`pay-${provider.id}`} className="text-sm font-medium">
                    {provider.label}
                  </label>
                  <p id={`pay-${provider.id}-hint`} className="text-xs text-zinc-600">
                    {provider.description}
                  </p>
                </div>
              </div>
            ))}
          </fieldset>
          <div>
            <label htmlFor="checkout-note" className="block text-sm font-medium">
              {t('note')} <span className="font-normal text-zinc-600">{t('optional')}</span>
            </label>
            <textarea id="checkout-note" name="customerNote" maxLength={1000} rows={2} defaultValue={values.customerNote ?? ''} className="mt-1 block w-full rounded-md border border-zinc-300 px-3 py-2" />
          </div>
        </div>
        <div className="flex flex-col gap-3 lg:sticky lg:top-4 lg:col-start-2 lg:row-span-2 lg:row-start-1">
          {summary({ heading: t('orderSummary') })}
          {/* Without JavaScript nothing re-prices by itself: this posts the form for a fresh summary. */}
          {hydrated ? null : (
            <button type="submit" name="intent" value="update" formNoValidate className="rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-50">
              {t('updateSummary')}
            </button>
          )}
          <p role="status" className="sr-only">
            {stale ? t('updatingSummary') : liveQuote ? t('summaryUpdated', { total: fmt(quote.totals.totalCents) }) : ''}
          </p>
          {quoteError ? <FormMessage status="error" message={quoteError} /> : null}
        </div>
        <div className="flex flex-col gap-3 lg:col-start-1">
          {refused ? (
            <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
              <p>{refused.message}</p>
              {generalErrors.length > 0 ? (
                <ul className="mt-1 list-disc pl-5">
                  {generalErrors.map(([key, messages]) => (
                    <li key={key}>
                      {t(`general.${GENERAL_FIELDS[key as keyof typeof GENERAL_FIELDS]}`)}: {messages.join(' ')}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <SubmitButton pendingLabel={t('placing')} pending={placing} className="w-full py-3 text-base lg:w-auto">
            {t('placeOrder')}
          </SubmitButton>
          {selectedRateId === null ? <p className="text-sm text-red-700">{t('chooseRate')}</p> : null}
        </div>
      </form>
    </>
  );
}
