'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction, staffAction } from '@/lib/auth/guards';
import { invalidateMarket, invalidateMarketPrices } from '@/lib/markets/cache';
import { marketIdSchema, marketInputSchema, marketPriceInputSchema, removeMarketPriceSchema } from '@/lib/markets/schemas';
import { deleteMarket, removeMarketPrice, saveMarket, setMarketPrice } from '@/lib/markets/service';

// The admin's market actions, validated by the wrapper and audited by the service. A market itself (its countries,
// currency, rate and rounding decide every price a shopper pays there) is the admins'; a variant's price in a market
// is product data, set by whoever edits products (staff too, as with the base price and the CSV import's price_<cur>
// columns). Each drops the caches of the markets it touched: the list, their priced reads, the pages.

export const saveMarketAction = adminAction(marketInputSchema, async (input, ctx) => {
  const saved = await saveMarket({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input);
  invalidateMarket(saved.code);
  if (saved.previousCode && saved.previousCode !== saved.code) invalidateMarket(saved.previousCode);
  revalidatePath('/admin/markets');
  return { id: saved.id };
});

export const deleteMarketAction = adminAction(marketIdSchema, async (input, ctx) => {
  const { code } = await deleteMarket({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.id);
  invalidateMarket(code);
  revalidatePath('/admin/markets');
  redirect('/admin/markets');
});

export const setMarketPriceAction = staffAction(marketPriceInputSchema, async (input, ctx) => {
  const { code, sku } = await setMarketPrice({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input);
  invalidateMarketPrices(code);
  revalidatePath(`/admin/markets/${input.marketId}`);
  revalidatePath('/admin/products/[id]', 'page');
  return { sku };
});

export const removeMarketPriceAction = staffAction(removeMarketPriceSchema, async (input, ctx) => {
  const { code } = await removeMarketPrice({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input);
  invalidateMarketPrices(code);
  revalidatePath(`/admin/markets/${input.marketId}`);
  revalidatePath('/admin/products/[id]', 'page');
  return null;
});
