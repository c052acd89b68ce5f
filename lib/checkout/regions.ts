// Address rules per country: which first-level subdivision (state, province …) an address names, and the shape of
// its postal code. Pure and dependency-free, so the address schema, the address book and the checkout page share it.
//
// Three kinds of country (issue 14, finding 9 — a German order stored with region "CA" from a saved US address):
//  - "list": postal addresses name a subdivision and carriers need it. The region is required and must be one of the
//    list, typed as its code or its name ("Ontario" → "ON"); the code is stored.
//  - "none": addresses carry no region (Germany, France, the Netherlands …). A region is refused rather than dropped:
//    a value there is a mistake (typically left over from another address), and silently discarding what a caller
//    sent would hide it. The field error says to leave it empty.
//  - anything else: optional free text (a UK or Irish county, a Spanish or Italian province), as typed.
// Countries are those the seed ships to (db/seed/reference-data.ts): the US, Europe, and the rest of the world.
//
// Why a committed table rather than an ISO 3166-2 package: such a package lists subdivisions for every country,
// including the many whose postal addresses never name one (a UK county, a French département), so it cannot say
// which countries to ask; that is address-format knowledge (which the lists below encode with the postal patterns),
// not ISO data. The lists are the countries where addresses and carriers need the subdivision and the demo ships:
// the US, Canada, Australia, Mexico, Brazil, Japan and India. Adding a country is one entry here.

type Subdivisions = { noun: string; example: string; codes: Record<string, string> };

const US: Subdivisions = {
  noun: 'state',
  example: 'CA',
  codes: {
    AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
    DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
    IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
    MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
    NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
    NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
    RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
    VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
    // Territories and military mail, which USPS addresses as states.
    PR: 'Puerto Rico', VI: 'U.S. Virgin Islands', GU: 'Guam', AS: 'American Samoa', MP: 'Northern Mariana Islands',
    AA: 'Armed Forces Americas', AE: 'Armed Forces Europe', AP: 'Armed Forces Pacific',
  },
};

const SUBDIVISIONS: Record<string, Subdivisions> = {
  US,
  CA: {
    noun: 'province or territory',
    example: 'ON',
    codes: {
      AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick', NL: 'Newfoundland and Labrador',
      NS: 'Nova Scotia', NT: 'Northwest Territories', NU: 'Nunavut', ON: 'Ontario', PE: 'Prince Edward Island',
      QC: 'Quebec', SK: 'Saskatchewan', YT: 'Yukon',
    },
  },
  AU: {
    noun: 'state or territory',
    example: 'NSW',
    codes: {
      ACT: 'Australian Capital Territory', NSW: 'New South Wales', NT: 'Northern Territory', QLD: 'Queensland',
      SA: 'South Australia', TAS: 'Tasmania', VIC: 'Victoria', WA: 'Western Australia',
    },
  },
  MX: {
    noun: 'state',
    example: 'JAL',
    codes: {
      AGU: 'Aguascalientes', BCN: 'Baja California', BCS: 'Baja California Sur', CAM: 'Campeche', CHP: 'Chiapas',
      CHH: 'Chihuahua', CMX: 'Ciudad de México', COA: 'Coahuila', COL: 'Colima', DUR: 'Durango', GUA: 'Guanajuato',
      GRO: 'Guerrero', HID: 'Hidalgo', JAL: 'Jalisco', MEX: 'Estado de México', MIC: 'Michoacán', MOR: 'Morelos',
      NAY: 'Nayarit', NLE: 'Nuevo León', OAX: 'Oaxaca', PUE: 'Puebla', QUE: 'Querétaro', ROO: 'Quintana Roo',
      SLP: 'San Luis Potosí', SIN: 'Sinaloa', SON: 'Sonora', TAB: 'Tabasco', TAM: 'Tamaulipas', TLA: 'Tlaxcala',
      VER: 'Veracruz', YUC: 'Yucatán', ZAC: 'Zacatecas',
    },
  },
  // ISO 3166-2:JP numbers the prefectures; Japanese addresses and carriers use their names, so the names are the codes.
  JP: {
    noun: 'prefecture',
    example: 'Tokyo',
    codes: Object.fromEntries(
      (
        'Hokkaido Aomori Iwate Miyagi Akita Yamagata Fukushima Ibaraki Tochigi Gunma Saitama Chiba Tokyo Kanagawa ' +
        'Niigata Toyama Ishikawa Fukui Yamanashi Nagano Gifu Shizuoka Aichi Mie Shiga Kyoto Osaka Hyogo Nara Wakayama ' +
        'Tottori Shimane Okayama Hiroshima Yamaguchi Tokushima Kagawa Ehime Kochi Fukuoka Saga Nagasaki Kumamoto Oita ' +
        'Miyazaki Kagoshima Okinawa'
      )
        .split(' ')
        .map((name) => [name.toUpperCase(), name]),
    ),
  },
  IN: {
    noun: 'state or union territory',
    example: 'MH',
    codes: {
      AN: 'Andaman and Nicobar Islands', AP: 'Andhra Pradesh', AR: 'Arunachal Pradesh', AS: 'Assam', BR: 'Bihar',
      CH: 'Chandigarh', CT: 'Chhattisgarh', DH: 'Dadra and Nagar Haveli and Daman and Diu', DL: 'Delhi', GA: 'Goa',
      GJ: 'Gujarat', HR: 'Haryana', HP: 'Himachal Pradesh', JK: 'Jammu and Kashmir', JH: 'Jharkhand', KA: 'Karnataka',
      KL: 'Kerala', LA: 'Ladakh', LD: 'Lakshadweep', MP: 'Madhya Pradesh', MH: 'Maharashtra', MN: 'Manipur',
      ML: 'Meghalaya', MZ: 'Mizoram', NL: 'Nagaland', OR: 'Odisha', PY: 'Puducherry', PB: 'Punjab', RJ: 'Rajasthan',
      SK: 'Sikkim', TN: 'Tamil Nadu', TG: 'Telangana', TR: 'Tripura', UP: 'Uttar Pradesh', UT: 'Uttarakhand',
      WB: 'West Bengal',
    },
  },
  BR: {
    noun: 'state',
    example: 'SP',
    codes: {
      AC: 'Acre', AL: 'Alagoas', AP: 'Amapá', AM: 'Amazonas', BA: 'Bahia', CE: 'Ceará', DF: 'Distrito Federal',
      ES: 'Espírito Santo', GO: 'Goiás', MA: 'Maranhão', MT: 'Mato Grosso', MS: 'Mato Grosso do Sul',
      MG: 'Minas Gerais', PA: 'Pará', PB: 'Paraíba', PR: 'Paraná', PE: 'Pernambuco', PI: 'Piauí',
      RJ: 'Rio de Janeiro', RN: 'Rio Grande do Norte', RS: 'Rio Grande do Sul', RO: 'Rondônia', RR: 'Roraima',
      SC: 'Santa Catarina', SP: 'São Paulo', SE: 'Sergipe', TO: 'Tocantins',
    },
  },
};

