import 'server-only';
import { eq } from 'drizzle-orm';
import { db, type Executor } from '@/db/client';
import { storeSettings } from '@/db/schema';
import { DEFAULT_ACCENT_COLOR } from './brand';

export type StoreInfo = {
  name: string;
  currency: string;
  taxDisplay: 'inclusive' | 'exclusive';
  /** The brand, for the storefront and every email. */
  logoUrl: string | null;
  accentColor: string;
  /** How shoppers reach the store (footer, contact page, emails). */
  supportEmail: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
  /** Shown to a shopper who chose manual payment (confirmation page and email). */
  paymentInstructions: string | null;
};


const FALLBACK: StoreInfo = {
  name: 'Storefront',
  currency: 'USD',
  taxDisplay: 'exclusive',
  logoUrl: null,
  accentColor: DEFAULT_ACCENT_COLOR,
  supportEmail: null,
  contactPhone: null,
  contactAddress: null,
  paymentInstructions: null,
};

export async function getStoreInfo(executor: Executor = db): Promise<StoreInfo> {
  const [row] = await executor
    .select({
      name: storeSettings.name,
      currency: storeSettings.currency,
      taxDisplay: storeSettings.taxDisplay,
      logoUrl: storeSettings.logoUrl,
      accentColor: storeSettings.accentColor,
      supportEmail: storeSettings.supportEmail,
      contactPhone: storeSettings.contactPhone,
      contactAddress: storeSettings.contactAddress,
      paymentInstructions: storeSettings.paymentInstructions,
    })
    .from(storeSettings)
    .where(eq(storeSettings.id, 1));
  return row ?? FALLBACK;
}
