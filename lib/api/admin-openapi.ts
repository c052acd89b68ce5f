import type { z } from 'zod';
import { errorBodySchema } from '@/lib/errors';
import { apiScopes } from '@/lib/api-keys/scopes';
import {
  adminDiscountSchema,
  cancelRequestSchema,
  discountRequestSchema,
  fulfilmentRequestSchema,
  productImageFromUrlSchema,
  productPricesSchema,
  refundRequestSchema,
  stockAdjustmentSchema,
} from '@/lib/api/admin/schemas';
import { adminProductImageSchema, adminProductSchema } from '@/lib/catalog/products/api';
import { productInputSchema } from '@/lib/catalog/products/schemas';
import { adminCustomerSchema } from '@/lib/customers/api';
import { inventoryLevelSchema, ledgerEntrySchema } from '@/lib/inventory/api';
import { adminOrderSchema } from '@/lib/orders/api';
import { orderStatuses, paymentStatuses, productStatuses } from '@/db/schema';
import { adjustmentReasons } from '@/lib/inventory/schemas';
import { CURSOR_LIMIT_DEFAULT, CURSOR_LIMIT_MAX } from '@/lib/pagination';
import { components } from './openapi';

// The Admin API's OpenAPI 3.1 description, built like the Store API's: every shape is the zod schema the route
// validates with or its DTO is inferred from. Every route under app/api/admin/v1 must appear (a unit test walks them).

type Schema = Record<string, unknown>;

const responseComponents: [z.ZodType, string][] = [
  [errorBodySchema, 'Error'],
  [adminProductSchema, 'Product'],
  [adminProductImageSchema, 'ProductImage'],
  [inventoryLevelSchema, 'InventoryLevel'],
  [ledgerEntrySchema, 'LedgerEntry'],
  [adminOrderSchema, 'Order'],
  [adminCustomerSchema, 'Customer'],
  [adminDiscountSchema, 'Discount'],
];

const requestComponents: [z.ZodType, string][] = [
  [productInputSchema.describe('The product editor\'s input: amounts are decimal strings in the store currency; stock is set as given unless stockBefore is sent'), 'ProductInput'],
  [productPricesSchema, 'ProductPricesRequest'],
  [productImageFromUrlSchema, 'ProductImageFromUrlRequest'],
  [stockAdjustmentSchema, 'StockAdjustmentRequest'],
  [fulfilmentRequestSchema, 'FulfilmentRequest'],
  [cancelRequestSchema, 'CancelRequest'],
  [refundRequestSchema, 'RefundRequest'],
  [discountRequestSchema, 'DiscountRequest'],
];

const schemas: Record<string, Schema> = { ...components(responseComponents, 'output'), ...components(requestComponents, 'input') };

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const one = (name: string) => ({ type: 'object', required: ['data'], properties: { data: ref(name) } });
const page = (name: string) => ({
  type: 'object',
  required: ['data', 'nextCursor'],
  properties: { data: { type: 'array', items: ref(name) }, nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next page; null on the last' } },
});
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });

const cursorParameters = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: CURSOR_LIMIT_MAX, default: CURSOR_LIMIT_DEFAULT } },
  { name: 'cursor', in: 'query', schema: { type: 'string' }, description: '`nextCursor` of the previous page' },
];
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  schema: { type: 'string', minLength: 8, maxLength: 255, pattern: '^[A-Za-z0-9_.:-]+$' },
  description: 'Optional. A retry with the same key and body answers the first result (header Idempotent-Replayed: true) and changes nothing again; the same key with another body is 422. Keys are remembered for 24 hours, per API key.',
};
const pathParam = (name: string, schema: Schema) => ({ name, in: 'path', required: true, schema });
const idParam = pathParam('id', { type: 'string', format: 'uuid' });
const variantParam = pathParam('variantId', { type: 'string', format: 'uuid' });
const numberParam = pathParam('number', { type: 'string', examples: ['SF-7K3F9QX2'] });

const common = {
  401: error('No API key, or an unknown, revoked or expired one'),
  403: error("The key lacks this operation's scope"),
  429: error('Too many requests'),
};

