import { Heading, Text } from '@react-email/components';
import { formatMoney, money } from '@/lib/money';
import { EmailButton, type EmailBrand, EmailLayout, FallbackLink, styles } from './layout';

// A gift card arriving: the code is in this message and nowhere else (the store keeps only its hash), so the email
// says so and shows it large, with the amount, the expiry, and where the balance can be checked.

export type GiftCardEmailProps = {
  brand: EmailBrand;
  code: string;
  amountCents: number;
  currency: string;
  recipientName: string | null;
  /** Who sent it, when it is a present (the buyer's email is never shown, only the name they gave). */
  fromName: string | null;
  message: string | null;
  expiresAt: string | null;
  shopUrl: string;
  balanceUrl: string;
};

export function GiftCardEmail(props: GiftCardEmailProps) {
  const amount = formatMoney(money(props.amountCents, props.currency));
  return (
    <EmailLayout brand={props.brand} preview={`A ${amount} gift card for ${props.brand.storeName}.`}>
      <Heading as="h1" style={styles.h1}>
        {props.recipientName ? `${props.recipientName}, here` : 'Here'} is your {amount} gift card
      </Heading>
      <Text style={styles.text}>
        {props.fromName ? `${props.fromName} sent you a gift card for ${props.brand.storeName}.` : `Your gift card for ${props.brand.storeName} is ready.`} Enter the
        code at checkout to pay with it; what you do not spend stays on the card.
      </Text>
      {props.message ? (
        <Text style={{ ...styles.box, ...styles.text, fontStyle: 'italic' }} data-testid="gift-card-message">
          “{props.message}”
        </Text>
      ) : null}
      <table role="presentation" className="amounts gift-card" width="100%" cellPadding={0} cellSpacing={0} style={{ borderCollapse: 'collapse', margin: '0 0 16px' }}>
        <tbody>
          <tr>
            <td style={styles.cell}>Gift card code</td>
            <td className="gift-card-code" style={{ ...styles.amount, fontWeight: 700, fontFamily: 'monospace', fontSize: '16px' }}>
              {props.code}
            </td>
          </tr>
          <tr>
            <td style={styles.cell}>Value</td>
            <td style={{ ...styles.amount, fontWeight: 700 }}>{amount}</td>
          </tr>
          <tr>
            <td style={styles.cell}>Valid until</td>
            <td style={styles.amount}>{props.expiresAt ? new Date(props.expiresAt).toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: 'UTC' }) : 'No expiry'}</td>
          </tr>
        </tbody>
      </table>
      <EmailButton brand={props.brand} href={props.shopUrl}>
        Start shopping
      </EmailButton>
      <Text style={styles.text}>Check what is left on the card at any time:</Text>
      <FallbackLink href={props.balanceUrl} />
      <Text style={styles.muted}>Keep this email safe: the code works like cash, and we cannot show it to you again.</Text>
    </EmailLayout>
  );
}
