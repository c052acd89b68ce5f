import { Heading, Text } from '@react-email/components';
import { EmailButton, type EmailBrand, EmailLayout, FallbackLink, styles } from './layout';

// Messages to the store's admins about its integrations.

export type WebhookEndpointDisabledProps = { brand: EmailBrand; endpointUrl: string; at: string; manageUrl: string };

export function WebhookEndpointDisabledEmail({ brand, endpointUrl, at, manageUrl }: WebhookEndpointDisabledProps) {
  return (
    <EmailLayout brand={brand} preview={`The store stopped sending events to ${endpointUrl}.`}>
      <Heading as="h1" style={styles.h1}>
        A webhook endpoint was disabled
      </Heading>
      <Text style={styles.text}>
        Every attempt to deliver events to {endpointUrl} failed for 24 hours, so on {at} the store stopped sending to it. Events since then are not
        queued for it.
      </Text>
      <Text style={styles.text}>See its delivery log for the answers it gave, fix the receiver, then enable the endpoint again.</Text>
      <EmailButton brand={brand} href={manageUrl}>
        Open the endpoint
      </EmailButton>
      <FallbackLink href={manageUrl} />
      <Text style={styles.muted}>You receive this because you are an admin of {brand.storeName}.</Text>
    </EmailLayout>
  );
}
