import { Counter, Gauge, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { EMF_SERIES, emfRecorder } from './emf';

describe('CloudWatch embedded metrics', () => {
  it('reports what each series gained since the last record, summed over labels, in EMF', async () => {
    const registry = new Registry();
    const orders = new Counter({ name: EMF_SERIES.OrdersPlaced, help: 'x', labelNames: ['currency'], registers: [registry] });
    new Counter({ name: EMF_SERIES.CheckoutFailures, help: 'x', labelNames: ['reason'], registers: [registry] });
    const shed = new Gauge({ name: EMF_SERIES.RequestsShed, help: 'x', labelNames: ['reason'], registers: [registry] });
    const record = emfRecorder('Storefront/test', registry, () => 1_700_000_000_000);

    orders.inc({ currency: 'USD' }, 2);
    orders.inc({ currency: 'EUR' });
    shed.set({ reason: 'timeout' }, 4);
    const first = await record();
    expect(first).toMatchObject({ OrdersPlaced: 3, CheckoutFailures: 0, RequestsShed: 4, RateLimitRejections: 0 });
    expect(first._aws).toEqual({
      Timestamp: 1_700_000_000_000,
      CloudWatchMetrics: [
        {
          Namespace: 'Storefront/test',
          Dimensions: [[]],
          Metrics: ['OrdersPlaced', 'CheckoutFailures', 'RequestsShed', 'RateLimitRejections'].map((Name) => ({ Name, Unit: 'Count' })),
        },
      ],
    });

    orders.inc({ currency: 'USD' });
    shed.set({ reason: 'timeout' }, 6);
    expect(await record()).toMatchObject({ OrdersPlaced: 1, RequestsShed: 2 });
    expect(await record()).toMatchObject({ OrdersPlaced: 0, RequestsShed: 0 });
  });
});
