import 'server-only';
import { eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { storeSettings } from '@/db/schema';

export type StoreInfo = { name: string; currency: string; taxDisplay: 'inclusive' | 'exclusive' };

const FALLBACK: StoreInfo = { name: 'Storefront', currency: 'USD', taxDisplay: 'exclusive' };

export async function getStoreInfo(executor: Executor = db): Promise<StoreInfo> {
  const [row] = await executor
    .select({ name: storeSettings.name, currency: storeSettings.currency, taxDisplay: storeSettings.taxDisplay })
    .from(storeSettings)
    .where(eq(storeSettings.id, 1));
  return row ?? FALLBACK;
}
