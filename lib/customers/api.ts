import 'server-only';
import { z } from 'zod';
import { db, type Executor } from '@/db/client';
import { AppError } from '@/lib/errors';
import { getCustomer } from './queries';

// A customer as the Admin API (and the customer.created webhook) present them.

export const adminCustomerSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['active', 'disabled']),
  guest: z.boolean().describe('A record kept for a guest buyer’s email, with no account (yet); registering with that email adopts it'),
  ordersCount: z.number().int(),
  amountSpent: z.array(z.object({ currency: z.string(), amountCents: z.number().int() })).describe('Paid orders net of refunds, per currency'),
  emailVerified: z.boolean(),
  createdAt: z.iso.datetime(),
  lastSignInAt: z.iso.datetime().nullable(),
  erased: z.boolean().describe('Erased on request: the record keeps no personal data'),
  orders: z.array(z.object({ number: z.string(), placedAt: z.iso.datetime(), status: z.string(), paymentStatus: z.string(), totalCents: z.number().int(), currency: z.string() })),
});
export type AdminCustomer = z.infer<typeof adminCustomerSchema>;

export async function getAdminCustomer(id: string, executor: Executor = db): Promise<AdminCustomer | null> {
  const customer = await getCustomer(id, executor);
  if (!customer) return null;
  return {
    id: customer.id,
    email: customer.email,
    name: customer.name,
    status: customer.status,
    guest: customer.guest,
    ordersCount: customer.orderCount,
    amountSpent: customer.amountSpent,
    emailVerified: customer.emailVerified,
    createdAt: customer.createdAt.toISOString(),
    lastSignInAt: customer.lastSignInAt?.toISOString() ?? null,
    erased: customer.erasedAt !== null,
    orders: customer.orders.map((o) => ({ ...o, placedAt: o.placedAt.toISOString() })),
  };
}

export async function getAdminCustomerOrThrow(id: string, executor: Executor = db): Promise<AdminCustomer> {
  const customer = await getAdminCustomer(id, executor);
  if (!customer) throw new AppError('not_found', 'No customer with this id.');
  return customer;
}
