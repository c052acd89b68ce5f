import { Heading, Link, Text } from '@react-email/components';
import { EmailButton, type EmailBrand, EmailLayout, FallbackLink, styles } from './layout';

// Account messages: links that sign someone in or change the account (reset, verification, staff invitation), and
// the security notices that follow every change to how the account is signed into.

export type LinkEmailProps = { brand: EmailBrand; url: string };

export function PasswordResetEmail({ brand, url }: LinkEmailProps) {
  return (
    <EmailLayout brand={brand} preview="Choose a new password (the link works for one hour).">
      <Heading as="h1" style={styles.h1}>
        Reset your password
      </Heading>
      <Text style={styles.text}>To choose a new password, open this link within one hour. It works once.</Text>
      <EmailButton brand={brand} href={url}>
        Choose a new password
      </EmailButton>
      <FallbackLink href={url} />
      <Text style={styles.muted}>If you did not ask for this, ignore this message; your password stays the same.</Text>
    </EmailLayout>
  );
}

export function VerificationEmail({ brand, url }: LinkEmailProps) {
  return (
    <EmailLayout brand={brand} preview="Confirm your email address (the link works for 24 hours).">
      <Heading as="h1" style={styles.h1}>
        Confirm your email address
      </Heading>
      <Text style={styles.text}>Welcome to {brand.storeName}. Confirm your email address by opening this link within 24 hours.</Text>
      <EmailButton brand={brand} href={url}>
        Confirm my email
      </EmailButton>
      <FallbackLink href={url} />
      <Text style={styles.muted}>If you did not create an account, ignore this message.</Text>
    </EmailLayout>
  );
}

export function AccountExistsEmail({ brand, signInUrl, resetUrl }: { brand: EmailBrand; signInUrl: string; resetUrl: string }) {
  return (
    <EmailLayout brand={brand} preview="You already have an account with this address.">
      <Heading as="h1" style={styles.h1}>
        You already have an account
      </Heading>
      <Text style={styles.text}>Someone (hopefully you) tried to create an account with this email address, but one already exists.</Text>
      <EmailButton brand={brand} href={signInUrl}>
        Sign in
      </EmailButton>
      <Text style={styles.text}>
        Forgot your password?{' '}
        <Link href={resetUrl} style={{ color: brand.accentColor }}>
          Reset it
        </Link>
        .
      </Text>
    </EmailLayout>
  );
}

export function StaffInviteEmail({ brand, url, role, invitedBy }: LinkEmailProps & { role: 'staff' | 'admin'; invitedBy: string }) {
  return (
    <EmailLayout brand={brand} preview={`${invitedBy} invited you to run ${brand.storeName}.`}>
      <Heading as="h1" style={styles.h1}>
        You are invited to {brand.storeName}
      </Heading>
      <Text style={styles.text}>
        {invitedBy} added you to the store&apos;s team as {role === 'admin' ? 'an admin' : 'staff'}. Choose your password to sign in to the admin panel. The
        link works once, for 72 hours.
      </Text>
      <EmailButton brand={brand} href={url}>
        Choose my password
      </EmailButton>
      <FallbackLink href={url} />
      <Text style={styles.muted}>Not expecting this? Ignore this message; nobody can use the account until a password is chosen.</Text>
    </EmailLayout>
  );
}

export type SecurityNoticeProps = { brand: EmailBrand; email: string; at: string; resetUrl: string };

function NotYou({ brand, resetUrl }: { brand: EmailBrand; resetUrl: string }) {
  return (
    <Text style={styles.text}>
      If this was not you,{' '}
      <Link href={resetUrl} style={{ color: brand.accentColor }}>
        reset your password now
      </Link>{' '}
      and reply to this email so we can help.
    </Text>
  );
}

export function PasswordChangedEmail(props: SecurityNoticeProps & { how: 'reset' | 'change' }) {
  return (
    <EmailLayout brand={props.brand} preview="Your password was changed.">
      <Heading as="h1" style={styles.h1}>
        Your password was changed
      </Heading>
      <Text style={styles.text}>
        The password of your account ({props.email}) was changed {props.how === 'reset' ? 'with a reset link' : 'in your account settings'} on {props.at}. Every
        session was signed out.
      </Text>
      <Text style={styles.text}>If this was you, there is nothing to do.</Text>
      <NotYou brand={props.brand} resetUrl={props.resetUrl} />
    </EmailLayout>
  );
}

export function EmailChangedEmail(props: SecurityNoticeProps & { newEmailMasked: string }) {
  return (
    <EmailLayout brand={props.brand} preview="Your email address was changed.">
      <Heading as="h1" style={styles.h1}>
        Your email address was changed
      </Heading>
      <Text style={styles.text}>
        The email address of your account was changed from {props.email} to {props.newEmailMasked} on {props.at}. Every session was signed out; the account now
        signs in with the new address.
      </Text>
      <Text style={styles.text}>If this was you, there is nothing to do.</Text>
      <Text style={styles.text}>If this was not you, reply to this email at once so we can restore your account.</Text>
    </EmailLayout>
  );
}

export function TwoFactorChangedEmail(props: SecurityNoticeProps & { enabled: boolean }) {
  return (
    <EmailLayout brand={props.brand} preview={props.enabled ? 'Two-factor authentication was turned on.' : 'Two-factor authentication was turned off.'}>
      <Heading as="h1" style={styles.h1}>
        Two-factor authentication was turned {props.enabled ? 'on' : 'off'}
      </Heading>
      <Text style={styles.text}>
        {props.enabled
          ? `Two-factor authentication was turned on for your account (${props.email}) on ${props.at}. Signing in now also asks for a code from your authenticator app (or a recovery code).`
          : `Two-factor authentication was turned off for your account (${props.email}) on ${props.at}. Signing in now needs only your password.`}
      </Text>
      <NotYou brand={props.brand} resetUrl={props.resetUrl} />
    </EmailLayout>
  );
}
