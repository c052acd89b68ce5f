import { Body, Button, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from '@react-email/components';
import { type CSSProperties, Fragment, type ReactNode } from 'react';

// The frame of every email the store sends: the store's logo (or name) on its accent colour, the message, and a
// footer with how to reach the store. Email clients need tables and inline styles (react-email renders both);
// colours are set on every block, and the document declares itself light-only, so a client's dark mode does not
// invert half of it into unreadable grey-on-grey.

export type EmailBrand = {
  storeName: string;
  /** Absolute URL, or null to show the name. */
  logoUrl: string | null;
  accentColor: string;
  siteUrl: string;
  supportEmail: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
};

const INK = '#18181b';
const MUTED = '#52525b';

export const styles = {
  h1: { color: INK, fontSize: '22px', lineHeight: '28px', fontWeight: 700, margin: '0 0 12px' } satisfies CSSProperties,
  h2: { color: INK, fontSize: '16px', lineHeight: '22px', fontWeight: 700, margin: '24px 0 8px' } satisfies CSSProperties,
  text: { color: INK, fontSize: '15px', lineHeight: '22px', margin: '0 0 12px' } satisfies CSSProperties,
  muted: { color: MUTED, fontSize: '13px', lineHeight: '19px', margin: '0 0 8px' } satisfies CSSProperties,
  cell: { color: INK, fontSize: '14px', lineHeight: '20px', padding: '6px 0', verticalAlign: 'top' } satisfies CSSProperties,
  amount: { color: INK, fontSize: '14px', lineHeight: '20px', padding: '6px 0', textAlign: 'right', whiteSpace: 'nowrap', verticalAlign: 'top' } satisfies CSSProperties,
  box: { backgroundColor: '#f4f4f5', borderRadius: '6px', padding: '12px 16px', margin: '0 0 16px' } satisfies CSSProperties,
};

export function EmailLayout({ brand, preview, children, lang = 'en' }: { brand: EmailBrand; preview: string; children: ReactNode; lang?: string }) {
  const contact = [brand.supportEmail, brand.contactPhone].filter(Boolean).join(' · ');
  return (
    <Html lang={lang}>
      <Head>
        <meta name="color-scheme" content="light only" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: '#f4f4f5', margin: 0, padding: '24px 0', fontFamily: "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif" }}>
        <Container style={{ backgroundColor: '#ffffff', maxWidth: '600px', width: '100%', borderRadius: '8px', overflow: 'hidden' }}>
          <Section style={{ backgroundColor: brand.accentColor, padding: '20px 24px' }}>
            <Link href={brand.siteUrl} style={{ color: '#ffffff', fontSize: '20px', fontWeight: 700, textDecoration: 'none' }}>
              {brand.logoUrl ? <Img src={brand.logoUrl} alt={brand.storeName} height="40" style={{ height: '40px', width: 'auto', display: 'block' }} /> : brand.storeName}
            </Link>
          </Section>
          <Section style={{ padding: '24px' }}>{children}</Section>
          <Hr style={{ borderColor: '#e4e4e7', margin: 0 }} />
          <Section style={{ padding: '16px 24px 24px' }}>
            <Text style={styles.muted}>
              <Link href={brand.siteUrl} style={{ color: MUTED }}>
                {brand.storeName}
              </Link>
              {contact ? ` · ${contact}` : ''}
            </Text>
            {brand.contactAddress ? (
              <Text style={styles.muted}>
                <Lines text={brand.contactAddress} />
              </Text>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

/** Multi-line text a merchant or customer typed (an address, bank details): one line each, in HTML and in text. */
export function Lines({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <>
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  );
}

/** The message's main action: a link styled as a button in the accent colour (white text: contrast checked on save). */
export function EmailButton({ brand, href, children }: { brand: EmailBrand; href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: '8px 0 20px' }}>
      <Button href={href} style={{ backgroundColor: brand.accentColor, color: '#ffffff', borderRadius: '6px', padding: '12px 20px', fontSize: '15px', fontWeight: 600, textDecoration: 'none' }}>
        {children}
      </Button>
    </Section>
  );
}

/** A link written out in full too, for clients that block buttons and for copying. */
export function FallbackLink({ href }: { href: string }) {
  return (
    <Text style={styles.muted}>
      Or copy this address into your browser:{' '}
      <Link href={href} style={{ color: MUTED, wordBreak: 'break-all' }}>
        {href}
      </Link>
    </Text>
  );
}
