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
import { apiRefreshSchema, apiRegisterSchema, apiSignInSchema, apiTokensSchema, customerProfileSchema } from '@/lib/auth/schemas';
import { addressBookEntrySchema, savedAddressSchema } from '@/lib/customers/schemas';
import { checkoutQuoteSchema } from '@/lib/checkout/schemas';
import { checkoutQuoteViewSchema, shippingOptionSchema } from '@/lib/checkout/types';
import { orderSummarySchema } from '@/lib/orders/types';
import { MARKET_CODE } from '@/lib/markets/types';
import { giftCardBalanceQuerySchema } from '@/lib/gift-cards/schemas';
import { giftCardBalanceSchema } from '@/lib/gift-cards/types';

/** The `market` parameter of catalogue reads, as lib/markets/api.ts reads it. */
const MARKET_PARAM_DESCRIPTION =
  'Market code (e.g. "eu", "gb"): prices and currency are that market\'s — its explicit prices, else the base price at its exchange rate and rounding rule. Default: the store\'s default market. An unknown code is 422.';

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
  [apiTokensSchema, 'Tokens'],
  [customerProfileSchema, 'Customer'],
  [savedAddressSchema, 'SavedAddress'],
  [orderSummarySchema, 'OrderSummary'],
  [shippingOptionSchema, 'ShippingOption'],
  [checkoutQuoteViewSchema, 'CheckoutPreview'],
  [giftCardBalanceSchema, 'GiftCardBalance'],
];

