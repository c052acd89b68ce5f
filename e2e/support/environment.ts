// Values shared by the e2e global setup and the specs.

export const E2E_ADMIN = { email: 'admin@e2e.test', password: 'e2e-admin-password-2026' } as const;
export const E2E_CUSTOMER = { email: 'customer@e2e.test', password: 'e2e-customer-password' } as const;
/** The bearer token the e2e server is started with, so /api/metrics is read as production would be. */
export const E2E_METRICS_TOKEN = 'e2e-metrics-token-0123456789';

/**
 * Separate (headless) storefronts served by the specs themselves on loopback, beside the store on `storePort`: the
 * first is allow-listed in the server's STORE_API_CORS_ORIGINS, the second is not.
 */
export function headlessOrigins(storePort: number): { listed: string; unlisted: string } {
  return { listed: `http://127.0.0.1:${storePort + 500}`, unlisted: `http://127.0.0.1:${storePort + 501}` };
}

/** Facts read from the seeded database before the server started. */
export type E2EFacts = {
  activeProductCount: number;
  topCategories: { name: string; productCount: number }[];
  featuredProductTitles: string[];
  draftProductSlug: string;
  /** A product and a misspelling of one word of its title. */
  typoTarget: { slug: string; title: string; typo: string };
  /** A product with one sold-out variant and one in stock, by option values (lower-case option names). */
  variantProduct: { slug: string; title: string; soldOut: Record<string, string>; available: Record<string, string> };
};

export function e2eFacts(): E2EFacts {
  const raw = process.env.E2E_FACTS;
  if (!raw) throw new Error('E2E_FACTS is missing: run the specs through playwright.config.ts (global setup).');
  return JSON.parse(raw) as E2EFacts;
}
