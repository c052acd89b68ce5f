// Tracking links for the carriers most stores ship with. A shipment's own tracking address (typed by staff) wins;
// otherwise a known carrier's public tracking page is built from the number; an unknown carrier has no link (its
// number is shown as plain text rather than a guessed address).

const CARRIERS: { names: RegExp; url: (trackingNumber: string) => string }[] = [
  { names: /^ups$/, url: (n) => `https://www.ups.com/track?tracknum=${n}` },
  { names: /^usps$|^us postal service$|^united states postal service$/, url: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}` },
  { names: /^fedex$|^fed ex$/, url: (n) => `https://www.fedex.com/fedextrack/?trknbr=${n}` },
  { names: /^dhl( express)?$/, url: (n) => `https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=${n}` },
  { names: /^royal ?mail$/, url: (n) => `https://www.royalmail.com/track-your-item#/tracking-results/${n}` },
];

/** The carrier's tracking page for this number, or null for a carrier the store does not know. */
export function carrierTrackingUrl(carrier: string, trackingNumber: string): string | null {
  const name = carrier.trim().toLowerCase().replace(/[.]/g, '').replace(/\s+/g, ' ');
  const known = CARRIERS.find((c) => c.names.test(name));
  if (!known) return null;
  const number = trackingNumber.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9-]+$/.test(number)) return null;
  return known.url(encodeURIComponent(number));
}

/** The link a shipment's tracking number opens: staff's own address first, else the carrier's page, else none. */
export function shipmentTrackingUrl(shipment: { carrier: string; trackingNumber: string; trackingUrl: string | null }): string | null {
  return shipment.trackingUrl ?? carrierTrackingUrl(shipment.carrier, shipment.trackingNumber);
}
