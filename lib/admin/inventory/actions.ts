'use server';

import { refresh } from 'next/cache';
import { actorOf } from '@/lib/admin/actor';
import { invalidateProductPages } from '@/lib/catalog/cache';
import { staffAction } from '@/lib/auth/guards';
import { adjustStock, setStock } from '@/lib/inventory/service';
import { adjustStockSchema, setStockSchema } from '@/lib/inventory/schemas';

export const adjustStockAction = staffAction(adjustStockSchema, async (input, ctx) => {
  const result = await adjustStock(actorOf(ctx), input);
  // The product page shows availability; listings catch up within their cache window (as after an order).
  invalidateProductPages([result.slug]);
  refresh();
  return { stockOnHand: result.stockOnHand };
}, { successMessage: 'Stock adjusted.' });

export const setStockAction = staffAction(setStockSchema, async (input, ctx) => {
  const result = await setStock(actorOf(ctx), input);
  if (result.delta !== 0) {
    invalidateProductPages([result.slug]);
    refresh();
  }
  return { stockOnHand: result.stockOnHand, delta: result.delta };
}, { successMessage: ({ stockOnHand, delta }) => (delta === 0 ? `Stock was already ${stockOnHand}.` : `Stock set to ${stockOnHand}.`) });
