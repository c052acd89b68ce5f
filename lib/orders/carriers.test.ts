import { describe, expect, it } from 'vitest';
import { carrierTrackingUrl, shipmentTrackingUrl } from './carriers';

describe('carrier tracking links', () => {
  it('builds the public tracking page of the five known carriers, whatever the case and spacing of the name', () => {
    expect(carrierTrackingUrl('UPS', '1Z999AA10123456784')).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(carrierTrackingUrl('usps', '9400 1000 0000 0000 0000 00')).toBe('https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000000');
    expect(carrierTrackingUrl('FedEx', '123456789012')).toBe('https://www.fedex.com/fedextrack/?trknbr=123456789012');
    expect(carrierTrackingUrl(' DHL ', 'JD014600003')).toBe('https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=JD014600003');
    expect(carrierTrackingUrl('Royal Mail', 'AB123456789GB')).toBe('https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB');
  });

  it('gives no link for an unknown carrier or a number that is not one', () => {
    expect(carrierTrackingUrl('Bob’s Couriers', 'X123')).toBeNull();
    expect(carrierTrackingUrl('UPS', '1Z<script>')).toBeNull();
  });

  it("prefers the address staff typed for the shipment", () => {
    expect(shipmentTrackingUrl({ carrier: 'Local', trackingNumber: 'L1', trackingUrl: 'https://track.example/L1' })).toBe('https://track.example/L1');
    expect(shipmentTrackingUrl({ carrier: 'Local', trackingNumber: 'L1', trackingUrl: null })).toBeNull();
  });
});
