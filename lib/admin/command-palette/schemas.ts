import { z } from 'zod';

// What the admin command palette asks the server: the text typed (orders by number, products by title or SKU,
// customers by email or name). Pages of the panel are matched in the browser from the navigation it already has.

export const paletteSearchSchema = z.object({ q: z.string().trim().min(2, 'Type at least two characters.').max(100) });

export type PaletteResult = { kind: 'order' | 'product' | 'customer'; href: string; label: string; detail: string };
