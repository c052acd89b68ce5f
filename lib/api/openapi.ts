import { catalogSorts, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@/lib/catalog/schemas';

// The Store API's OpenAPI 3.1 description. Every route under app/api/store/v1 must appear here: a unit test walks
// the route files and fails on any path or method this document does not describe.

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const errorResponse = (description: string) => json(ref('Error'), description);

const money = (description: string): Schema => ({ type: 'integer', minimum: 0, description: `${description}, in minor units (cents)` });

const schemas: Record<string, Schema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', examples: ['validation_failed', 'not_found', 'rate_limited'] },
          message: { type: 'string' },
          fieldErrors: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
          requestId: { type: 'string' },
        },
      },
    },
  },
  Image: {
    type: 'object',
    required: ['url', 'alt', 'width', 'height'],
    properties: { url: { type: 'string' }, alt: { type: 'string' }, width: { type: 'integer' }, height: { type: 'integer' } },
  },
  ProductCard: {
    type: 'object',
    required: ['id', 'slug', 'title', 'priceMinCents', 'priceMaxCents', 'currency', 'inStock'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      slug: { type: 'string' },
      title: { type: 'string' },
      vendor: { type: ['string', 'null'] },
      priceMinCents: money('Lowest variant price'),
      priceMaxCents: money('Highest variant price'),
      compareAtPriceCents: { type: ['integer', 'null'], description: 'Lowest compare-at price above the price, in cents' },
      currency: { type: 'string', pattern: '^[A-Z]{3}$' },
      inStock: { type: 'boolean' },
      image: { oneOf: [ref('Image'), { type: 'null' }] },
    },
  },
  Variant: {
    type: 'object',
    required: ['id', 'sku', 'title', 'options', 'priceCents', 'currency', 'inStock', 'maxQuantity'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      sku: { type: 'string' },
      title: { type: 'string' },
      options: { type: 'object', additionalProperties: { type: 'string' }, examples: [{ Size: 'M', Colour: 'Black' }] },
      priceCents: money('Price'),
      compareAtPriceCents: { type: ['integer', 'null'] },
      currency: { type: 'string' },
      inStock: { type: 'boolean' },
      maxQuantity: { type: 'integer', description: 'Most units one cart line may hold now (0 when sold out)' },
    },
  },
  ProductDetail: {
    type: 'object',
    required: ['id', 'slug', 'title', 'description', 'options', 'variants', 'images'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      slug: { type: 'string' },
      title: { type: 'string' },
      description: { type: 'string' },
      vendor: { type: ['string', 'null'] },
      priceMinCents: money('Lowest variant price'),
      priceMaxCents: money('Highest variant price'),
      currency: { type: 'string' },
      images: { type: 'array', items: ref('Image') },
      options: {
        type: 'array',
        items: { type: 'object', properties: { name: { type: 'string' }, values: { type: 'array', items: { type: 'string' } } } },
      },
      variants: { type: 'array', items: ref('Variant') },
      categories: { type: 'array', items: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } } } },
      updatedAt: { type: 'string', format: 'date-time' },
    },
  },
  Facets: {
    type: 'object',
    properties: {
      categories: {
        type: 'array',
        items: { type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' }, count: { type: 'integer' } } },
      },
      options: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            key: { type: 'string', description: 'Use as opt.{key}' },
            name: { type: 'string' },
            values: {
              type: 'array',
              items: { type: 'object', properties: { value: { type: 'string' }, count: { type: 'integer' }, selected: { type: 'boolean' } } },
            },
          },
        },
      },
      priceBuckets: {
        type: 'array',
        items: {
          type: 'object',
          properties: { minCents: { type: 'integer' }, maxCents: { type: ['integer', 'null'] }, count: { type: 'integer' }, selected: { type: 'boolean' } },
        },
      },
      inStock: { type: 'object', properties: { count: { type: 'integer' }, selected: { type: 'boolean' } } },
    },
    description: 'Counts per choice, each under every active filter except its own.',
  },
  ProductList: {
    type: 'object',
    required: ['data', 'pagination', 'sort', 'facets'],
    properties: {
      data: { type: 'array', items: ref('ProductCard') },
      pagination: {
        type: 'object',
        properties: { page: { type: 'integer' }, perPage: { type: 'integer' }, total: { type: 'integer' }, totalPages: { type: 'integer' } },
      },
      sort: { type: 'string', enum: [...catalogSorts] },
      facets: ref('Facets'),
      category: { oneOf: [{ type: 'object', properties: { slug: { type: 'string' }, name: { type: 'string' } } }, { type: 'null' }] },
    },
  },
  CategoryNode: {
    type: 'object',
    properties: {
      slug: { type: 'string' },
      name: { type: 'string' },
      path: { type: 'string' },
      children: { type: 'array', items: ref('CategoryNode') },
    },
  },
  Cart: {
    type: 'object',
    required: ['id', 'currency', 'lines', 'itemCount', 'subtotalCents'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      currency: { type: 'string' },
      itemCount: { type: 'integer' },
      subtotalCents: money('Sum of purchasable lines at current prices'),
      hasProblems: { type: 'boolean', description: 'Some line is sold out, over stock or no longer sold' },
      lines: { type: 'array', items: ref('CartLine') },
    },
  },
  CartLine: {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      variantId: { type: 'string', format: 'uuid' },
      productSlug: { type: 'string' },
      productTitle: { type: 'string' },
      variantTitle: { type: 'string' },
      sku: { type: 'string' },
      imageUrl: { type: ['string', 'null'] },
      unitPriceCents: money('Current unit price'),
      quantity: { type: 'integer', minimum: 1 },
      lineTotalCents: money('unitPriceCents × quantity'),
      maxQuantity: { type: 'integer', description: 'min(stock, 10); 0 when no longer purchasable' },
      problem: { type: ['string', 'null'], enum: ['unavailable', 'insufficient_stock', null] },
    },
  },
  Address: {
    type: 'object',
    required: ['name', 'line1', 'city', 'postalCode', 'countryCode'],
    properties: {
      name: { type: 'string' },
      company: { type: ['string', 'null'] },
      line1: { type: 'string' },
      line2: { type: ['string', 'null'] },
      city: { type: 'string' },
      region: { type: ['string', 'null'], description: 'Required for US addresses: the two-letter state code' },
      postalCode: { type: 'string', description: 'Validated per country (US, CA, GB, DE, FR, ES, IT, NL, IE, AU have exact patterns)' },
      countryCode: { type: 'string', pattern: '^[A-Z]{2}$' },
      phone: { type: ['string', 'null'] },
    },
  },
  PlaceOrderRequest: {
    type: 'object',
    required: ['email', 'shippingAddress', 'shippingRateId'],
    description: 'Prices, totals and lines are never accepted: they come from the cart and the database.',
    properties: {
      email: { type: 'string', format: 'email' },
      shippingAddress: ref('Address'),
      shippingRateId: { type: 'string', format: 'uuid', description: 'An active rate of a zone that serves the country' },
      discountCode: { type: 'string' },
      paymentProvider: { type: 'string', enum: ['manual', 'stripe'], default: 'manual', description: 'stripe only when configured' },
      customerNote: { type: 'string', maxLength: 1000 },
    },
  },
  Order: {
    type: 'object',
    properties: {
      number: { type: 'string', examples: ['SF-7K3F9QX2'] },
      email: { type: 'string' },
      status: { type: 'string', enum: ['pending', 'paid', 'fulfilled', 'delivered', 'cancelled'] },
      paymentStatus: { type: 'string', enum: ['unpaid', 'paid', 'partially_refunded', 'refunded'] },
      currency: { type: 'string' },
      subtotalCents: money('Sum of lines'),
      discountCents: money('Discount'),
      shippingCents: money('Shipping'),
      taxCents: money('Tax (included in prices when taxInclusive)'),
      totalCents: money('Total charged'),
      taxInclusive: { type: 'boolean' },
      placedAt: { type: 'string', format: 'date-time' },
      shippingAddress: ref('Address'),
      lines: { type: 'array', items: { type: 'object', additionalProperties: true } },
      fulfilment: { type: 'string', examples: ['Not shipped', 'Partially shipped', 'Shipped', 'Delivered'] },
      shipments: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            carrier: { type: 'string' },
            trackingNumber: { type: 'string' },
            trackingUrl: { type: ['string', 'null'] },
            status: { type: 'string', enum: ['shipped', 'delivered'] },
            shippedAt: { type: 'string', format: 'date-time' },
            deliveredAt: { type: ['string', 'null'], format: 'date-time' },
          },
        },
      },
    },
  },
};

