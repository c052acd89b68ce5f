'use server';

import { revalidatePath } from 'next/cache';
import { invalidateStoreSettings } from '@/lib/catalog/cache';
import { adminAction } from '@/lib/auth/guards';
import { idSchema, shippingRateSchema, shippingZoneSchema, storeBrandSchema, storeSettingsSchema, taxRateSchema } from '@/lib/store/schemas';
import {
  deleteShippingRate,
  deleteShippingZone,
  deleteTaxRate,
  saveShippingRate,
  saveShippingZone,
  saveTaxRate,
  updateStoreBrand,
  updateStoreSettings,
} from '@/lib/store/service';

// Checkout reads shipping and tax live (never cached); the store settings feed cached catalog pages.

export const updateStoreSettingsAction = adminAction(storeSettingsSchema, async (input, ctx) => {
  await updateStoreSettings({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input);
  invalidateStoreSettings();
  revalidatePath('/admin/settings', 'layout');
  return null;
});

/** The logo, accent colour and contact details show on every storefront page and in every email from now on. */
export const updateStoreBrandAction = adminAction(storeBrandSchema, async (input, ctx) => {
  await updateStoreBrand({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input);
  invalidateStoreSettings();
  revalidatePath('/admin/settings', 'layout');
  return null;
}, { successMessage: 'Brand and contact details saved.' });

export const saveShippingZoneAction = adminAction(shippingZoneSchema, async (input, ctx) => {
  const id = await saveShippingZone({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input);
  revalidatePath('/admin/settings', 'layout');
  return id;
});

export const deleteShippingZoneAction = adminAction(idSchema, async (input, ctx) => {
  await deleteShippingZone({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.id);
  revalidatePath('/admin/settings', 'layout');
  return null;
});

export const saveShippingRateAction = adminAction(shippingRateSchema, async (input, ctx) => {
  const id = await saveShippingRate({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input);
  revalidatePath('/admin/settings', 'layout');
  return id;
});

export const deleteShippingRateAction = adminAction(idSchema, async (input, ctx) => {
  await deleteShippingRate({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.id);
  revalidatePath('/admin/settings', 'layout');
  return null;
});

export const saveTaxRateAction = adminAction(taxRateSchema, async (input, ctx) => {
  const id = await saveTaxRate({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input);
  revalidatePath('/admin/settings', 'layout');
  return id;
});

export const deleteTaxRateAction = adminAction(idSchema, async (input, ctx) => {
  await deleteTaxRate({ user: ctx.user, requestId: ctx.requestId, ip: ctx.ip }, input.id);
  revalidatePath('/admin/settings', 'layout');
  return null;
});
