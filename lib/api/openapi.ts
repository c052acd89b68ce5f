import { z } from 'zod';
import { errorBodySchema } from '@/lib/errors';
import { addToCartSchema, quantitySchema } from '@/lib/cart/schemas';
import { cartSchema } from '@/lib/cart/types';
import { catalogSorts, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@/lib/catalog/schemas';
import { productListSchema } from './catalog';
import { catalogFacetsSchema, categoryNodeSchema, productCardSchema, productDetailSchema, productImageSchema, variantSchema } from '@/lib/catalog/types';
import { addressSchema } from '@/lib/checkout/address';
import { placeOrderSchema } from '@/lib/checkout/schemas';
import { searchSuggestionsSchema } from '@/lib/catalog/suggest-schemas';
import { placedOrderResponseSchema } from '@/lib/checkout/types';
import { addressSnapshotSchema, orderDetailSchema, shipmentSchema } from '@/lib/orders/types';
import { paymentStartSchema } from '@/lib/payments/types';

// The Store API's OpenAPI 3.1 description. Its shapes are not written here: every request and response schema is the
// zod schema the route validates with or the DTO type is inferred from, turned into JSON Schema by zod itself (its
// components are named below). What is written here is what a schema cannot say: paths, parameters, status codes.
// Every route under app/api/store/v1 must appear: a unit test walks the route files and fails on any path or method
// this document does not describe.

type Schema = Record<string, unknown>;

/** Response shapes, as the server sends them (zod's output side). */
const responseComponents: [z.ZodType, string][] = [
  [errorBodySchema, 'Error'],
  [productImageSchema, 'Image'],
  [productCardSchema, 'ProductCard'],
  [variantSchema, 'Variant'],
  [productDetailSchema, 'ProductDetail'],
  [catalogFacetsSchema, 'Facets'],
  [productListSchema, 'ProductList'],
  [categoryNodeSchema, 'CategoryNode'],
  [searchSuggestionsSchema, 'SearchSuggestions'],
  [cartSchema, 'Cart'],
  [paymentStartSchema, 'PaymentStart'],
  [placedOrderResponseSchema, 'PlacedOrder'],
  [addressSnapshotSchema, 'OrderAddress'],
  [shipmentSchema, 'Shipment'],
  [orderDetailSchema, 'Order'],
];

/** Request bodies, as clients send them (zod's input side: before defaults and transforms). */
const requestComponents: [z.ZodType, string][] = [
  [addressSchema, 'Address'],
  [placeOrderSchema.describe('Prices, totals and lines are never accepted: they come from the cart and the database.'), 'PlaceOrderRequest'],
  [addToCartSchema, 'AddCartLineRequest'],
  [z.object({ quantity: quantitySchema }), 'UpdateCartLineRequest'],
];

export function components(entries: [z.ZodType, string][], io: 'input' | 'output'): Record<string, Schema> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of entries) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io, unrepresentable: 'any' });
  // Each component is embedded in the document: the JSON Schema dialect and ids belong to the document, not to it.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema as Schema]));
}

const schemas: Record<string, Schema> = { ...components(responseComponents, 'output'), ...components(requestComponents, 'input') };