const catalogParameters = [
  { name: 'q', in: 'query', schema: { type: 'string', maxLength: 100 }, description: 'Search text; typos are tolerated.' },
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
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['variantId'],
                  properties: { variantId: { type: 'string', format: 'uuid' }, quantity: { type: 'integer', minimum: 1, default: 1 } },
                },
              },
            },
          },
          responses: { 201: cartResponse, 404: errorResponse('Unknown or unavailable variant'), 409: errorResponse('Not enough stock'), 422: errorResponse('Invalid body') },
        },
      },
      '/carts/current/lines/{lineId}': {
        patch: {
          summary: "Set a line's quantity",
          operationId: 'updateCartLine',
          parameters: [cartTokenHeader, { name: 'lineId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object', required: ['quantity'], properties: { quantity: { type: 'integer', minimum: 1 } } } } },
          },
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
            'One transaction: re-prices every line, takes stock conditionally, counts the discount use, and converts the cart. Idempotent per cart, and per Idempotency-Key: a retry with the same key and body replays the first answer (header Idempotent-Replayed: true); the same key with another body is 422.',
          operationId: 'placeOrder',
          parameters: [
            cartTokenHeader,
            { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', minLength: 8, maxLength: 255 } },
          ],
          requestBody: { required: true, content: { 'application/json': { schema: ref('PlaceOrderRequest') } } },
          responses: {
            201: json(
              { type: 'object', properties: { order: { type: 'object', properties: { number: { type: 'string' }, totalCents: { type: 'integer' }, currency: { type: 'string' } } } } },
              'The order was placed (or this cart was already converted: 200 with the same order)',
            ),
            400: errorResponse('Missing or malformed Idempotency-Key'),
            404: errorResponse('No cart for this token'),
            409: errorResponse('Out of stock, empty cart, or a request with this key is still running'),
            422: errorResponse('Invalid address, shipping rate or discount code'),
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
