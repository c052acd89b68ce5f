import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { closeConnection } from '@/db/client';
import { createTestVariant } from '@/db/testing/fixtures';
import { authenticateCredentials, registerUser } from '@/lib/auth/service';
import { addCartLine } from '@/lib/cart/service';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { listShippingOptions, placeOrder } from '@/lib/checkout/service';
import { uniqueSuffix } from '@/lib/admin/testing';
import { exportOrdersCsv, ORDER_COLUMNS } from './csv-export';

afterAll(() => closeConnection());

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(value, { stream: true });
  }
}

describe('order export', () => {
  it('lists placed orders with their amounts as decimals, newest first', async () => {
    const email = `export-${uniqueSuffix()}@example.com`;
    await registerUser({ name: 'Export Buyer', email, password: 'export password' });
    const buyer = (await authenticateCredentials(email, 'export password'))!;
    const { variant } = await createTestVariant({ stock: 5, priceCents: 1234 });
    await addCartLine({ userId: buyer.id }, { variantId: variant.id, quantity: 2 });
    const rate = (await listShippingOptions('US', 'USD'))[0]!;
    const placed = await placeOrder(
      { userId: buyer.id },
      placeOrderSchema.parse({ email, shippingAddress: { name: 'Export Buyer', line1: '1 Road', city: 'Seattle', region: 'WA', postalCode: '98101', countryCode: 'US' }, shippingRateId: rate.id }),
      { userId: buyer.id },
    );

    const rows = Papa.parse<Record<string, string>>(await readAll(exportOrdersCsv()), { header: true, skipEmptyLines: true });
    expect(rows.meta.fields).toEqual([...ORDER_COLUMNS]);
    expect(rows.data[0]!.number).toBe(placed.number); // newest first
    expect(rows.data[0]).toMatchObject({ email, status: expect.any(String), currency: 'USD', items: '2', subtotal: '24.68', ship_to_country: 'US' });
    expect(rows.data[0]!.total).toBe((placed.totalCents / 100).toFixed(2));
  });
});
