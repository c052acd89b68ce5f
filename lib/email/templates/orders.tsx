import { Column, Heading, Img, Link, Row, Section, Text } from '@react-email/components';
import type { Locale } from '@/lib/i18n/config';
import { formatMoney, money } from '@/lib/money';
import { emailIntlLocale, emailTranslator } from '../language';
import { lineAmountCents, type SummaryOrder, type SummaryRow, summaryRows } from '../order-summary';
import { EmailButton, type EmailBrand, EmailLayout, Lines, styles } from './layout';

// The order's messages: confirmation, payment instructions for manual payment (a message of its own, sent beside
// the confirmation), shipped, delivered, refunded. Every amount is formatted from minor units with the order's currency.

export type EmailAddress = { name: string; lines: string[] };

export type OrderConfirmationProps = Omit<SummaryOrder, 'lines'> & {
  brand: EmailBrand;
  number: string;
  currency: string;
  placedAt: string;
  lines: (SummaryOrder['lines'][number] & { title: string; variant: string; imageUrl: string | null })[];
  shippingAddress: EmailAddress;
  orderUrl: string;
  /** Manual payment not yet received: the confirmation points to the payment-instructions message sent beside it. */
  awaitingManualPayment: boolean;
  /** The language the order was placed in (English when absent). */
  locale?: Locale;
};

function Address({ address }: { address: EmailAddress }) {
  return (
    <Text style={styles.text}>
      <Lines text={[address.name, ...address.lines].join('\n')} />
    </Text>
  );
}

/** The confirmation's short pointer to the separate payment-instructions message (it repeats none of it). */
function PaymentPointer({ number, locale }: { number: string; locale?: Locale }) {
  const t = emailTranslator(locale);
  return (
    <Section style={styles.box} data-testid="payment-pointer">
      <Text style={{ ...styles.text, margin: 0 }}>
        <strong>{t('paymentNeeded')}</strong> {t('paymentPointer', { number })}
      </Text>
    </Section>
  );
}

/** A money row's label in the email's language (the rows themselves come from ../order-summary). */
function rowLabel(t: ReturnType<typeof emailTranslator>, row: SummaryRow, props: OrderConfirmationProps): string {
  switch (row.kind) {
    case 'subtotal':
      return t('subtotal');
    case 'discount':
      return props.discountCode ? t('discountWith', { code: props.discountCode }) : t('discount');
    case 'shipping':
      return t('shippingWith', { method: props.shippingMethod });
    case 'tax_included':
      return t('includingTax');
    case 'tax':
      return t('tax');
    case 'total':
      return t('total');
  }
}

