import { render } from '@react-email/components';
import { EMAIL_TEMPLATES, type EmailProps, type EmailTemplateName } from './templates';

// One template → the message: its subject, the HTML part and the plain-text alternative, both from the same React
// tree (html-to-text over the rendered HTML; images and the preview line are left out of the text).

export type RenderedEmail = { template: string; subject: string; html: string; text: string };

/** Both stored: the variant names (e.g. with manual-payment instructions) are previews of one message. */
const STORED_NAME: Partial<Record<EmailTemplateName, string>> = { order_confirmation_manual_payment: 'order_confirmation' };

export async function renderEmail<N extends EmailTemplateName>(name: N, props: EmailProps<N>): Promise<RenderedEmail> {
  const definition = EMAIL_TEMPLATES[name] as unknown as { subject: (p: EmailProps<N>) => string; element: (p: EmailProps<N>) => Parameters<typeof render>[0] };
  const element = definition.element(props);
  const [html, text] = await Promise.all([
    render(element),
    render(element, {
      plainText: true,
      htmlToTextOptions: {
        selectors: [
          { selector: 'table.amounts', format: 'dataTable', options: { uppercaseHeaderCells: false, maxColumnWidth: 80 } },
          { selector: 'h1', options: { uppercase: false } },
          { selector: 'h2', options: { uppercase: false } },
        ],
      },
    }),
  ]);
  return { template: STORED_NAME[name] ?? name, subject: definition.subject(props), html, text: text.trim() };
}
