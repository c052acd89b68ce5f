import { shipmentTrackingUrl } from '@/lib/orders/carriers';

/** A shipment's tracking number: a link to the carrier's tracking page when the store knows one, else plain text. */
export function TrackingNumber({ shipment }: { shipment: { carrier: string; trackingNumber: string; trackingUrl: string | null } }) {
  const href = shipmentTrackingUrl(shipment);
  if (!href) return <span className="font-mono [overflow-wrap:anywhere]">{shipment.trackingNumber}</span>;
  return (
    <a href={href} className="font-mono underline [overflow-wrap:anywhere]" rel="noopener noreferrer" target="_blank">
      {shipment.trackingNumber}
      <span className="sr-only"> (track with {shipment.carrier}, opens in a new tab)</span>
    </a>
  );
}
