import { Heading, Text } from '@react-email/components';
import { EmailButton, type EmailBrand, EmailLayout, styles } from './layout';

// A return asked for (with what to do next) and a return refused (with the reason). The return number is what the
// customer writes on the parcel and quotes to the shop.

export type ReturnEmailProps = {
  brand: EmailBrand;
  number: string;
  orderNumber: string;
  lines: { title: string; variant: string; quantity: number; exchangeFor: string | null }[];
  /** Formatted, when the policy deducts one from the refund. */
  shippingFee: string | null;
  refundTo: string;
  rejectionReason: string | null;
  returnUrl: string;
};

function ReturnLines({ lines }: { lines: ReturnEmailProps['lines'] }) {
  return (
    <table role="presentation" className="amounts" width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: 'collapse', margin: '0 0 16px' }}>
      <tbody>
        {lines.map((line, index) => (
          <tr key={index}>
            <td style={styles.cell}>
              {line.quantity} × {line.title} ({line.variant})
            </td>
            <td style={styles.amount}>{line.exchangeFor ? `Exchange for ${line.exchangeFor}` : 'Refund'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReturnRequestedEmail(props: ReturnEmailProps) {
  const refunds = props.lines.some((line) => !line.exchangeFor);
  return (
    <EmailLayout brand={props.brand} preview={`Return ${props.number} for order ${props.orderNumber}: how to send it back.`}>
      <Heading as="h1" style={styles.h1}>
        Your return {props.number}
      </Heading>
      <Text style={styles.text}>
        We have your return request for order <strong>{props.orderNumber}</strong>. Its number is <strong>{props.number}</strong>.
      </Text>
      <ReturnLines lines={props.lines} />
      <Text style={styles.text}>What to do next:</Text>
      <Text style={{ ...styles.box, ...styles.text }}>
        1. Wait for our approval email (usually within two working days).
        <br />
        2. Pack the items unused, with their labels, and write {props.number} on the parcel.
        <br />
        3. Send it to the address on our contact page and keep the postage receipt.
      </Text>
      {refunds ? (
        <Text style={styles.text}>
          Once the items arrive, we refund them to {props.refundTo}
          {props.shippingFee ? `, less ${props.shippingFee} for return shipping` : ''}.
        </Text>
      ) : null}
      {props.lines.some((line) => line.exchangeFor) ? <Text style={styles.text}>The replacement is set aside for you and ships once your parcel arrives.</Text> : null}
      <EmailButton brand={props.brand} href={props.returnUrl}>
        Check your return
      </EmailButton>
    </EmailLayout>
  );
}

export function ReturnRejectedEmail(props: ReturnEmailProps) {
  return (
    <EmailLayout brand={props.brand} preview={`Return ${props.number} was not accepted.`}>
      <Heading as="h1" style={styles.h1}>
        We could not accept return {props.number}
      </Heading>
      <Text style={styles.text}>
        Your return request for order <strong>{props.orderNumber}</strong> was not accepted{props.rejectionReason ? `: ${props.rejectionReason}` : '.'}
      </Text>
      <ReturnLines lines={props.lines} />
      <Text style={styles.muted}>Please do not send these items back. Reply to this email if you have a question.</Text>
    </EmailLayout>
  );
}
