// The demo catalogue's vocabulary: category tree, per-category product templates, colours and copy.
// Plain data; db/seed/generate.ts turns it into products deterministically.

export type Colour = { name: string; code: string; hex: string };

export const COLOURS = {
  black: { name: 'Black', code: 'BLK', hex: '#1f2023' },
  white: { name: 'White', code: 'WHT', hex: '#f4f3ef' },
  navy: { name: 'Navy', code: 'NVY', hex: '#1f2d4d' },
  charcoal: { name: 'Charcoal', code: 'CHR', hex: '#3b4048' },
  grey: { name: 'Heather Grey', code: 'HGR', hex: '#a8aaad' },
  olive: { name: 'Olive', code: 'OLV', hex: '#6b7042' },
  sand: { name: 'Sand', code: 'SND', hex: '#d9c4a1' },
  forest: { name: 'Forest Green', code: 'FGR', hex: '#2f5d46' },
  burgundy: { name: 'Burgundy', code: 'BRG', hex: '#6d2134' },
  sky: { name: 'Sky Blue', code: 'SKY', hex: '#7fb1dc' },
  rust: { name: 'Rust', code: 'RST', hex: '#b5562f' },
  mustard: { name: 'Mustard', code: 'MUS', hex: '#d3a332' },
  coral: { name: 'Coral', code: 'CRL', hex: '#ec7a66' },
  slate: { name: 'Slate', code: 'SLT', hex: '#5d6d7e' },
  sage: { name: 'Sage', code: 'SGE', hex: '#9bae93' },
  terracotta: { name: 'Terracotta', code: 'TRC', hex: '#c46a4a' },
} as const satisfies Record<string, Colour>;

export type ColourKey = keyof typeof COLOURS;

/** A value of a non-colour option. Price and weight deltas are added to the product's base. */
export type OptionValueSpec = { value: string; code: string; priceDeltaCents?: number; weightDeltaGrams?: number };

export type OptionSpec =
  | { kind: 'colour'; name: string; palette: readonly ColourKey[]; pick: readonly [number, number] }
  | {
      kind: 'list';
      name: string;
      values: readonly OptionValueSpec[];
      pick: readonly [number, number];
      /** Sizes come as a run (S–XL), not a scattered set. */
      contiguous?: boolean;
    };

/** Silhouettes drawn by db/seed/images.ts. */
export type ShapeKind =
  | 'tee'
  | 'hoodie'
  | 'jacket'
  | 'sock'
  | 'sneaker'
  | 'boot'
  | 'backpack'
  | 'tote'
  | 'duffel'
  | 'mug'
  | 'pan'
  | 'pillow'
  | 'tent'
  | 'sleeping-bag'
  | 'bottle'
  | 'charger'
  | 'headphones'
  | 'phone-case'
  | 'notebook'
  | 'pen'
  | 'organiser'
  | 'mat'
  | 'dumbbell'
  | 'jar'
  | 'pump-bottle';

export type ProductTemplate = {
  /** SKU prefix for this kind of product. */
  skuPrefix: string;
  nouns: readonly string[];
  adjectives: readonly string[];
  priceDollars: readonly [number, number];
  weightGrams: readonly [number, number];
  options: readonly OptionSpec[];
  /** Share of products sold as a single variant with no options. */
  singleVariantChance?: number;
  /** Accent colours for products without a colour option (images only). */
  palette: readonly ColourKey[];
  materials: readonly string[];
  features: readonly string[];
  shape: ShapeKind;
};

export type CategoryNode = {
  slug: string;
  name: string;
  description: string;
  vendors?: readonly string[];
  children?: readonly CategoryNode[];
  template?: ProductTemplate;
};

const apparelSizes: readonly OptionValueSpec[] = [
  { value: 'XS', code: 'XS', weightDeltaGrams: -20 },
  { value: 'S', code: 'S', weightDeltaGrams: -10 },
  { value: 'M', code: 'M' },
  { value: 'L', code: 'L', weightDeltaGrams: 10 },
  { value: 'XL', code: 'XL', weightDeltaGrams: 20 },
  { value: 'XXL', code: 'XXL', priceDeltaCents: 200, weightDeltaGrams: 30 },
];

const shoeSizes: readonly OptionValueSpec[] = [6, 7, 8, 9, 10, 11, 12, 13].map((n) => ({
  value: `US ${n}`,
  code: `US${n}`,
  weightDeltaGrams: (n - 9) * 15,
}));

const colour = (palette: readonly ColourKey[], pick: readonly [number, number], name = 'Colour'): OptionSpec => ({
  kind: 'colour',
  name,
  palette,
  pick,
});

const EARTHY: readonly ColourKey[] = ['black', 'navy', 'charcoal', 'olive', 'sand', 'forest', 'rust', 'slate'];
const CLASSIC: readonly ColourKey[] = ['black', 'white', 'navy', 'grey', 'charcoal'];
const BRIGHT: readonly ColourKey[] = ['coral', 'sky', 'mustard', 'sage', 'terracotta', 'burgundy'];