function read(scope: string, operationId: string, summary: string, ok: Schema, extra: Record<string, unknown> = {}) {
  return { operationId, summary, description: `Scope: \`${scope}\`.`, 'x-scope': scope, ...extra, responses: { 200: json(ok, 'OK'), ...common, 404: error('Not found'), 422: error('Invalid parameters') } };
}

function write(
  scope: string,
  operationId: string,
  summary: string,
  status: 200 | 201,
  ok: Schema,
  extra: { parameters?: unknown[]; requestBody?: unknown; description?: string; responses?: Record<number, unknown> } = {},
) {
  return {
    operationId,
    summary,
    description: `Scope: \`${scope}\`.${extra.description ? ` ${extra.description}` : ''}`,
    'x-scope': scope,
    parameters: [...(extra.parameters ?? []), idempotencyKey],
    ...(extra.requestBody ? { requestBody: extra.requestBody } : {}),
    responses: {
      [status]: json(ok, 'Done'),
      ...common,
      404: error('Not found'),
      409: error('Not allowed in the current state, or a request with this Idempotency-Key is still running'),
      422: error('Invalid input (fieldErrors name the fields)'),
      ...extra.responses,
    },
  };
}

const withFulfilment = { type: 'object', required: ['fulfillmentId', 'data'], properties: { fulfillmentId: { type: 'string', format: 'uuid' }, data: ref('Order') } };
const withRefund = { type: 'object', required: ['refundId', 'data'], properties: { refundId: { type: 'string', format: 'uuid' }, data: ref('Order') } };

