import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { auditLog, inventoryLedger, users, variants } from '@/db/schema';
import type { PersonActor } from '@/lib/audit/service';
import type { ProductInput } from '@/lib/catalog/products/schemas';

// Helpers for the admin integration tests (real database, real services).

export async function staffActor(): Promise<PersonActor> {
  const [admin] = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.role, 'admin')).limit(1);
  if (!admin) throw new Error('The integration database has no admin: is it seeded?');
  return { user: admin, requestId: `test-${randomBytes(4).toString('hex')}`, ip: '127.0.0.1' };
}

export const uniqueSuffix = () => randomBytes(4).toString('hex');

/** Size × Colour, one variant per combination, priced from `basePrice` up by a dollar per size. */
export function matrixProduct(suffix: string, overrides: Partial<ProductInput> = {}): ProductInput {
  const sizes = ['S', 'M'];
  const colours = ['Red', 'Blue', 'Green'];
  return {
    title: `Matrix fixture ${suffix}`, // no word a search test asks for: fixtures left by one file never answer another's query
    slug: '',
    description: 'Plain <b>text</b>',
    status: 'active',
    vendor: null,
    featured: false,
    categoryIds: [],
    seoTitle: null,
    seoDescription: null,
    options: [
      { name: 'Size', values: sizes },
      { name: 'Colour', values: colours },
    ],
    variants: sizes.flatMap((size, s) =>
      colours.map((colour, c) => ({
        values: [size, colour],
        sku: `MT-${suffix}-${size}-${colour}`.toUpperCase(),
        price: `${20 + s}.${c}0`,
        compareAtPrice: '',
        stock: s * 3 + c + 1,
        active: true,
      })),
    ),
    ...overrides,
  };
}

export async function ledgerSum(variantId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(sum(${inventoryLedger.delta}), 0)::int` }).from(inventoryLedger).where(eq(inventoryLedger.variantId, variantId));
  return row?.n ?? 0;
}

export async function stockOf(variantId: string): Promise<number> {
  const [row] = await db.select({ n: variants.stockOnHand }).from(variants).where(eq(variants.id, variantId));
  return row!.n;
}

export async function auditCount(action: string, entityId?: string): Promise<number> {
  return db.$count(auditLog, entityId ? and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)) : eq(auditLog.action, action));
}
