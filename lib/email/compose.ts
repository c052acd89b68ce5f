import 'server-only';
import { db, type Executor } from '@/db/client';
import { loadEmailBrand } from './brand';
import { renderEmail, type RenderedEmail } from './render';
import type { EmailProps, EmailTemplateName } from './templates';
import type { EmailBrand } from './templates/layout';

/** Renders a template with the store's current brand: everything but the brand comes from the caller. */
export async function composeEmail<N extends EmailTemplateName>(
  name: N,
  props: Omit<EmailProps<N>, 'brand'>,
  executor: Executor = db,
): Promise<RenderedEmail> {
  const brand = await loadEmailBrand(executor);
  return renderEmail(name, { ...props, brand } as EmailProps<N>);
}

export type { EmailBrand };