/** Countries whose postal addresses name no subdivision: a region there is refused. */
const NO_REGION = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU LV LT LU MT NL PL PT RO SK SI SE CH NO IS LI MC AD SM VA'.split(' '),
);

type PostalRule = { pattern: RegExp; example: string; canonical?: (compact: string) => string };

const spaceBeforeLast = (n: number) => (compact: string) => `${compact.slice(0, -n)} ${compact.slice(-n)}`;

// Input is upper-cased, trimmed and its inner runs of spaces collapsed first. Where a format has a conventional space
// (UK, Canada, the Netherlands, Sweden, Czechia, Slovakia, Greece), it is stored with it, however it was typed.
const POSTAL_CODES: Record<string, PostalRule> = {
  US: { pattern: /^\d{5}(-\d{4})?$/, example: '94105 or 94105-1234' },
  CA: { pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/, example: 'K1A 0B1', canonical: spaceBeforeLast(3) },
  // Royal Mail's formats: A9 9AA, A99 9AA, AA9 9AA, AA99 9AA, A9A 9AA, AA9A 9AA, and GIR 0AA.
  GB: {
    pattern: /^(?:GIR ?0AA|(?:[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRV-Y\d]?)) ?\d[ABD-HJLNP-UW-Z]{2})$/,
    example: 'SW1A 1AA',
    canonical: spaceBeforeLast(3),
  },
  IE: { pattern: /^(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}$/, example: 'D02 X285', canonical: spaceBeforeLast(4) },
  NL: { pattern: /^[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}$/, example: '1012 AB', canonical: spaceBeforeLast(2) },
  DE: { pattern: /^\d{5}$/, example: '10115' },
  FR: { pattern: /^\d{5}$/, example: '75001' },
  ES: { pattern: /^(?:0[1-9]|[1-4]\d|5[0-2])\d{3}$/, example: '28001' },
  IT: { pattern: /^\d{5}$/, example: '00184' },
  AT: { pattern: /^\d{4}$/, example: '1010' },
  BE: { pattern: /^[1-9]\d{3}$/, example: '1000' },
  BG: { pattern: /^\d{4}$/, example: '1000' },
  HR: { pattern: /^\d{5}$/, example: '10000' },
  CY: { pattern: /^\d{4}$/, example: '1010' },
  CZ: { pattern: /^\d{3} ?\d{2}$/, example: '110 00', canonical: spaceBeforeLast(2) },
  DK: { pattern: /^\d{4}$/, example: '1050' },
  EE: { pattern: /^\d{5}$/, example: '10111' },
  FI: { pattern: /^\d{5}$/, example: '00100' },
  GR: { pattern: /^\d{3} ?\d{2}$/, example: '105 57', canonical: spaceBeforeLast(2) },
  HU: { pattern: /^\d{4}$/, example: '1051' },
  LV: { pattern: /^(?:LV-)?\d{4}$/, example: 'LV-1050' },
  LT: { pattern: /^(?:LT-)?\d{5}$/, example: 'LT-01100' },
  LU: { pattern: /^(?:L-)?\d{4}$/, example: '1009' },
  MT: { pattern: /^[A-Z]{3} ?\d{4}$/, example: 'VLT 1117', canonical: spaceBeforeLast(4) },
  PL: { pattern: /^\d{2}-\d{3}$/, example: '00-950' },
  PT: { pattern: /^\d{4}-\d{3}$/, example: '1000-001' },
  RO: { pattern: /^\d{6}$/, example: '010011' },
  SK: { pattern: /^\d{3} ?\d{2}$/, example: '811 01', canonical: spaceBeforeLast(2) },
  SI: { pattern: /^(?:SI-)?\d{4}$/, example: '1000' },
  SE: { pattern: /^\d{3} ?\d{2}$/, example: '111 22', canonical: spaceBeforeLast(2) },
  CH: { pattern: /^\d{4}$/, example: '8001' },
  NO: { pattern: /^\d{4}$/, example: '0150' },
  IS: { pattern: /^\d{3}$/, example: '101' },
  LI: { pattern: /^94(?:8[5-9]|9[0-8])$/, example: '9490' },
  MC: { pattern: /^980\d{2}$/, example: '98000' },
  AD: { pattern: /^AD\d{3}$/, example: 'AD500' },
  SM: { pattern: /^4789\d$/, example: '47890' },
  VA: { pattern: /^00120$/, example: '00120' },
  AU: { pattern: /^\d{4}$/, example: '2000' },
  NZ: { pattern: /^\d{4}$/, example: '6011' },
  MX: { pattern: /^\d{5}$/, example: '06000' },
  BR: { pattern: /^\d{5}-?\d{3}$/, example: '01310-100' },
  JP: { pattern: /^\d{3}-?\d{4}$/, example: '100-0001' },
  IN: { pattern: /^[1-9]\d{5}$/, example: '110001' },
};

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });
export function countryName(code: string, locale?: string): string {
  try {
    // English by default; a storefront page passes its language (lib/i18n/config.ts INTL_LOCALES).
    return (locale ? new Intl.DisplayNames([locale], { type: 'region' }) : countryNames).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Lower case, no accents, single spaces: "São  Paulo" and "sao paulo" are the same name. */
const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

export type RegionRule =
  | { kind: 'list'; noun: string; example: string; options: { code: string; name: string }[] }
  | { kind: 'none' }
  | { kind: 'free' };

export function regionRule(countryCode: string): RegionRule {
  const list = SUBDIVISIONS[countryCode];
  if (list) return { kind: 'list', noun: list.noun, example: list.example, options: Object.entries(list.codes).map(([code, name]) => ({ code, name })) };
  return NO_REGION.has(countryCode) ? { kind: 'none' } : { kind: 'free' };
}

/** A short line under the region input, so the rule is known before it is broken. */
export function regionHint(countryCode: string): string {
  const rule = regionRule(countryCode);
  if (rule.kind === 'list') return `Required: the ${rule.noun}, as its code (e.g. ${rule.example}) or name.`;
  if (rule.kind === 'none') return `Leave empty: addresses in ${countryName(countryCode)} have no state or region.`;
  return 'Optional.';
}

export type Checked = { ok: true; value: string | null } | { ok: false; message: string };

/** The region to store for this country (upper case; a listed name becomes its code), or why it is refused. */
export function checkRegion(countryCode: string, region: string | null | undefined): Checked {
  const typed = (region ?? '').trim().replace(/\s+/g, ' ');
  const rule = SUBDIVISIONS[countryCode];
  if (rule) {
    const country = countryName(countryCode);
    if (!typed) return { ok: false, message: `Enter the ${rule.noun} (e.g. ${rule.example}).` };
    const code = typed.toUpperCase();
    if (rule.codes[code]) return { ok: true, value: code };
    const byName = Object.entries(rule.codes).find(([, name]) => fold(name) === fold(typed));
    if (byName) return { ok: true, value: byName[0] };
    return { ok: false, message: `“${typed.slice(0, 40)}” is not a ${rule.noun} of ${country}. Enter its code (e.g. ${rule.example}) or name.` };
  }
  if (NO_REGION.has(countryCode)) {
    if (typed) return { ok: false, message: `Addresses in ${countryName(countryCode)} have no state or region: leave it empty.` };
    return { ok: true, value: null };
  }
  return { ok: true, value: typed ? typed.toUpperCase() : null };
}

/** The postal code to store for this country (canonical form where the format has one), or why it is refused. */
export function checkPostalCode(countryCode: string, postalCode: string | null | undefined): Checked & { example?: string } {
  const typed = (postalCode ?? '').trim().toUpperCase().replace(/\s+/g, ' ');
  const rule = POSTAL_CODES[countryCode];
  if (rule) {
    if (!rule.pattern.test(typed)) return { ok: false, message: `Enter a valid postal code (e.g. ${rule.example}).` };
    return { ok: true, value: rule.canonical ? rule.canonical(typed.replace(/ /g, '')) : typed };
  }
  // Elsewhere, a loose check: many countries have no postal codes at all, so empty is allowed.
  if (typed !== '' && !/^[A-Z0-9][A-Z0-9 -]{1,11}$/.test(typed)) return { ok: false, message: 'Enter a valid postal code.' };
  return { ok: true, value: typed };
}