/** Request bodies, as clients send them (zod's input side: before defaults and transforms). */
const requestComponents: [z.ZodType, string][] = [
  [addressSchema, 'Address'],
  [placeOrderSchema.describe('Prices, totals and lines are never accepted: they come from the cart and the database.'), 'PlaceOrderRequest'],
  [addToCartSchema, 'AddCartLineRequest'],
  [z.object({ quantity: quantitySchema }), 'UpdateCartLineRequest'],
  [apiRegisterSchema, 'RegisterRequest'],
  [apiSignInSchema, 'SignInRequest'],
  [apiRefreshSchema, 'RefreshRequest'],
  [addressBookEntrySchema, 'AddressBookEntry'],
  [checkoutQuoteSchema, 'CheckoutPreviewRequest'],
  [giftCardBalanceQuerySchema, 'GiftCardBalanceRequest'],
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

const marketParameter = { name: 'market', in: 'query', schema: { type: 'string', pattern: MARKET_CODE.source, examples: ['eu'] }, description: MARKET_PARAM_DESCRIPTION };

const catalogParameters = [
  marketParameter,
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
  { name: 'price_min', in: 'query', schema: { type: 'string', examples: ['25', '49.99'] }, description: "Lowest variant price, in units of the market's currency (the store's without `market`)." },
  { name: 'price_max', in: 'query', schema: { type: 'string' }, description: "Highest variant price, in units of the market's currency (the store's without `market`)." },
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
const cartResponse = json({ type: 'object', properties: { cart: ref('Cart') }, required: ['cart'] }, 'The cart');
const cartCreatedResponse = json(
  { type: 'object', properties: { token: { type: 'string', description: 'Present when this request created the cart: send it as X-Cart-Token from now on' }, cart: ref('Cart') }, required: ['cart'] },
  'The cart',
);

// Who may call an operation. Customer operations need a bearer token (or, for a browser on the store's own origin,
// the cookie session); "identified" ones work anonymously and act for the customer when a token is sent.
const bearer = [{ bearerAuth: [] }];
const optionalBearer = [{}, { bearerAuth: [] }];
const unauthenticated = errorResponse('Missing, invalid, expired or revoked access token');
const addressIdParameter = { name: 'addressId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const addressResponse = (description: string) => json({ type: 'object', properties: { address: ref('SavedAddress') } }, description);
const paginationSchema = {
  type: 'object',
  properties: { page: { type: 'integer' }, perPage: { type: 'integer' }, total: { type: 'integer' }, totalPages: { type: 'integer' } },
  required: ['page', 'perPage', 'total', 'totalPages'],
};

/** The customer, cart-pricing and sign-in operations of a headless storefront. */
const customerPaths = {
  '/auth/register': {
    post: {
      summary: 'Create a customer account',
      description:
        'The same answer whether or not the address already had an account (its owner is emailed instead), so registration cannot be used to find accounts. Sign in next. The storefront\'s password rules apply.',
      operationId: 'register',
      requestBody: { required: true, content: { 'application/json': { schema: ref('RegisterRequest') } } },
      responses: {
        202: json({ type: 'object', properties: { message: { type: 'string' } }, required: ['message'] }, 'Accepted'),
        422: errorResponse('Invalid email, or a password that is too short, too weak or breached'),
      },
    },
  },
  '/auth/token': {
    post: {
      summary: 'Sign in: an access token and a refresh token',
      description:
        'Email and password, and `code` (TOTP or recovery code) for accounts with two-factor on. Wrong passwords are throttled per account at an address and per address, as on the storefront. A guest cart named by X-Cart-Token joins the customer\'s cart.',
      operationId: 'signIn',
      parameters: [cartTokenHeader],
      requestBody: { required: true, content: { 'application/json': { schema: ref('SignInRequest') } } },
      responses: {
        200: json(ref('Tokens'), 'Signed in'),
        401: errorResponse('Wrong email or password'),
        422: errorResponse('Invalid body, or the account needs its second factor (fieldErrors.code)'),
      },
    },
  },
  '/auth/refresh': {
    post: {
      summary: 'Rotate a refresh token for a new token pair',
      description:
        'Each refresh token works once. Presenting one that was already used revokes the whole sign-in (every access and refresh token of it): two parties hold it. Of concurrent refreshes with one token exactly one succeeds.',
      operationId: 'refreshTokens',
      requestBody: { required: true, content: { 'application/json': { schema: ref('RefreshRequest') } } },
      responses: { 200: json(ref('Tokens'), 'A new pair'), 401: errorResponse('Unknown, expired, already used or revoked refresh token') },
    },
  },
  '/auth/sign-out': {
    post: {
      summary: 'Sign out: revoke this sign-in',
      operationId: 'signOut',
      security: bearer,
      responses: { 204: { description: 'Signed out: the access token and its refresh tokens no longer work' }, 401: unauthenticated },
    },
  },
  '/customers/me': {
    get: {
      summary: 'The signed-in customer',
      operationId: 'getCustomer',
      security: bearer,
      responses: { 200: json({ type: 'object', properties: { customer: ref('Customer') }, required: ['customer'] }, 'The customer'), 401: unauthenticated },
    },
  },
  '/customers/me/addresses': {
    get: {
      summary: 'The address book',
      operationId: 'listAddresses',
      security: bearer,
      responses: {
        200: json({ type: 'object', properties: { data: { type: 'array', items: ref('SavedAddress') } }, required: ['data'] }, 'Saved addresses, default first'),
        401: unauthenticated,
      },
    },
    post: {
      summary: 'Add an address',
      description: 'The checkout\'s per-country rules (region, postal code). The first address, or one sent with makeDefault, becomes the default.',
      operationId: 'createAddress',
      security: bearer,
      requestBody: { required: true, content: { 'application/json': { schema: ref('AddressBookEntry') } } },
      responses: { 201: addressResponse('The saved address'), 401: unauthenticated, 422: errorResponse('Invalid address') },
    },
  },
  '/customers/me/addresses/{addressId}': {
    get: {
      summary: 'One saved address',
      operationId: 'getAddress',
      security: bearer,
      parameters: [addressIdParameter],
      responses: { 200: addressResponse('The address'), 401: unauthenticated, 404: errorResponse('No such address of this customer') },
    },
    put: {
      summary: 'Replace a saved address',
      operationId: 'updateAddress',
      security: bearer,
      parameters: [addressIdParameter],
      requestBody: { required: true, content: { 'application/json': { schema: ref('AddressBookEntry') } } },
      responses: { 200: addressResponse('The address as saved'), 401: unauthenticated, 404: errorResponse('No such address of this customer'), 422: errorResponse('Invalid address') },
    },
    delete: {
      summary: 'Remove a saved address',
      operationId: 'deleteAddress',
      security: bearer,
      parameters: [addressIdParameter],
      responses: { 204: { description: 'Removed' }, 401: unauthenticated, 404: errorResponse('No such address of this customer') },
    },
  },
  '/customers/me/orders': {
    get: {
      summary: 'The customer\'s orders, newest first',
      operationId: 'listCustomerOrders',
      security: bearer,
      parameters: [
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        { name: 'per_page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
      ],
      responses: {
        200: json({ type: 'object', properties: { data: { type: 'array', items: ref('OrderSummary') }, pagination: paginationSchema }, required: ['data', 'pagination'] }, 'A page of orders'),
        401: unauthenticated,
        422: errorResponse('Invalid page or per_page'),
      },
    },
  },
  '/customers/me/orders/{number}': {
    get: {
      summary: 'One of the customer\'s orders',
      operationId: 'getCustomerOrder',
      security: bearer,
      parameters: [{ name: 'number', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: json({ type: 'object', properties: { order: ref('Order') }, required: ['order'] }, 'The order'), 401: unauthenticated, 404: errorResponse('No such order of this customer') },
    },
  },
  '/carts/current/shipping-options': {
    get: {
      summary: 'Shipping methods and their prices for the cart and a destination',
      operationId: 'listShippingOptions',
      security: optionalBearer,
      parameters: [
        cartTokenHeader,
        { name: 'countryCode', in: 'query', required: true, schema: { type: 'string', pattern: '^[A-Za-z]{2}$' }, description: 'ISO 3166-1 alpha-2' },
        { name: 'region', in: 'query', schema: { type: 'string', maxLength: 60 }, description: 'State or province code where the country has them (prices regional tax)' },
        { name: 'postalCode', in: 'query', schema: { type: 'string', maxLength: 20 } },
      ],
      responses: {
        200: json(
          {
            type: 'object',
            properties: {
              currency: { type: 'string' },
              countryCode: { type: 'string' },
              shippingOptions: { type: 'array', items: ref('ShippingOption') },
              addressErrors: { type: 'object', properties: { region: { type: 'string' }, postalCode: { type: 'string' } } },
            },
            required: ['currency', 'countryCode', 'shippingOptions', 'addressErrors'],
          },
          'Rates for this destination (empty when no zone covers it in the cart\'s currency)',
        ),
        401: unauthenticated,
        404: errorResponse('No cart with something to buy'),
        422: errorResponse('A country the store does not ship to, or invalid parameters'),
      },
    },
  },
  '/checkout/preview': {
    post: {
      summary: 'Price the order before placing it',
      description:
        'Totals, tax, discount and their split over the lines for a destination, shipping rate (default: the first for the destination) and code — the arithmetic placement runs again in its transaction, on the same prices, so a placed order charges what the preview showed unless a price, stock or the code changed meanwhile. A code that does not apply is reported in discountError, not refused.',
      operationId: 'previewCheckout',
      security: optionalBearer,
      parameters: [cartTokenHeader],
      requestBody: { required: true, content: { 'application/json': { schema: ref('CheckoutPreviewRequest') } } },
      responses: {
        200: json({ type: 'object', properties: { cart: ref('Cart'), preview: ref('CheckoutPreview') }, required: ['cart', 'preview'] }, 'The priced order'),
        401: unauthenticated,
        404: errorResponse('No cart with something to buy'),
        422: errorResponse('A country the store does not ship to, or invalid fields'),
      },
    },
  },
};

type Operation = { security?: unknown; parameters?: unknown[]; responses: Record<string, unknown>; [field: string]: unknown };

const publishableKeyHeader = {
  name: 'X-Publishable-Key',
  in: 'header',
  schema: { type: 'string' },
  description: "Optional: the storefront's publishable key (pk_…). Its requests get that storefront's own rate-limit budget; an unknown key is 401.",
};

/**
 * What every operation shares: the optional publishable key, the Store API's per-client ceiling (429), and who may
 * call — operations that do not say otherwise are public (an explicit empty requirement).
 */
function withCommonAnswers(paths: Record<string, Record<string, Operation>>): Record<string, Record<string, Operation>> {
  const common = (operation: Operation): Operation => ({
    ...operation,
    security: operation.security ?? [],
    parameters: [...(operation.parameters ?? []), publishableKeyHeader],
    responses: {
      401: errorResponse('Unknown publishable key'),
      429: errorResponse('Too many requests from this client (Retry-After says when to retry)'),
      ...operation.responses,
    },
  });
  return Object.fromEntries(Object.entries(paths).map(([path, methods]) => [path, Object.fromEntries(Object.entries(methods).map(([method, operation]) => [method, common(operation)]))]));
}

export function storeApiDocument(siteUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Store API',
      version: '1.0.0',
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Catalog, carts and checkout over the same services as the storefront. Amounts are integer minor units with an ISO 4217 currency. Errors share one shape; invalid input is 422 with fieldErrors.',
    },
    servers: [{ url: new URL('/api/store/v1', siteUrl).toString() }],
    paths: withCommonAnswers({
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
          parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }, marketParameter],
          responses: {
            200: json({ type: 'object', properties: { data: ref('ProductDetail') } }, 'The product'),
            422: errorResponse('Unknown market'),
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
          parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 100 }, description: 'What has been typed so far.' }, marketParameter],
          responses: {
            200: json(ref('SearchSuggestions'), 'Products, categories and whole queries; empty lists when nothing matches'),
            422: errorResponse('Invalid query parameters'),
          },
        },
      },
      '/gift-cards/balance': {
        post: {
          summary: 'Check a gift card balance',
          description:
            'What is left on a gift card, by its code (sent in the body, never the URL). Wrong codes are counted per client address (failures only, shared with the web balance page and the checkout\'s gift card field): past the limit, 429. To pay with cards, send their codes in giftCardCodes to /checkout/preview and /checkout.',
          operationId: 'checkGiftCardBalance',
          requestBody: { required: true, content: { 'application/json': { schema: ref('GiftCardBalanceRequest') } } },
          responses: {
            200: json({ type: 'object', properties: { data: ref('GiftCardBalance') }, required: ['data'] }, 'The card\'s balance, currency, expiry and status'),
            404: errorResponse('No gift card has this code'),
            422: errorResponse('No code sent'),
            429: errorResponse('Too many wrong codes from this address'),
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
          parameters: [{ ...marketParameter, description: 'The market the cart is priced in (its currency and prices). Default: the default market.' }],
          responses: { 201: json({ type: 'object', properties: { token: { type: 'string' }, cart: ref('Cart') } }, 'The cart and its token') },
        },
      },
      '/carts/current': {
        get: {
          summary: 'The cart named by the token',
          operationId: 'getCart', security: optionalBearer,
          parameters: [cartTokenHeader],
          responses: { 200: cartResponse, 404: errorResponse('No such cart') },
        },
      },
      '/carts/current/lines': {
        post: {
          summary: 'Add a variant to the cart (creates the cart when none is named)',
          operationId: 'addCartLine', security: optionalBearer,
          parameters: [
            cartTokenHeader,
            { ...marketParameter, description: 'A new cart is made in this market; a named cart in another market moves to it (every line re-priced) first. Default: a new cart in the default market, a named cart stays where it is.' },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: ref('AddCartLineRequest') } } },
          responses: { 201: cartCreatedResponse, 404: errorResponse('Unknown or unavailable variant'), 409: errorResponse('Not enough stock'), 422: errorResponse('Invalid body') },
        },
      },
      '/carts/current/lines/{lineId}': {
        patch: {
          summary: "Set a line's quantity",
          operationId: 'updateCartLine', security: optionalBearer,
          parameters: [cartTokenHeader, { name: 'lineId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          requestBody: { required: true, content: { 'application/json': { schema: ref('UpdateCartLineRequest') } } },
          responses: { 200: cartResponse, 404: errorResponse('No such line in this cart'), 422: errorResponse('Invalid quantity') },
        },
        delete: {
          summary: 'Remove a line',
          operationId: 'removeCartLine', security: optionalBearer,
          parameters: [cartTokenHeader, { name: 'lineId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { 200: cartResponse, 404: errorResponse('No such line in this cart') },
        },
      },
      '/checkout': {
        post: {
          summary: 'Place the order for a cart',
          description:
            'One transaction: re-prices every line, takes stock conditionally, counts the discount use, and converts the cart. Idempotent per cart, and per Idempotency-Key: a retry with the same key and body replays the first answer (header Idempotent-Replayed: true); the same key with another body is 422. With paymentProvider "stripe" (offered only when the store has Stripe configured) a PaymentIntent for the order total is created and returned in `payment`; a replay returns the same PaymentIntent.',
          operationId: 'placeOrder', security: optionalBearer,
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
          operationId: 'getOrder', security: optionalBearer,
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
      ...customerPaths,
    }),
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'A customer access token from POST /auth/token or /auth/refresh (15 minutes). Revoked at once by sign-out, a password change or a disabled account.',
        },
      },
    },
  };
}
