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
      lines: { type: 'array', items: { type: 'object', additionalProperties: true } },
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
      '/openapi.json': {
        get: { summary: 'This document', operationId: 'getOpenApi', responses: { 200: { description: 'OpenAPI 3.1 document' } } },
      },
    },
    components: { schemas },
  };
}