const ref = (name: keyof typeof schemas & string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const errorResponse = (description: string) => json(ref('Error'), description);

const catalogParameters = [
  {
    name: 'q',
    in: 'query',
    schema: { type: 'string', maxLength: 100 },
    description: 'Search text: typos (edit distance), plurals, British and American spellings, the store\'s synonyms, category and option words.',
  },
  { name: 'category', in: 'query', schema: { type: 'string' }, description: 'Category slug; includes its subcategories.' },
  {
    name: 'opt.{name}',
    in: 'query',
    schema: { type: 'string' },
    description: 'Option filter, repeatable: opt.size=M&opt.size=L&opt.colour=Black. A product matches when one variant has all chosen options.',
  },
  { name: 'price_min', in: 'query', schema: { type: 'string', examples: ['25', '49.99'] }, description: 'Lowest variant price, in store currency units.' },
  { name: 'price_max', in: 'query', schema: { type: 'string' }, description: 'Highest variant price, in store currency units.' },
  { name: 'in_stock', in: 'query', schema: { type: 'string', enum: ['1', '0', 'true', 'false'] } },
  { name: 'sort', in: 'query', schema: { type: 'string', enum: [...catalogSorts] }, description: 'Default: relevance with q, else best_selling.' },
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
  { name: 'per_page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT } },
];

const cartTokenHeader = {
  name: 'X-Cart-Token',
  in: 'header',
  schema: { type: 'string' },
  description: 'The token returned when the cart was created (browsers may rely on the cart cookie instead).',
};
const cartResponse = json({ type: 'object', properties: { cart: ref('Cart') } }, 'The cart');

export function storeApiDocument(siteUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Store API',
      version: '1.0.0',
      description:
        'Catalog, carts and checkout over the same services as the storefront. Amounts are integer minor units with an ISO 4217 currency. Errors share one shape; invalid input is 422 with fieldErrors.',
    },
    servers: [{ url: new URL('/api/store/v1', siteUrl).toString() }],
    paths: {
      '/products': {
        get: {
          summary: 'Search and filter products',
          operationId: 'listProducts',
          parameters: catalogParameters,
          responses: {
            200: json(ref('ProductList'), 'A page of products with facet counts'),
            404: errorResponse('Unknown category'),
            422: errorResponse('Invalid query parameters'),
          },
        },
      },
      '/products/{slug}': {
        get: {
          summary: 'One product',
          operationId: 'getProduct',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: json({ type: 'object', properties: { data: ref('ProductDetail') } }, 'The product'),
            404: errorResponse('No active product with this slug'),
          },
        },
      },
      '/search/suggestions': {
        get: {
          summary: 'Predictive search: suggestions as a shopper types',
          description:
            'The same search as `q` on /products, with the last word read as unfinished ("jac" finds jackets). Answers from a cache: cheap to call on every pause in typing.',
          operationId: 'getSearchSuggestions',
          parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 100 }, description: 'What has been typed so far.' }],
          responses: {
            200: json(ref('SearchSuggestions'), 'Products, categories and whole queries; empty lists when nothing matches'),
            422: errorResponse('Invalid query parameters'),
          },
        },
      },
      '/categories': {
        get: {
          summary: 'The category tree',
          operationId: 'listCategories',
          responses: { 200: json({ type: 'object', properties: { data: { type: 'array', items: ref('CategoryNode') } } }, 'Root categories with children') },
        },
      },
      '/carts': {
        post: {
          summary: 'Create an empty cart',
          operationId: 'createCart',
          responses: { 201: json({ type: 'object', properties: { token: { type: 'string' }, cart: ref('Cart') } }, 'The cart and its token') },
        },
      },
      '/carts/current': {
        get: {
          summary: 'The cart named by the token',
          operationId: 'getCart',
          parameters: [cartTokenHeader],
          responses: { 200: cartResponse, 404: errorResponse('No such cart') },
        },
      },
      '/carts/current/lines': {
        post: {
          summary: 'Add a variant to the cart (creates the cart when none is named)',
          operationId: 'addCartLine',
          parameters: [cartTokenHeader],
          requestBody: { required: true, content: { 'application/json': { schema: ref('AddCartLineRequest') } } },
          responses: { 201: cartResponse, 404: errorResponse('Unknown or unavailable variant'), 409: errorResponse('Not enough stock'), 422: errorResponse('Invalid body') },
        },
      },
      '/carts/current/lines/{lineId}': {
        patch: {
          summary: "Set a line's quantity",
          operationId: 'updateCartLine',
          parameters: [cartTokenHeader, { name: 'lineId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('UpdateCartLineRequest') } } },
          responses: { 200: cartResponse, 404: errorResponse('No such line in this cart'), 422: errorResponse('Invalid quantity') },
        },
        delete: {
          summary: 'Remove a line',
          operationId: 'removeCartLine',
          parameters: [cartTokenHeader, { name: 'lineId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { 200: cartResponse, 404: errorResponse('No such line in this cart') },
        },
      },
      '/checkout': {
        post: {
          summary: 'Place the order for a cart',
          description:
            'One transaction: re-prices every line, takes stock conditionally, counts the discount use, and converts the cart. Idempotent per cart, and per Idempotency-Key: a retry with the same key and body replays the first answer (header Idempotent-Replayed: true); the same key with another body is 422. With paymentProvider "stripe" (offered only when the store has Stripe configured) a PaymentIntent for the order total is created and returned in `payment`; a replay returns the same PaymentIntent.',
          operationId: 'placeOrder',
          parameters: [
            cartTokenHeader,
            { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', minLength: 8, maxLength: 255 } },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: ref('PlaceOrderRequest') } } },
          responses: {
            201: json(ref('PlacedOrder'), 'The order was placed; with paymentProvider "stripe", `payment` holds the PaymentIntent to confirm'),
            200: json(ref('PlacedOrder'), 'This cart was already converted: the same order (and, for Stripe, the same PaymentIntent)'),
            400: errorResponse('Missing or malformed Idempotency-Key'),
            404: errorResponse('No cart for this token'),
            409: errorResponse('Out of stock, empty cart, or a request with this key is still running'),
            422: errorResponse('Invalid address, shipping rate or discount code'),
            503: errorResponse('The order is placed but the card payment could not be started (Stripe unreachable): retry with the same Idempotency-Key'),
          },
        },
      },
      '/orders/{number}': {
        get: {
          summary: 'One order, for its owner',
          description: 'Signed-in customers see their own orders; guests send the order email in X-Order-Email. Anyone else gets 404.',
          operationId: 'getOrder',
          parameters: [
            { name: 'number', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'X-Order-Email', in: 'header', schema: { type: 'string', format: 'email' } },
          ],
          responses: { 200: json({ type: 'object', properties: { order: ref('Order') } }, 'The order'), 404: errorResponse('No such order for this owner') },
        },
      },
      '/openapi.json': {
        get: { summary: 'This document', operationId: 'getOpenApi', responses: { 200: { description: 'OpenAPI 3.1 document' } } },
      },
    },
    components: { schemas },
  };
}
