import 'server-only';
import { loadEmailBrand } from './brand';
import { renderEmail, type RenderedEmail } from './render';
import { EMAIL_TEMPLATES, type EmailTemplateName, isEmailTemplateName } from './templates';

// The admin's previews: every template rendered with sample data and the store's current brand, exactly as it
// would be sent (same renderer, same HTML and text parts).

export type EmailTemplateSummary = { name: EmailTemplateName; label: string };

export function listEmailTemplates(): EmailTemplateSummary[] {
  return (Object.keys(EMAIL_TEMPLATES) as EmailTemplateName[]).map((name) => ({ name, label: EMAIL_TEMPLATES[name].label }));
}

export async function renderEmailPreview(name: string): Promise<(RenderedEmail & { label: string }) | null> {
  if (!isEmailTemplateName(name)) return null;
  const definition = EMAIL_TEMPLATES[name];
  const email = await renderEmail(name, definition.sample(await loadEmailBrand()) as never);
  return { ...email, label: definition.label };
}
