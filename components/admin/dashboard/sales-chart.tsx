'use client';

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type SalesPoint = { date: string; label: string; revenue: number; revenueText: string; orders: number };

/**
 * Net sales (bars, left axis) and orders (line, right axis) per day. The SVG is described by its figure caption and
 * hidden from screen readers; the same numbers are in the table beside it, which is what assistive technology reads.
 */
export function SalesChart({ points, currency, title }: { points: SalesPoint[]; currency: string; title: string }) {
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact' });
  return (
    <figure aria-labelledby="sales-chart-title" className="rounded-md border border-zinc-200 bg-white p-4">
      <figcaption id="sales-chart-title" className="mb-2 font-semibold">
        {title}
      </figcaption>
      <div aria-hidden="true" className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e4e4e7" />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
            <YAxis yAxisId="revenue" tick={{ fontSize: 11 }} tickFormatter={(value: number) => money.format(value)} width={64} />
            <YAxis yAxisId="orders" orientation="right" allowDecimals={false} tick={{ fontSize: 11 }} width={32} />
            <Tooltip formatter={(value, name) => (name === 'Net sales' ? money.format(Number(value)) : value)} />
            <Legend />
            <Bar yAxisId="revenue" dataKey="revenue" name="Net sales" fill="#52525b" isAnimationActive={false} />
            <Line yAxisId="orders" dataKey="orders" name="Orders" stroke="#2563eb" strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-zinc-700">Show the figures as a table</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{title}</caption>
          <thead className="text-xs text-zinc-600">
            <tr>
              <th scope="col">Day</th>
              <th scope="col" className="text-right">Net sales</th>
              <th scope="col" className="text-right">Orders</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.date} className="border-t border-zinc-100">
                <th scope="row" className="font-normal">
                  {point.date}
                </th>
                <td className="text-right">{point.revenueText}</td>
                <td className="text-right">{point.orders}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
