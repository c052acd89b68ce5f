'use client';

import { useEffect, useState } from 'react';
import { FieldError } from '@/components/ui/form-message';
import { formatGiftCardCode, normaliseGiftCardCode } from '@/lib/gift-cards/code-format';
import type { CheckoutQuoteView } from '@/lib/checkout/types';
import { formatMoney, money } from '@/lib/money';

/**
 * What the shopper chose to pay with besides a card or manual payment (the checkout re-prices when the codes or the
 * credit choice change), and the last code refused with its reason, shown under the field until the next one.
 */
export type TenderChoice = { giftCardCodes: string[]; useStoreCredit: boolean; refused: string | null };

export const NO_TENDERS: TenderChoice = { giftCardCodes: [], useStoreCredit: false, refused: null };

/**
 * Gift cards and store credit at checkout. A code is checked when the shopper applies it (never letter by letter:
 * wrong codes spend the address's guessing budget); the summary's quote says what each card pays. A code the quote
 * refused is taken off the list, and the reason stays under the field until the next code. Every applied code is
 * also a hidden field, so placing the order (and the no-JavaScript "Update order summary") carries them.
 */
export function GiftCardField({
  quote,
  value,
  onChange,
  busy,
  errors,
}: {
  quote: CheckoutQuoteView;
  value: TenderChoice;
  onChange: (next: TenderChoice) => void;
  /** The quote is being refreshed: what it says about the codes is about to change. */
  busy: boolean;
  errors?: string[];
}) {
  const [typed, setTyped] = useState('');
  // A code that cannot be one is refused here, without asking the server (and without spending a guess).
  const [malformed, setMalformed] = useState<string | null>(null);
  const fmt = (cents: number) => formatMoney(money(cents, quote.currency));
  const accepted = new Set(quote.giftCards.map((card) => card.code));

  // A fresh answer that did not accept a code on the list: keep its reason, drop the code. (An effect: the list is
  // the checkout's state, which a child may not set while rendering.)
  const dropped = !busy ? value.giftCardCodes.find((code) => !accepted.has(code)) : undefined;
  useEffect(() => {
    if (dropped === undefined) return;
    onChange({ ...value, giftCardCodes: value.giftCardCodes.filter((code) => code !== dropped), refused: quote.giftCardError ?? 'This gift card code is not valid.' });
  }, [dropped, quote.giftCardError, onChange, value]);

  const apply = () => {
    const raw = typed.trim();
    if (!raw) return;
    const normal = normaliseGiftCardCode(raw);
    if (!normal) {
      setMalformed('Enter the 16-character code from the gift card email.');
      return;
    }
    const code = formatGiftCardCode(normal);
    setMalformed(null);
    setTyped('');
    onChange({ ...value, giftCardCodes: value.giftCardCodes.includes(code) ? value.giftCardCodes : [...value.giftCardCodes, code], refused: null });
  };

  const message = malformed ?? value.refused;
  const fieldErrors = errors ?? (message ? [message] : undefined);
  return (
    <div className="rounded-lg border border-zinc-200 p-4">
      <label htmlFor="checkout-giftCard" className="block text-sm font-medium">
        Gift card <span className="font-normal text-zinc-600">(optional)</span>
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id="checkout-giftCard"
          // Without JavaScript the typed code is posted as is (placing the order, or updating the summary).
          name="giftCardCodes"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              apply();
            }
          }}
          placeholder="XXXX-XXXX-XXXX-XXXX"
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          aria-invalid={fieldErrors ? true : undefined}
          aria-describedby={fieldErrors ? 'checkout-giftCard-error' : undefined}
          className="block w-full min-w-0 rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono"
        />
        <button type="button" onClick={apply} className="shrink-0 rounded-md border border-zinc-300 px-3 py-2 text-sm font-medium hover:bg-zinc-50">
          Use gift card
        </button>
      </div>
      <FieldError id="checkout-giftCard-error" errors={fieldErrors} />
      {value.giftCardCodes.length > 0 ? (
        <ul aria-label="Applied gift cards" className="mt-3 flex flex-col gap-2 text-sm">
          {value.giftCardCodes.map((code) => {
            const card = quote.giftCards.find((entry) => entry.code === code);
            const lastFour = card?.lastFour ?? code.slice(-4);
            return (
              <li key={code} className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-zinc-50 px-3 py-2">
                <input type="hidden" name="giftCardCodes" value={code} />
                <span className="min-w-0">
                  Gift card •••• {lastFour}
                  {card ? (
                    <span className="block text-zinc-600">
                      Pays {fmt(card.amountCents)} · balance {fmt(card.balanceCents)}
                    </span>
                  ) : null}
                </span>
                <button
                  type="button"
                  onClick={() => onChange({ ...value, giftCardCodes: value.giftCardCodes.filter((entry) => entry !== code) })}
                  className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 underline hover:bg-zinc-100"
                  aria-label={`Remove gift card ending ${lastFour}`}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {quote.storeCredit ? (
        <div className="mt-3 flex items-center gap-2">
          <input
            type="checkbox"
            id="checkout-useStoreCredit"
            name="useStoreCredit"
            checked={value.useStoreCredit}
            onChange={(event) => onChange({ ...value, useStoreCredit: event.target.checked })}
          />
          <label htmlFor="checkout-useStoreCredit" className="text-sm">
            Use my store credit ({fmt(quote.storeCredit.availableCents)} available)
          </label>
        </div>
      ) : null}
      {quote.amountDueCents === 0 && quote.totals.totalCents > 0 ? (
        <p className="mt-2 text-sm font-medium text-green-800">Nothing left to pay: your order is covered.</p>
      ) : null}
    </div>
  );
}
