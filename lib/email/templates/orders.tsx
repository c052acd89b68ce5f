import { Column, Heading, Img, Link, Row, Section, Text } from '@react-email/components';
import { formatMoney, money } from '@/lib/money';
import { lineAmountCents, summaryRows, type SummaryOrder } from '../order-summary';
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
};

function Address({ address }: { address: EmailAddress }) {
  return (
    <Text style={styles.text}>
      <Lines text={[address.name, ...address.lines].join('\n')} />
    </Text>
  );
}

/** The confirmation's short pointer to the separate payment-instructions message (it repeats none of it). */
function PaymentPointer({ number }: { number: string }) {
  return (
    <Section style={styles.box} data-testid="payment-pointer">
      <Text style={{ ...styles.text, margin: 0 }}>
        <strong>Payment needed.</strong> We have sent you a separate email, “How to pay for order {number}”, with what to pay and how. We ship once the
        payment has arrived.
      </Text>
    </Section>
  );
}

export function OrderConfirmationEmail(props: OrderConfirmationProps) {
  const fmt = (cents: number) => formatMoney(money(cents, props.currency));
  return (
    <EmailLayout brand={props.brand} preview={`Order ${props.number}: ${fmt(props.totalCents)}. Thank you for your order.`}>
      <Heading as="h1" style={styles.h1}>
        Thank you for your order
      </Heading>
      <Text style={styles.text}>
        We have received your order <strong>{props.number}</strong>. We will email you again when it ships.
      </Text>
      {props.awaitingManualPayment ? <PaymentPointer number={props.number} /> : null}
      <Heading as="h2" style={styles.h2}>
        Your order
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
              <td style={{ ...styles.cell, fontWeight: row.kind === 'total' ? 700 : 400, color: row.kind === 'tax_included' ? '#52525b' : '#18181b' }}>{row.label}</td>
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
            Shipping to
          </Heading>
          <Address address={props.shippingAddress} />
          <Text style={styles.muted}>Method: {props.shippingMethod}</Text>
        </Column>
      </Row>
      <EmailButton brand={props.brand} href={props.orderUrl}>
        View your order
      </EmailButton>
      <Text style={styles.muted}>Look your order up at any time with its number and this email address.</Text>
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
};

export function PaymentInstructionsEmail(props: PaymentInstructionsProps) {
  const amount = formatMoney(money(props.totalCents, props.currency));
  return (
    <EmailLayout brand={props.brand} preview={`Pay ${amount} with reference ${props.number} to complete your order.`}>
      <Heading as="h1" style={styles.h1}>
        How to pay for order {props.number}
      </Heading>
      <Text style={styles.text}>Thank you for your order. It is reserved for you and ships as soon as your payment has arrived.</Text>
      <table role="presentation" className="amounts payment-facts" width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: 'collapse', margin: '0 0 16px' }}>
        <tbody>
          <tr>
            <td style={styles.cell}>Amount to pay</td>
            <td className="payment-amount" style={{ ...styles.amount, fontWeight: 700 }}>
              {amount}
            </td>
          </tr>
          <tr>
            <td style={styles.cell}>Reference</td>
            <td className="payment-reference" style={{ ...styles.amount, fontWeight: 700 }}>
              {props.number}
            </td>
          </tr>
        </tbody>
      </table>
      <Section style={styles.box} data-testid="payment-instructions">
        <Heading as="h2" style={{ ...styles.h2, marginTop: 0 }}>
          Payment details
        </Heading>
        <Text style={{ ...styles.text, marginBottom: 0 }}>
          <Lines text={props.instructions} />
        </Text>
      </Section>
      <Text style={styles.text}>
        Please quote <strong>{props.number}</strong> as the reference, so we can match your payment to your order.
      </Text>
      <EmailButton brand={props.brand} href={props.orderUrl}>
        View your order
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