export function OrderConfirmationEmail(props: OrderConfirmationProps) {
  const t = emailTranslator(props.locale);
  const fmt = (cents: number) => formatMoney(money(cents, props.currency), emailIntlLocale(props.locale));
  return (
    <EmailLayout brand={props.brand} lang={props.locale} preview={t('confirmationPreview', { number: props.number, total: fmt(props.totalCents) })}>
      <Heading as="h1" style={styles.h1}>
        {t('thanks')}
      </Heading>
      <Text style={styles.text}>{t.rich('received', { number: props.number, strong: (chunks) => <strong>{chunks}</strong> })}</Text>
      {props.awaitingManualPayment ? <PaymentPointer number={props.number} locale={props.locale} /> : null}
      <Heading as="h2" style={styles.h2}>
        {t('yourOrder')}
      </Heading>
      <table role="presentation" className="amounts" width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: 'collapse' }}>
        <tbody>
          {props.lines.map((line, index) => (
            <tr key={index} className="order-line" style={{ borderBottom: '1px solid #e4e4e7' }}>
              <td width="64" style={{ ...styles.cell, width: '64px', paddingRight: '12px' }}>
                {line.imageUrl ? <Img src={line.imageUrl} alt="" width="56" height="56" style={{ borderRadius: '4px', objectFit: 'cover', display: 'block' }} /> : null}
              </td>
              <td style={styles.cell}>
                <span style={{ fontWeight: 600 }}>{line.title}</span>
                <br />
                <span style={{ color: '#52525b', fontSize: '13px' }}>
                  {line.variant} · {line.quantity} × {fmt(line.unitPriceCents)}
                </span>
              </td>
              <td className="line-amount" style={styles.amount}>
                {fmt(lineAmountCents(line))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table role="presentation" className="amounts" width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: 'collapse', marginTop: '8px' }}>
        <tbody>
          {summaryRows(props).map((row) => (
            <tr key={row.kind} className={`summary-${row.kind}`}>
              <td style={{ ...styles.cell, fontWeight: row.kind === 'total' ? 700 : 400, color: row.kind === 'tax_included' ? '#52525b' : '#18181b' }}>{rowLabel(t, row, props)}</td>
              <td className="summary-amount" style={{ ...styles.amount, fontWeight: row.kind === 'total' ? 700 : 400, color: row.kind === 'tax_included' ? '#52525b' : '#18181b' }}>
                {row.sign === -1 ? `−${fmt(row.cents)}` : fmt(row.cents)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Row style={{ marginTop: '16px' }}>
        <Column>
          <Heading as="h2" style={styles.h2}>
            {t('shippingTo')}
          </Heading>
          <Address address={props.shippingAddress} />
          <Text style={styles.muted}>{t('method', { method: props.shippingMethod })}</Text>
        </Column>
      </Row>
      <EmailButton brand={props.brand} href={props.orderUrl}>
        {t('viewOrder')}
      </EmailButton>
      <Text style={styles.muted}>{t('lookUp')}</Text>
    </EmailLayout>
  );
}

export type PaymentInstructionsProps = {
  brand: EmailBrand;
  number: string;
  currency: string;
  totalCents: number;
  /** The merchant's instructions (bank details…), as written in settings. */
  instructions: string;
  orderUrl: string;
  /** The language the order was placed in (English when absent). */
  locale?: Locale;
};

export function PaymentInstructionsEmail(props: PaymentInstructionsProps) {
  const t = emailTranslator(props.locale);
  const amount = formatMoney(money(props.totalCents, props.currency), emailIntlLocale(props.locale));
  return (
    <EmailLayout brand={props.brand} lang={props.locale} preview={t('payPreview', { amount, number: props.number })}>
      <Heading as="h1" style={styles.h1}>
        {t('paySubject', { number: props.number })}
      </Heading>
      <Text style={styles.text}>{t('payIntro')}</Text>
      <table role="presentation" className="amounts payment-facts" width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: 'collapse', margin: '0 0 16px' }}>
        <tbody>
          <tr>
            <td style={styles.cell}>{t('amountToPay')}</td>
            <td className="payment-amount" style={{ ...styles.amount, fontWeight: 700 }}>
              {amount}
            </td>
          </tr>
          <tr>
            <td style={styles.cell}>{t('reference')}</td>
            <td className="payment-reference" style={{ ...styles.amount, fontWeight: 700 }}>
              {props.number}
            </td>
          </tr>
        </tbody>
      </table>
      <Section style={styles.box} data-testid="payment-instructions">
        <Heading as="h2" style={{ ...styles.h2, marginTop: 0 }}>
          {t('paymentDetails')}
        </Heading>
        <Text style={{ ...styles.text, marginBottom: 0 }}>
          <Lines text={props.instructions} />
        </Text>
      </Section>
      <Text style={styles.text}>{t.rich('quoteReference', { number: props.number, strong: (chunks) => <strong>{chunks}</strong> })}</Text>
      <EmailButton brand={props.brand} href={props.orderUrl}>
        {t('viewOrder')}
      </EmailButton>
    </EmailLayout>
  );
}

export type OrderShippedProps = {
  brand: EmailBrand;
  number: string;
  carrier: string;
  trackingNumber: string;
  trackingUrl: string | null;
  items: { title: string; quantity: number }[];
  orderUrl: string;
};

export function OrderShippedEmail(props: OrderShippedProps) {
  return (
    <EmailLayout brand={props.brand} preview={`Your order ${props.number} is on its way with ${props.carrier}.`}>
      <Heading as="h1" style={styles.h1}>
        Your order is on its way
      </Heading>
      <Text style={styles.text}>
        Good news: items from your order <strong>{props.number}</strong> have shipped with {props.carrier}.
      </Text>
      <Section style={styles.box}>
        {props.items.map((item, index) => (
          <Text key={index} style={{ ...styles.text, margin: '0 0 4px' }}>
            {item.quantity} × {item.title}
          </Text>
        ))}
      </Section>
      <Text style={styles.text}>
        Carrier: {props.carrier}
        <br />
        Tracking number: <strong>{props.trackingNumber}</strong>
      </Text>
      {props.trackingUrl ? (
        <EmailButton brand={props.brand} href={props.trackingUrl}>
          Track your parcel
        </EmailButton>
      ) : null}
      <Text style={styles.muted}>
        <Link href={props.orderUrl} style={{ color: '#52525b' }}>
          See your order
        </Link>
      </Text>
    </EmailLayout>
  );
}

export type OrderDeliveredProps = { brand: EmailBrand; number: string; orderUrl: string; returnsUrl: string };

export function OrderDeliveredEmail(props: OrderDeliveredProps) {
  return (
    <EmailLayout brand={props.brand} preview={`Your order ${props.number} has been delivered.`}>
      <Heading as="h1" style={styles.h1}>
        Your order has been delivered
      </Heading>
      <Text style={styles.text}>
        Your order <strong>{props.number}</strong> has arrived. We hope you enjoy it.
      </Text>
      <Text style={styles.text}>
        Something not right? You can return unused items — see{' '}
        <Link href={props.returnsUrl} style={{ color: props.brand.accentColor }}>
          shipping &amp; returns
        </Link>
        .
      </Text>
      <EmailButton brand={props.brand} href={props.orderUrl}>
        View your order
      </EmailButton>
    </EmailLayout>
  );
}

export type OrderRefundedProps = {
  brand: EmailBrand;
  number: string;
  currency: string;
  amountCents: number;
  refundedTotalCents: number;
  orderTotalCents: number;
  reason: string | null;
  /** Card refunds go back to the card; manual ones as the store arranged. */
  toCard: boolean;
  orderUrl: string;
};

export function OrderRefundedEmail(props: OrderRefundedProps) {
  const fmt = (cents: number) => formatMoney(money(cents, props.currency));
  return (
    <EmailLayout brand={props.brand} preview={`We refunded ${fmt(props.amountCents)} on order ${props.number}.`}>
      <Heading as="h1" style={styles.h1}>
        Your refund
      </Heading>
      <Text style={styles.text}>
        We have refunded <strong>{fmt(props.amountCents)}</strong> on your order <strong>{props.number}</strong>
        {props.reason ? ` (${props.reason})` : ''}.
      </Text>
      <table role="presentation" className="amounts" width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: 'collapse' }}>
        <tbody>
          <tr>
            <td style={styles.cell}>Order total</td>
            <td style={styles.amount}>{fmt(props.orderTotalCents)}</td>
          </tr>
          <tr>
            <td style={styles.cell}>This refund</td>
            <td style={styles.amount}>{`−${fmt(props.amountCents)}`}</td>
          </tr>
          <tr>
            <td style={styles.cell}>Refunded in all</td>
            <td style={styles.amount}>{fmt(props.refundedTotalCents)}</td>
          </tr>
        </tbody>
      </table>
      <Text style={{ ...styles.text, marginTop: '12px' }}>
        {props.toCard
          ? 'The money goes back to the card you paid with; banks usually show it within 5–10 working days.'
          : 'The money goes back the way you paid; reply to this email if you have not received it within 10 working days.'}
      </Text>
      <EmailButton brand={props.brand} href={props.orderUrl}>
        View your order
      </EmailButton>
    </EmailLayout>
  );
}