export const CATEGORY_TREE: readonly CategoryNode[] = [
  {
    slug: 'apparel',
    name: 'Apparel',
    description: 'Everyday clothing built from durable, comfortable fabrics.',
    vendors: ['Northwind Basics', 'Alder & Finch', 'Harbor Mill'],
    children: [
      {
        slug: 'tops',
        name: 'Tops',
        description: 'T-shirts, hoodies and sweatshirts for every season.',
        children: [
          {
            slug: 't-shirts',
            name: 'T-Shirts',
            description: 'Soft, breathable tees in classic and relaxed fits.',
            template: {
              skuPrefix: 'TEE',
              nouns: ['Tee', 'Crew Tee', 'Pocket Tee', 'V-Neck Tee', 'Long Sleeve Tee', 'Henley'],
              adjectives: ['Essential', 'Heavyweight', 'Organic', 'Slub', 'Garment-Dyed', 'Everyday', 'Relaxed'],
              priceDollars: [18, 42],
              weightGrams: [160, 240],
              options: [
                { kind: 'list', name: 'Size', values: apparelSizes, pick: [3, 6], contiguous: true },
                colour([...CLASSIC, 'olive', 'sand', 'rust', 'sky'], [1, 3]),
              ],
              palette: CLASSIC,
              materials: ['100% organic cotton jersey', 'combed ring-spun cotton', 'a cotton and recycled polyester blend', 'midweight slub cotton'],
              features: [
                'The shoulder seams are taped so the neckline keeps its shape wash after wash.',
                'It is pre-shrunk, so the fit you buy is the fit you keep.',
                'A slightly longer back hem stays tucked when you reach or bend.',
                'Side-seamed construction means no twisting after laundering.',
                'The ribbed collar is cut from the same yarn for an even colour match.',
              ],
              shape: 'tee',
            },
          },
          {
            slug: 'hoodies-sweatshirts',
            name: 'Hoodies & Sweatshirts',
            description: 'Brushed fleece layers for cool mornings and late evenings.',
            template: {
              skuPrefix: 'HOD',
              nouns: ['Hoodie', 'Zip Hoodie', 'Crewneck Sweatshirt', 'Half-Zip Pullover', 'Quarter-Zip Fleece'],
              adjectives: ['Loopback', 'Brushed', 'Heavyweight', 'Classic', 'Fleece-Lined', 'Washed'],
              priceDollars: [48, 96],
              weightGrams: [480, 720],
              options: [
                { kind: 'list', name: 'Size', values: apparelSizes, pick: [3, 5], contiguous: true },
                colour([...CLASSIC, 'forest', 'burgundy', 'sand'], [1, 2]),
              ],
              palette: CLASSIC,
              materials: ['400 gsm brushed-back cotton fleece', 'French terry loopback cotton', 'a cotton and recycled polyester fleece'],
              features: [
                'Ribbed cuffs and hem hold their stretch through years of wear.',
                'The kangaroo pocket is double-stitched at the corners where pockets usually fail.',
                'A lined hood with flat drawcords keeps its shape.',
                'Dropped shoulders give room to layer over a tee without bulk.',
              ],
              shape: 'hoodie',
            },
          },
        ],
      },
      {
        slug: 'outerwear',
        name: 'Outerwear',
        description: 'Jackets and shells that handle wind, rain and the daily commute.',
        template: {
          skuPrefix: 'OUT',
          nouns: ['Rain Jacket', 'Chore Coat', 'Puffer Jacket', 'Windbreaker', 'Field Jacket', 'Shell Jacket'],
          adjectives: ['Packable', 'Waxed', 'Insulated', 'Waterproof', 'Lightweight', 'Quilted'],
          priceDollars: [89, 249],
          weightGrams: [350, 1100],
          options: [
            { kind: 'list', name: 'Size', values: apparelSizes.slice(1, 5), pick: [3, 4], contiguous: true },
            colour(EARTHY, [1, 2]),
          ],
          palette: EARTHY,
          materials: ['a 2.5-layer recycled nylon shell', 'waxed cotton canvas', 'ripstop nylon with recycled synthetic fill', '12 oz cotton duck canvas'],
          features: [
            'Fully taped seams keep out sideways rain.',
            'Two hand-warmer pockets and an inside zip pocket fit a phone and keys.',
            'An adjustable hem and cuffs seal out the wind.',
            'It packs into its own chest pocket for travel.',
            'The two-way zip lets you sit or cycle without the jacket riding up.',
          ],
          shape: 'jacket',
        },
      },
      {
        slug: 'socks',
        name: 'Socks',
        description: 'Cushioned, breathable socks for work, walks and weekends.',
        template: {
          skuPrefix: 'SCK',
          nouns: ['Crew Socks', 'Ankle Socks', 'Hiking Socks', 'Dress Socks', 'Boot Socks'],
          adjectives: ['Merino', 'Cushioned', 'Everyday', 'Ribbed', 'Trail', 'Lightweight'],
          priceDollars: [9, 24],
          weightGrams: [50, 110],
          options: [
            {
              kind: 'list',
              name: 'Size',
              values: [
                { value: 'S', code: 'S' },
                { value: 'M', code: 'M' },
                { value: 'L', code: 'L' },
              ],
              pick: [2, 3],
              contiguous: true,
            },
            colour(['black', 'navy', 'grey', 'olive', 'mustard', 'rust'], [1, 2]),
          ],
          palette: ['black', 'navy', 'grey'],
          materials: ['a merino wool and nylon blend', 'combed cotton with a touch of elastane', 'recycled polyester and merino'],
          features: [
            'A seamless toe means no rubbing on long days.',
            'Arch support keeps them from slipping down inside boots.',
            'Reinforced heels and toes last far longer than ordinary socks.',
            'Merino fibres manage moisture and resist odour between washes.',
          ],
          shape: 'sock',
        },
      },
    ],
  },
  {
    slug: 'footwear',
    name: 'Footwear',
    description: 'Sneakers and boots made to be worn in, not worn out.',
    vendors: ['Stride Lab', 'Ridgeway Boot Co.'],
    children: [
      {
        slug: 'sneakers',
        name: 'Sneakers',
        description: 'Everyday sneakers with cushioned soles and clean lines.',
        template: {
          skuPrefix: 'SNK',
          nouns: ['Sneaker', 'Runner', 'Court Shoe', 'Trainer', 'Slip-On'],
          adjectives: ['Low-Top', 'Knit', 'Canvas', 'Leather', 'Everyday', 'Trail'],
          priceDollars: [65, 165],
          weightGrams: [600, 900],
          options: [
            { kind: 'list', name: 'Size', values: shoeSizes, pick: [4, 7], contiguous: true },
            colour(['white', 'black', 'navy', 'grey', 'sand'], [1, 2]),
          ],
          palette: ['white', 'black', 'navy'],
          materials: ['full-grain leather', 'recycled knit uppers', 'organic cotton canvas', 'suede and mesh'],
          features: [
            'The natural rubber sole is stitched, not just glued.',
            'A removable cork footbed moulds to your foot over time.',
            'A padded collar and tongue keep the fit snug without pressure points.',
            'They run true to size; go half a size down if you are between sizes.',
          ],
          shape: 'sneaker',
        },
      },
      {
        slug: 'boots',
        name: 'Boots',
        description: 'Resoleable boots for trails, rain and city streets.',
        template: {
          skuPrefix: 'BOT',
          nouns: ['Chelsea Boot', 'Hiking Boot', 'Work Boot', 'Chukka', 'Rain Boot'],
          adjectives: ['Waterproof', 'Goodyear-Welted', 'Lightweight', 'Insulated', 'Classic'],
          priceDollars: [110, 280],
          weightGrams: [1100, 1700],
          options: [
            { kind: 'list', name: 'Size', values: shoeSizes, pick: [4, 6], contiguous: true },
            colour(['black', 'rust', 'sand', 'charcoal'], [1, 2]),
          ],
          palette: ['black', 'rust', 'sand'],
          materials: ['oiled full-grain leather', 'waterproof nubuck', 'natural rubber', 'roughout suede'],
          features: [
            'A Goodyear welt means a cobbler can resole them for years to come.',
            'A gusseted tongue keeps water and grit out.',
            'The lugged outsole grips on wet rock and city kerbs alike.',
            'A steel shank supports the arch on uneven ground.',
          ],
          shape: 'boot',
        },
      },
    ],
  },
  {
    slug: 'bags-travel',
    name: 'Bags & Travel',
    description: 'Backpacks, totes and duffels for commutes and long weekends.',
    vendors: ['Carryall Works', 'Northwind Supply'],
    children: [
      {
        slug: 'backpacks',
        name: 'Backpacks',
        description: 'Daypacks and laptop backpacks with organised pockets.',
        template: {
          skuPrefix: 'BPK',
          nouns: ['Backpack', 'Daypack', 'Rolltop Pack', 'Laptop Backpack', 'Travel Pack'],
          adjectives: ['Weatherproof', 'Minimal', 'Everyday', 'Commuter', 'Ripstop', 'Waxed Canvas'],
          priceDollars: [45, 179],
          weightGrams: [600, 1400],
          options: [
            {
              kind: 'list',
              name: 'Capacity',
              values: [
                { value: '18 L', code: '18L' },
                { value: '24 L', code: '24L', priceDeltaCents: 1000, weightDeltaGrams: 120 },
                { value: '30 L', code: '30L', priceDeltaCents: 2000, weightDeltaGrams: 240 },
              ],
              pick: [1, 3],
            },
            colour(EARTHY, [1, 3]),
          ],
          palette: EARTHY,
          materials: ['recycled 600D polyester with a waterproof coating', 'waxed cotton canvas with leather trim', 'high-tenacity ripstop nylon'],
          features: [
            'A padded sleeve fits most 16-inch laptops.',
            'The back panel is ventilated so it stays comfortable on warm days.',
            'Water-resistant zips keep the rain out of the main compartment.',
            'A luggage pass-through slides over a suitcase handle.',
            'Load-lifter straps keep heavy loads close to your back.',
          ],
          shape: 'backpack',
        },
      },
      {
        slug: 'tote-bags',
        name: 'Tote Bags',
        description: 'Sturdy totes for groceries, books and beach days.',
        template: {
          skuPrefix: 'TOT',
          nouns: ['Tote', 'Market Tote', 'Zip Tote', 'Shopper', 'Book Bag'],
          adjectives: ['Canvas', 'Oversized', 'Everyday', 'Waxed', 'Recycled', 'Leather-Trim'],
          priceDollars: [18, 58],
          weightGrams: [250, 650],
          options: [colour(['sand', 'black', 'navy', 'olive', 'rust', 'mustard'], [1, 3])],
          singleVariantChance: 0.2,
          palette: ['sand', 'black', 'navy'],
          materials: ['16 oz organic cotton canvas', 'recycled cotton', 'waxed canvas with vegetable-tanned leather handles'],
          features: [
            'Reinforced handles carry a full load of groceries without stretching.',
            'An inside slip pocket keeps keys and a phone easy to find.',
            'It folds flat and fits in a coat pocket when empty.',
            'A wide, flat base keeps the bag standing while you load it.',
          ],
          shape: 'tote',
        },
      },
      {
        slug: 'duffel-bags',
        name: 'Duffel Bags',
        description: 'Weekend and gym duffels that carry more than they look.',
        template: {
          skuPrefix: 'DUF',
          nouns: ['Duffel', 'Weekender', 'Gym Bag', 'Holdall', 'Travel Duffel'],
          adjectives: ['Expedition', 'Weatherproof', 'Packable', 'Canvas', 'Carry-On'],
          priceDollars: [59, 189],
          weightGrams: [700, 1600],
          options: [
            {
              kind: 'list',
              name: 'Capacity',
              values: [
                { value: '40 L', code: '40L' },
                { value: '60 L', code: '60L', priceDeltaCents: 2000, weightDeltaGrams: 200 },
                { value: '90 L', code: '90L', priceDeltaCents: 4000, weightDeltaGrams: 400 },
              ],
              pick: [1, 3],
            },
            colour(['black', 'navy', 'olive', 'rust', 'charcoal'], [1, 2]),
          ],
          palette: EARTHY,
          materials: ['TPU-laminated recycled polyester', 'heavy cotton canvas', 'ripstop nylon'],
          features: [
            'Detachable padded shoulder straps convert it into a backpack.',
            'A separate end pocket keeps shoes away from clean clothes.',
            'The wide D-zip opening makes packing and unpacking easy.',
            'Compression straps cinch the bag down when it is half full.',
          ],
          shape: 'duffel',
        },
      },
    ],
  },
  {
    slug: 'home-kitchen',
    name: 'Home & Kitchen',
    description: 'Drinkware, cookware and bedding for the home.',
    vendors: ['Hearth & Table', 'Kiln House'],
    children: [
      {
        slug: 'drinkware',
        name: 'Drinkware',
        description: 'Mugs, tumblers and cups for coffee, tea and everything else.',
        template: {
          skuPrefix: 'DRK',
          nouns: ['Mug', 'Tumbler', 'Travel Mug', 'Espresso Cup', 'Camp Mug'],
          adjectives: ['Stoneware', 'Insulated', 'Speckled', 'Enamel', 'Double-Wall', 'Handmade'],
          priceDollars: [14, 38],
          weightGrams: [250, 480],
          options: [
            {
              kind: 'list',
              name: 'Capacity',
              values: [
                { value: '350 ml', code: '350' },
                { value: '470 ml', code: '470', priceDeltaCents: 200, weightDeltaGrams: 60 },
              ],
              pick: [1, 2],
            },
            colour(['white', 'black', 'sage', 'terracotta', 'sky', 'sand'], [1, 3]),
          ],
          palette: ['white', 'sage', 'terracotta'],
          materials: ['glazed stoneware', '18/8 stainless steel', 'enamelled steel', 'borosilicate glass'],
          features: [
            'Dishwasher and microwave safe.',
            'The double-wall body keeps coffee hot for hours and cold drinks cold all day.',
            'The leak-proof lid locks closed for bags and cup holders.',
            'Each piece is glazed by hand, so no two are quite the same.',
          ],
          shape: 'mug',
        },
      },
      {
        slug: 'cookware',
        name: 'Cookware',
        description: 'Pans and pots that go from hob to oven to table.',
        template: {
          skuPrefix: 'CKW',
          nouns: ['Skillet', 'Frying Pan', 'Saucepan', 'Dutch Oven', 'Sauté Pan'],
          adjectives: ['Cast Iron', 'Carbon Steel', 'Tri-Ply', 'Enamelled', 'Pre-Seasoned'],
          priceDollars: [35, 189],
          weightGrams: [1200, 4800],
          options: [
            {
              kind: 'list',
              name: 'Size',
              values: [
                { value: '20 cm', code: '20CM' },
                { value: '24 cm', code: '24CM', priceDeltaCents: 1000, weightDeltaGrams: 400 },
                { value: '28 cm', code: '28CM', priceDeltaCents: 2000, weightDeltaGrams: 800 },
              ],
              pick: [1, 3],
            },
          ],
          singleVariantChance: 0.2,
          palette: ['black', 'charcoal', 'rust', 'navy'],
          materials: ['pre-seasoned cast iron', 'carbon steel', 'tri-ply stainless steel with an aluminium core', 'enamelled cast iron'],
          features: [
            'It works on gas, electric and induction hobs and in the oven up to 260 °C.',
            'The seasoning improves with every use.',
            'Riveted handles stay cool on the hob for longer.',
            'Even heating means fewer hot spots and better browning.',
          ],
          shape: 'pan',
        },
      },
      {
        slug: 'bedding',
        name: 'Bedding',
        description: 'Sheets, duvet covers and pillowcases in natural fibres.',
        template: {
          skuPrefix: 'BED',
          nouns: ['Sheet Set', 'Duvet Cover', 'Pillowcase Pair', 'Quilt', 'Throw Blanket'],
          adjectives: ['Linen', 'Percale', 'Sateen', 'Washed', 'Organic Cotton'],
          priceDollars: [45, 229],
          weightGrams: [800, 2600],
          options: [
            {
              kind: 'list',
              name: 'Size',
              values: [
                { value: 'Twin', code: 'TW' },
                { value: 'Full', code: 'FL', priceDeltaCents: 2000, weightDeltaGrams: 200 },
                { value: 'Queen', code: 'QN', priceDeltaCents: 3000, weightDeltaGrams: 350 },
                { value: 'King', code: 'KG', priceDeltaCents: 4000, weightDeltaGrams: 500 },
              ],
              pick: [2, 4],
              contiguous: true,
            },
            colour(['white', 'sand', 'sage', 'slate', 'terracotta'], [1, 2]),
          ],
          palette: ['white', 'sand', 'sage'],
          materials: ['stonewashed European flax linen', '300-thread-count organic cotton percale', 'long-staple cotton sateen'],
          features: [
            'Pre-washed for a soft, lived-in feel from the first night.',
            'Deep pockets fit mattresses up to 40 cm.',
            'Corner ties keep the duvet from bunching inside the cover.',
            'It gets softer with every wash.',
          ],
          shape: 'pillow',
        },
      },
    ],
  },
  {
    slug: 'outdoor',
    name: 'Outdoor & Camping',
    description: 'Shelter, sleep and hydration for nights under the sky.',
    vendors: ['Fieldcraft', 'Kestrel Outdoor'],
    children: [
      {
        slug: 'tents',
        name: 'Tents',
        description: 'Backpacking and car-camping tents that pitch in minutes.',
        template: {
          skuPrefix: 'TNT',
          nouns: ['Tent', 'Dome Tent', 'Tunnel Tent', 'Ultralight Shelter', 'Backpacking Tent'],
          adjectives: ['Three-Season', 'Freestanding', 'Ultralight', 'Family', 'Four-Season'],
          priceDollars: [129, 499],
          weightGrams: [1100, 4200],
          options: [
            {
              kind: 'list',
              name: 'Capacity',
              values: [
                { value: '1-Person', code: '1P' },
                { value: '2-Person', code: '2P', priceDeltaCents: 5000, weightDeltaGrams: 400 },
                { value: '3-Person', code: '3P', priceDeltaCents: 9000, weightDeltaGrams: 800 },
                { value: '4-Person', code: '4P', priceDeltaCents: 14000, weightDeltaGrams: 1300 },
              ],
              pick: [1, 3],
              contiguous: true,
            },
          ],
          palette: ['forest', 'rust', 'mustard', 'olive', 'sky'],
          materials: ['silicone-coated ripstop nylon', '68D polyester taffeta with a 3000 mm coating', 'aluminium poles and a ripstop fly'],
          features: [
            'Colour-coded clips make pitching quick, even in the dark.',
            'Two doors and two vestibules mean nobody climbs over anyone.',
            'Mesh panels cut condensation on still nights.',
            'It packs down small enough to strap under a backpack lid.',
          ],
          shape: 'tent',
        },
      },
      {
        slug: 'sleeping-bags',
        name: 'Sleeping Bags',
        description: 'Warm, packable sleeping bags rated for real temperatures.',
        template: {
          skuPrefix: 'SLB',
          nouns: ['Sleeping Bag', 'Mummy Bag', 'Camp Quilt', 'Rectangular Bag'],
          adjectives: ['Down', 'Synthetic', '20°F', '35°F', 'Lightweight', 'Packable'],
          priceDollars: [79, 299],
          weightGrams: [700, 1800],
          options: [
            {
              kind: 'list',
              name: 'Length',
              values: [
                { value: 'Regular', code: 'REG' },
                { value: 'Long', code: 'LNG', priceDeltaCents: 2000, weightDeltaGrams: 120 },
              ],
              pick: [1, 2],
            },
          ],
          singleVariantChance: 0.15,
          palette: ['forest', 'navy', 'rust', 'mustard'],
          materials: ['650-fill responsibly sourced down', 'recycled synthetic insulation', 'a 20D nylon shell with a DWR finish'],
          features: [
            'A draft collar and zip baffle keep the warmth in.',
            'The temperature rating is tested to the ISO 23537 standard.',
            'It comes with a compression sack and a cotton storage bag.',
            'Zips on either side let two bags join into one.',
          ],
          shape: 'sleeping-bag',
        },
      },
      {
        slug: 'water-bottles',
        name: 'Water Bottles',
        description: 'Insulated and lightweight bottles for trails and desks.',
        template: {
          skuPrefix: 'BTL',
          nouns: ['Water Bottle', 'Insulated Bottle', 'Trail Bottle', 'Sport Bottle', 'Flask'],
          adjectives: ['Vacuum-Insulated', 'Lightweight', 'Wide-Mouth', 'Stainless', 'Leakproof'],
          priceDollars: [16, 44],
          weightGrams: [200, 520],
          options: [
            {
              kind: 'list',
              name: 'Capacity',
              values: [
                { value: '500 ml', code: '500' },
                { value: '750 ml', code: '750', priceDeltaCents: 300, weightDeltaGrams: 80 },
                { value: '1 L', code: '1L', priceDeltaCents: 600, weightDeltaGrams: 150 },
              ],
              pick: [1, 3],
            },
            colour(['black', 'white', 'sky', 'sage', 'coral', 'mustard', 'forest'], [1, 3]),
          ],
          palette: BRIGHT,
          materials: ['18/8 stainless steel', 'BPA-free Tritan', 'powder-coated stainless steel'],
          features: [
            'Keeps drinks cold for 24 hours or hot for 12.',
            'The wide mouth fits ice cubes and a cleaning brush.',
            'A leakproof cap means it can ride in a bag on its side.',
            'The powder coat grips well and resists scratches.',
          ],
          shape: 'bottle',
        },
      },
    ],
  },
  {
    slug: 'tech-accessories',
    name: 'Tech Accessories',
    description: 'Chargers, audio and cases for the devices you carry every day.',
    vendors: ['Voltline', 'Quiet Audio', 'Shellguard'],
    children: [
      {
        slug: 'chargers-cables',
        name: 'Chargers & Cables',
        description: 'Fast chargers and braided cables that outlast the originals.',
        template: {
          skuPrefix: 'CHG',
          nouns: ['USB-C Cable', 'Wall Charger', 'Charging Dock', 'Power Bank', 'Travel Adapter'],
          adjectives: ['Braided', 'Fast', 'Compact', '65W', 'Dual-Port', 'Magnetic'],
          priceDollars: [12, 69],
          weightGrams: [40, 320],
          options: [
            {
              kind: 'list',
              name: 'Length',
              values: [
                { value: '1 m', code: '1M' },
                { value: '2 m', code: '2M', priceDeltaCents: 300, weightDeltaGrams: 20 },
                { value: '3 m', code: '3M', priceDeltaCents: 500, weightDeltaGrams: 40 },
              ],
              pick: [1, 3],
            },
          ],
          singleVariantChance: 0.35,
          palette: ['black', 'white', 'charcoal'],
          materials: ['double-braided nylon', 'aluminium and recycled polycarbonate', 'a gallium nitride chipset in a fire-resistant shell'],
          features: [
            'Rated for more than 20,000 bends in testing.',
            'Charges a laptop, tablet and phone at full speed.',
            'A foldable plug makes it easy to pack.',
            'Overheat and overcurrent protection are built in.',
          ],
          shape: 'charger',
        },
      },
      {
        slug: 'headphones',
        name: 'Headphones',
        description: 'Wired and wireless headphones tuned for long listening.',
        template: {
          skuPrefix: 'HPH',
          nouns: ['Headphones', 'Earbuds', 'Over-Ear Headphones', 'Studio Monitors', 'Sport Earbuds'],
          adjectives: ['Wireless', 'Noise-Cancelling', 'Open-Back', 'Foldable', 'Everyday'],
          priceDollars: [39, 299],
          weightGrams: [60, 340],
          options: [colour(['black', 'white', 'navy', 'sand', 'sage'], [1, 3])],
          singleVariantChance: 0.15,
          palette: ['black', 'white', 'navy'],
          materials: ['memory-foam ear cushions and an aluminium frame', 'lightweight recycled plastics', 'protein leather and brushed steel'],
          features: [
            'Up to 40 hours of playback on a single charge.',
            'Active noise cancelling quiets trains, planes and open offices.',
            'Multipoint pairing switches between laptop and phone automatically.',
            'Replaceable ear pads and cable extend their life for years.',
          ],
          shape: 'headphones',
        },
      },
      {
        slug: 'phone-cases',
        name: 'Phone Cases',
        description: 'Slim, protective cases that keep a good grip.',
        template: {
          skuPrefix: 'CSE',
          nouns: ['Phone Case', 'Wallet Case', 'Clear Case', 'Rugged Case', 'Leather Case'],
          adjectives: ['Slim', 'Drop-Tested', 'Compostable', 'MagSafe-Compatible', 'Textured'],
          priceDollars: [19, 59],
          weightGrams: [30, 90],
          options: [
            {
              kind: 'list',
              name: 'Model',
              values: [
                { value: 'iPhone 16', code: 'IP16' },
                { value: 'iPhone 16 Pro', code: 'IP16P' },
                { value: 'Pixel 9', code: 'PX9' },
                { value: 'Pixel 9 Pro', code: 'PX9P' },
                { value: 'Galaxy S25', code: 'GS25' },
              ],
              pick: [2, 5],
            },
            colour(['black', 'navy', 'sand', 'forest', 'coral'], [1, 2]),
          ],
          palette: ['black', 'navy', 'coral'],
          materials: ['plant-based compostable polymer', 'shock-absorbing TPU with a polycarbonate back', 'full-grain leather over a polycarbonate shell'],
          features: [
            'Raised edges protect the screen and camera when laid face down.',
            'Drop-tested from 3 metres onto concrete.',
            'Built-in magnets work with magnetic chargers and mounts.',
            'Button covers stay clicky instead of going mushy.',
          ],
          shape: 'phone-case',
        },
      },
    ],
  },
  {
    slug: 'stationery',
    name: 'Stationery & Office',
    description: 'Notebooks, pens and desk tools for thinking on paper.',
    vendors: ['Paper Atelier', 'Inkwell & Co.'],
    children: [
      {
        slug: 'notebooks',
        name: 'Notebooks',
        description: 'Lay-flat notebooks with fountain-pen-friendly paper.',
        template: {
          skuPrefix: 'NBK',
          nouns: ['Notebook', 'Journal', 'Sketchbook', 'Planner', 'Pocket Notebook'],
          adjectives: ['Hardcover', 'Softcover', 'Lay-Flat', 'Linen-Bound', 'Recycled'],
          priceDollars: [9, 32],
          weightGrams: [120, 480],
          options: [
            {
              kind: 'list',
              name: 'Size',
              values: [
                { value: 'A5', code: 'A5' },
                { value: 'A4', code: 'A4', priceDeltaCents: 400, weightDeltaGrams: 200 },
              ],
              pick: [1, 2],
            },
            {
              kind: 'list',
              name: 'Ruling',
              values: [
                { value: 'Lined', code: 'LN' },
                { value: 'Dotted', code: 'DT' },
                { value: 'Blank', code: 'BL' },
                { value: 'Grid', code: 'GR' },
              ],
              pick: [1, 3],
            },
          ],
          palette: ['navy', 'forest', 'burgundy', 'mustard', 'black'],
          materials: ['100 gsm acid-free paper', 'recycled paper with a linen cover', 'smooth 90 gsm paper that takes fountain pen ink without bleed'],
          features: [
            'Thread-sewn binding lets it lie flat on the desk.',
            'Numbered pages and an index keep notes findable.',
            'An elastic closure and ribbon marker are included.',
            'An expandable back pocket holds receipts and tickets.',
          ],
          shape: 'notebook',
        },
      },
      {
        slug: 'pens',
        name: 'Pens',
        description: 'Fountain, gel and ballpoint pens that write smoothly.',
        template: {
          skuPrefix: 'PEN',
          nouns: ['Fountain Pen', 'Gel Pen', 'Ballpoint Pen', 'Rollerball', 'Fineliner Set'],
          adjectives: ['Brass', 'Aluminium', 'Refillable', 'Everyday', 'Retractable'],
          priceDollars: [4, 59],
          weightGrams: [15, 60],
          options: [
            {
              kind: 'list',
              name: 'Ink',
              values: [
                { value: 'Black', code: 'BK' },
                { value: 'Blue', code: 'BU' },
                { value: 'Blue-Black', code: 'BB' },
                { value: 'Red', code: 'RD' },
                { value: 'Green', code: 'GN' },
              ],
              pick: [1, 4],
            },
          ],
          singleVariantChance: 0.1,
          palette: ['black', 'navy', 'burgundy', 'forest', 'slate'],
          materials: ['machined brass that patinas with use', 'anodised aluminium', 'recycled resin'],
          features: [
            'It takes standard international cartridges and converters.',
            'The knurled grip stays comfortable through long writing sessions.',
            'Quick-drying ink means no smudges for left-handed writers.',
            'Refills are cheap and easy to find.',
          ],
          shape: 'pen',
        },
      },
      {
        slug: 'desk-accessories',
        name: 'Desk Accessories',
        description: 'Organisers, trays and stands for a tidier desk.',
        template: {
          skuPrefix: 'DSK',
          nouns: ['Desk Organiser', 'Monitor Stand', 'Pen Cup', 'Document Tray', 'Laptop Stand', 'Desk Mat'],
          adjectives: ['Solid Wood', 'Felt', 'Powder-Coated', 'Modular', 'Minimal'],
          priceDollars: [19, 129],
          weightGrams: [200, 3200],
          options: [
            {
              kind: 'list',
              name: 'Material',
              values: [
                { value: 'Oak', code: 'OAK' },
                { value: 'Walnut', code: 'WAL', priceDeltaCents: 1000 },
                { value: 'Black Ash', code: 'ASH', priceDeltaCents: 500 },
              ],
              pick: [1, 3],
            },
          ],
          singleVariantChance: 0.3,
          palette: ['sand', 'rust', 'charcoal', 'black'],
          materials: ['FSC-certified solid oak', 'merino wool felt', 'powder-coated steel', 'solid American walnut'],
          features: [
            'Non-slip feet protect the desk surface.',
            'It raises a screen to eye level to ease neck strain.',
            'A cable cut-out keeps chargers tidy.',
            'Finished with a natural oil that is easy to refresh.',
          ],
          shape: 'organiser',
        },
      },
    ],
  },
  {
    slug: 'fitness',
    name: 'Fitness',
    description: 'Mats, weights and gear for training at home.',
    vendors: ['Ironleaf', 'Flowform'],
    children: [
      {
        slug: 'yoga-mats',
        name: 'Yoga Mats',
        description: 'Grippy, cushioned mats for yoga, pilates and stretching.',
        template: {
          skuPrefix: 'YGM',
          nouns: ['Yoga Mat', 'Travel Mat', 'Pilates Mat', 'Exercise Mat'],
          adjectives: ['Natural Rubber', 'Cork', 'Non-Slip', 'Extra-Thick', 'Foldable'],
          priceDollars: [29, 109],
          weightGrams: [900, 2600],
          options: [
            {
              kind: 'list',
              name: 'Thickness',
              values: [
                { value: '4 mm', code: '4MM' },
                { value: '6 mm', code: '6MM', priceDeltaCents: 500, weightDeltaGrams: 500 },
              ],
              pick: [1, 2],
            },
            colour(['sage', 'slate', 'coral', 'black', 'sky', 'terracotta'], [1, 3]),
          ],
          palette: ['sage', 'slate', 'coral'],
          materials: ['natural tree rubber', 'cork over a natural rubber base', 'TPE foam free of PVC'],
          features: [
            'An open-cell top surface grips even when you sweat.',
            'Alignment lines help with hand and foot placement.',
            'It comes with a cotton carrying strap.',
            'It wipes clean with water and a drop of mild soap.',
          ],
          shape: 'mat',
        },
      },
      {
        slug: 'weights',
        name: 'Weights',
        description: 'Dumbbells and kettlebells for strength at home.',
        template: {
          skuPrefix: 'WGT',
          nouns: ['Dumbbell', 'Kettlebell', 'Hex Dumbbell', 'Dumbbell Pair'],
          adjectives: ['Cast Iron', 'Rubber-Coated', 'Neoprene', 'Competition', 'Knurled'],
          priceDollars: [19, 59],
          weightGrams: [2200, 2400],
          options: [
            {
              kind: 'list',
              name: 'Weight',
              values: [
                { value: '5 lb', code: '5LB' },
                { value: '10 lb', code: '10LB', priceDeltaCents: 1000, weightDeltaGrams: 2270 },
                { value: '15 lb', code: '15LB', priceDeltaCents: 2000, weightDeltaGrams: 4540 },
                { value: '20 lb', code: '20LB', priceDeltaCents: 3000, weightDeltaGrams: 6800 },
                { value: '25 lb', code: '25LB', priceDeltaCents: 4000, weightDeltaGrams: 9070 },
              ],
              pick: [2, 5],
              contiguous: true,
            },
          ],
          palette: ['black', 'charcoal', 'coral', 'sky'],
          materials: ['solid cast iron with a powder coat', 'cast iron with a rubber coating', 'steel with a neoprene coating'],
          features: [
            'A medium knurl gives a secure grip without tearing hands.',
            'Hexagonal heads stop them rolling away.',
            'The rubber coating protects floors and cuts noise.',
            'Each one is weighed and accurate to within 2 percent.',
          ],
          shape: 'dumbbell',
        },
      },
    ],
  },
  {
    slug: 'personal-care',
    name: 'Personal Care',
    description: 'Skincare and bath essentials with short ingredient lists.',
    vendors: ['Greenroom Apothecary', 'Tidewater Naturals'],
    children: [
      {
        slug: 'skincare',
        name: 'Skincare',
        description: 'Cleansers, moisturisers and balms for everyday routines.',
        template: {
          skuPrefix: 'SKN',
          nouns: ['Face Cream', 'Gel Cleanser', 'Lip Balm', 'Hand Cream', 'Face Oil', 'Body Butter'],
          adjectives: ['Fragrance-Free', 'Hydrating', 'Gentle', 'Daily', 'Repairing'],
          priceDollars: [12, 58],
          weightGrams: [60, 320],
          options: [
            {
              kind: 'list',
              name: 'Size',
              values: [
                { value: '50 ml', code: '50ML' },
                { value: '100 ml', code: '100ML', priceDeltaCents: 800, weightDeltaGrams: 60 },
              ],
              pick: [1, 2],
            },
          ],
          singleVariantChance: 0.25,
          palette: ['sage', 'sand', 'coral', 'white', 'terracotta'],
          materials: ['shea butter, squalane and niacinamide', 'aloe vera and glycerin', 'cold-pressed jojoba and rosehip oils'],
          features: [
            'Dermatologist-tested and suitable for sensitive skin.',
            'Packaged in a recyclable aluminium tube.',
            'It absorbs quickly without leaving a greasy film.',
            'Free from synthetic fragrance and essential oils.',
          ],
          shape: 'jar',
        },
      },
      {
        slug: 'bath-body',
        name: 'Bath & Body',
        description: 'Soaps, washes and bath soaks that smell like the outdoors.',
        template: {
          skuPrefix: 'BTH',
          nouns: ['Body Wash', 'Bar Soap', 'Bath Soak', 'Hand Wash', 'Shampoo'],
          adjectives: ['Cold-Process', 'Botanical', 'Everyday', 'Refillable', 'Moisturising'],
          priceDollars: [8, 32],
          weightGrams: [120, 560],
          options: [
            {
              kind: 'list',
              name: 'Scent',
              values: [
                { value: 'Cedar', code: 'CED' },
                { value: 'Citrus', code: 'CIT' },
                { value: 'Lavender', code: 'LAV' },
                { value: 'Sea Salt', code: 'SEA' },
                { value: 'Unscented', code: 'UNS' },
              ],
              pick: [1, 4],
            },
            {
              kind: 'list',
              name: 'Size',
              values: [
                { value: '250 ml', code: '250' },
                { value: '500 ml', code: '500', priceDeltaCents: 600, weightDeltaGrams: 250 },
              ],
              pick: [1, 2],
            },
          ],
          palette: ['sage', 'sky', 'sand', 'mustard', 'terracotta'],
          materials: ['coconut and olive oils', 'plant-derived cleansers and aloe', 'mineral-rich sea salt and magnesium flakes'],
          features: [
            'Refill pouches use 80 percent less plastic than a new bottle.',
            'Biodegradable and safe for septic systems.',
            'Scented with essential oils, never synthetic fragrance.',
            'A little lathers a lot, so each bottle lasts for months.',
          ],
          shape: 'pump-bottle',
        },
      },
    ],
  },
];