export function adminApiDocument(siteUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Admin API',
      version: '1.0.0',
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Products, inventory, orders, customers and discounts, for integrations (ERP, warehouse, marketing). Authenticate with an API key created under Admin → API keys: `Authorization: Bearer sfk_…`. Each key holds read or write scopes per area; write includes read. Writes go through the same services, validations, rate limits and audit log as the admin panel, with the key as the actor. Amounts are integer minor units with an ISO 4217 currency in answers, decimal strings in requests.',
    },
    servers: [{ url: new URL('/api/admin/v1', siteUrl).toString() }],
    security: [{ apiKey: [] }],
    paths: {
      '/products': {
        get: read('products:read', 'listProducts', 'List products, newest first', page('Product'), {
          parameters: [...cursorParameters, { name: 'status', in: 'query', schema: { type: 'string', enum: [...productStatuses] } }],
        }),
        post: write('products:write', 'createProduct', 'Create a product with its variants', 201, one('Product'), { requestBody: body('ProductInput') }),
      },
      '/products/{id}': {
        get: read('products:read', 'getProduct', 'One product', one('Product'), { parameters: [idParam] }),
        put: write('products:write', 'replaceProduct', 'Replace a product', 200, one('Product'), { parameters: [idParam], requestBody: body('ProductInput') }),
      },
      '/products/{id}/archive': {
        post: write('products:write', 'archiveProduct', 'Archive a product (off sale, kept for order history)', 200, one('Product'), { parameters: [idParam] }),
      },
      '/products/{id}/prices': {
        put: write('products:write', 'setProductPrices', "Set variants' prices", 200, one('Product'), { parameters: [idParam], requestBody: body('ProductPricesRequest') }),
      },
      '/products/{id}/images': {
        post: write('products:write', 'addProductImageFromUrl', 'Add an image the store fetches from a URL', 201, one('ProductImage'), {
          parameters: [idParam],
          requestBody: body('ProductImageFromUrlRequest'),
          description:
            'The store fetches the URL itself (http or https, at most 3 redirects, 10 s in all, at most 8 MB) and refuses addresses on loopback, private, link-local or metadata networks, at every redirect. The file must really be a JPEG, PNG, WebP, AVIF or GIF image of 64 to 8,000 px a side: it is re-encoded, stripped of metadata and attached exactly like an image uploaded in the admin panel. Answers the image as the product read lists it.',
          responses: {
            422: error('`validation_failed`, with `fieldErrors.url`: not an http(s) URL, a private or reserved address (or a redirect to one), not an image, too small or too large (over 8 MB)'),
            502: error('`upstream_failed`: the address could not be fetched — no DNS answer, no connection, an error status, more than 3 redirects, or no complete answer within 10 s'),
          },
        }),
      },
      '/inventory': {
        get: read('inventory:read', 'listInventoryLevels', 'Stock levels in SKU order', page('InventoryLevel'), {
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: CURSOR_LIMIT_MAX, default: CURSOR_LIMIT_DEFAULT } },
            { name: 'cursor', in: 'query', schema: { type: 'string' }, description: '`nextCursor` of the previous page (the last SKU)' },
            { name: 'sku', in: 'query', schema: { type: 'string' } },
            { name: 'low', in: 'query', schema: { type: 'string', enum: ['true', 'false'] }, description: 'Only levels at or below the low-stock threshold' },
          ],
        }),
      },
      '/inventory/{variantId}': {
        get: read('inventory:read', 'getInventoryLevel', "One variant's stock level", one('InventoryLevel'), { parameters: [variantParam] }),
      },
      '/inventory/{variantId}/adjustments': {
        post: write('inventory:write', 'adjustStock', 'Adjust stock with a reason', 201, one('InventoryLevel'), {
          parameters: [variantParam],
          requestBody: body('StockAdjustmentRequest'),
          description: `Reasons: ${adjustmentReasons.join(', ')}. Received and returned stock adds; damaged stock removes. Stock never goes below zero (409).`,
        }),
      },
      '/inventory/{variantId}/ledger': {
        get: read('inventory:read', 'listLedger', "A variant's stock ledger, newest first", page('LedgerEntry'), {
          parameters: [variantParam, { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: CURSOR_LIMIT_MAX } }, { name: 'cursor', in: 'query', schema: { type: 'string' } }],
        }),
      },
      '/orders': {
        get: read('orders:read', 'listOrders', 'List orders, newest first', page('Order'), {
          parameters: [
            ...cursorParameters,
            { name: 'status', in: 'query', schema: { type: 'string', enum: [...orderStatuses] } },
            { name: 'paymentStatus', in: 'query', schema: { type: 'string', enum: [...paymentStatuses] } },
            { name: 'email', in: 'query', schema: { type: 'string' } },
            { name: 'placedFrom', in: 'query', schema: { type: 'string', format: 'date-time' } },
            { name: 'placedTo', in: 'query', schema: { type: 'string', format: 'date-time' } },
          ],
        }),
      },
      '/orders/{number}': {
        get: read('orders:read', 'getOrder', 'One order', one('Order'), { parameters: [numberParam] }),
      },
      '/orders/{number}/mark-paid': {
        post: write('orders:write', 'markOrderPaid', 'Mark a manual payment received', 200, one('Order'), { parameters: [numberParam] }),
      },
      '/orders/{number}/fulfillments': {
        post: write('orders:write', 'fulfillOrder', 'Ship units with tracking', 201, withFulfilment, { parameters: [numberParam], requestBody: body('FulfilmentRequest') }),
      },
      '/orders/{number}/cancel': {
        post: write('orders:write', 'cancelOrder', 'Cancel an order (stock returns)', 200, one('Order'), { parameters: [numberParam], requestBody: body('CancelRequest') }),
      },
      '/orders/{number}/refunds': {
        post: write('orders:write', 'refundOrder', 'Refund part or all of the captured amount', 201, withRefund, { parameters: [numberParam], requestBody: body('RefundRequest') }),
      },
      '/customers/{id}': {
        get: read('customers:read', 'getCustomer', 'One customer', one('Customer'), { parameters: [idParam] }),
      },
      '/customers/{id}/disable': {
        post: write('customers:write', 'disableCustomer', 'Disable a customer account (ends its sessions)', 200, one('Customer'), { parameters: [idParam] }),
      },
      '/discounts': {
        get: read('discounts:read', 'listDiscounts', 'Discount codes, newest first (one page)', page('Discount')),
        post: write('discounts:write', 'createDiscount', 'Create a discount code', 201, one('Discount'), { requestBody: body('DiscountRequest') }),
      },
      '/discounts/{id}': {
        put: write('discounts:write', 'replaceDiscount', 'Replace a discount code', 200, one('Discount'), { parameters: [idParam], requestBody: body('DiscountRequest') }),
      },
      '/openapi.json': {
        get: { operationId: 'getOpenApi', summary: 'This document', security: [], responses: { 200: { description: 'OpenAPI 3.1 document' }, 429: common[429] } },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: `An Admin API key (sfk_…). Scopes: ${apiScopes.join(', ')}.`,
        },
      },
    },
  };
}
