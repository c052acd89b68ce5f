// Command-line arguments of `npm run db:seed`, parsed strictly and validated with zod.

import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_PRODUCT_COUNT, MAX_PRODUCT_COUNT } from './generate';

export class SeedUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedUsageError';
  }
}

export const USAGE = `Usage: npm run db:seed -- [--products N] [--no-orders] [--reset] [--yes-really]
  --products N   active products to create (1..${MAX_PRODUCT_COUNT.toLocaleString('en-US')}, default ${DEFAULT_PRODUCT_COUNT})
  --no-orders    no demo orders or demo customers (by default: 90 days of orders)
  --reset        empty every store table first (refused in production without --yes-really)
  --yes-really   confirm --reset when NODE_ENV=production`;

const argsSchema = z.object({
  products: z.coerce.number().int().min(1).max(MAX_PRODUCT_COUNT).default(DEFAULT_PRODUCT_COUNT),
  reset: z.boolean().default(false),
  noOrders: z.boolean().default(false),
  yesReally: z.boolean().default(false),
  help: z.boolean().default(false),
});

export type SeedCliArgs = z.infer<typeof argsSchema>;

export function parseSeedArgs(argv: string[]): SeedCliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        products: { type: 'string' },
        reset: { type: 'boolean' },
        'no-orders': { type: 'boolean' },
        'yes-really': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // Unknown flags and missing values: node's message is clear, the usage text says what is accepted.
    throw new SeedUsageError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const parsed = argsSchema.safeParse({
    products: values.products,
    reset: values.reset,
    noOrders: values['no-orders'],
    yesReally: values['yes-really'],
    help: values.help,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new SeedUsageError(`${problems}\n\n${USAGE}`);
  }
  return parsed.data;
}