/** Collection names: the first word of a product title ("Harbor Heavyweight Tee"). */
export const LINE_NAMES = [
  'Harbor', 'Summit', 'Ridge', 'Alder', 'Cedar', 'Meridian', 'Aspen', 'Coastal', 'Drift', 'Ember',
  'Fjord', 'Granite', 'Haven', 'Juniper', 'Keystone', 'Lumen', 'Maple', 'Nomad', 'Orbit', 'Pioneer',
  'Quarry', 'Ranger', 'Sierra', 'Tundra', 'Union', 'Vista', 'Willow', 'Yarrow', 'Zephyr', 'Beacon',
  'Canyon', 'Delta', 'Everest', 'Forge', 'Glacier', 'Highland', 'Inlet', 'Jasper', 'Kodiak', 'Lagoon',
] as const;

export const PITCHES = [
  'The {title} is our take on the everyday {noun}: simple, sturdy and made to be used.',
  'Meet the {title}, designed around the details that matter day to day.',
  'The {title} keeps things straightforward: it does its job and looks good doing it.',
  'Built for daily use, the {title} pairs a clean, no-fuss design with materials that last.',
  'The {title} started as a sample we refused to give back, and it has been a customer favourite ever since.',
] as const;

export const MATERIAL_SENTENCES = [
  'It is made from {material}.',
  'Crafted from {material}.',
  'We make it from {material}, chosen because it lasts.',
] as const;

export const CLOSINGS = [
  'Free returns within 30 days if it is not right.',
  'Covered by our two-year warranty.',
  'Ships in plastic-free packaging.',
  'Designed in Portland and made by partners we visit every year.',
  'Backed by free repairs for the first year.',
] as const;
