import type { Channel } from '../domain/model';
import type { Random } from './random';

/**
 * Countries sample candidates live in: how their mobile numbers look (every pattern here gives
 * numbers libphonenumber-js's full metadata calls valid; the sample tests check it), where they
 * live, and which chat channels people there tend to use.
 */
export type CountryCode = 'PH' | 'US' | 'GB' | 'IN' | 'MX' | 'NG' | 'DE' | 'VN' | 'PL' | 'AE';

export interface Country {
  code: CountryCode;
  name: string;
  /** Calling code with "+". */
  dial: string;
  /** Mobile prefixes of the national significant number, and how many digits follow them. */
  mobile: readonly { prefixes: readonly string[]; rest: number }[];
  /** "City, Region" as a profile shows it. */
  cities: readonly string[];
  /** Relative preference for each chat channel (used only among the candidate's contacts). */
  channels: Partial<Record<Channel, number>>;
}

// US area codes of the sample cities (any NXX-XXXX after them with N ≥ 2 and not N11 is valid).
const US_AREA_CODES = [
  '214', '469', '972', // Dallas
  '713', '832', '281', '346', // Houston
  '602', '480', '623', // Phoenix
  '312', '773', '872', // Chicago
  '512', '737', // Austin
  '404', '470', '678', // Atlanta
  '305', '786', // Miami
  '213', '323', '818', // Los Angeles
  '408', '669', // San Jose
  '212', '646', '718', '917', // New York
  '206', '253', // Seattle
  '614', // Columbus
  '313', // Detroit
];

export const COUNTRIES: Record<CountryCode, Country> = {
  PH: {
    code: 'PH',
    name: 'Philippines',
    dial: '+63',
    // Globe, Smart, DITO and Sun prefixes (09xx): +63 917 123 4567.
    mobile: [
      {
        prefixes: [
          '905', '906', '915', '916', '917', '918', '919', '920', '921', '922', '926', '927', '928',
          '929', '935', '936', '937', '938', '939', '945', '947', '948', '949', '950', '951', '953',
          '954', '955', '956', '961', '963', '965', '966', '967', '973', '974', '975', '976', '977',
          '978', '979', '994', '995', '996', '997', '998', '999',
        ],
        rest: 7,
      },
    ],
    cities: [
      'Manila, Metro Manila',
      'Quezon City, Metro Manila',
      'Makati, Metro Manila',
      'Pasig, Metro Manila',
      'Taguig, Metro Manila',
      'Parañaque, Metro Manila',
      'Las Piñas, Metro Manila',
      'Caloocan, Metro Manila',
      'Cebu City, Cebu',
      'Mandaue, Cebu',
      'Davao City, Davao del Sur',
      'Iloilo City, Iloilo',
      'Bacolod, Negros Occidental',
      'Cagayan de Oro, Misamis Oriental',
      'Angeles City, Pampanga',
      'Dasmariñas, Cavite',
      'Antipolo, Rizal',
      'Baguio, Benguet',
    ],
    channels: { facebook: 6, sms: 3, email: 1, whatsapp: 0.5 },
  },
  US: {
    code: 'US',
    name: 'United States',
    dial: '+1',
    mobile: [], // built from area codes, see phoneNumber()
    cities: [
      'Dallas, TX',
      'Irving, TX',
      'Plano, TX',
      'Houston, TX',
      'Pasadena, TX',
      'Phoenix, AZ',
      'Mesa, AZ',
      'Chicago, IL',
      'Evanston, IL',
      'Austin, TX',
      'Round Rock, TX',
      'Atlanta, GA',
      'Marietta, GA',
      'Miami, FL',
      'Los Angeles, CA',
      'San Jose, CA',
      'New York, NY',
      'Brooklyn, NY',
      'Seattle, WA',
      'Columbus, OH',
      'Dearborn, MI',
    ],
    channels: { sms: 6, email: 3, whatsapp: 0.7, facebook: 0.5 },
  },
  GB: {
    code: 'GB',
    name: 'United Kingdom',
    dial: '+44',
    mobile: [
      { prefixes: ['74', '75', '78'], rest: 8 },
      { prefixes: ['771', '772', '773', '774', '775', '776', '777', '778', '779', '795', '796', '797', '798', '799'], rest: 7 },
    ],
    cities: [
      'London, England',
      'Croydon, England',
      'Manchester, England',
      'Salford, England',
      'Birmingham, England',
      'Leeds, England',
      'Liverpool, England',
      'Bristol, England',
      'Leicester, England',
      'Glasgow, Scotland',
      'Cardiff, Wales',
    ],
    channels: { whatsapp: 5, email: 3, sms: 2, facebook: 0.5 },
  },
  IN: {
    code: 'IN',
    name: 'India',
    dial: '+91',
    mobile: [
      {
        prefixes: ['98', '99', '97', '96', '95', '94', '93', '91', '90', '89', '88', '87', '86', '85', '84', '83', '82', '81', '80', '79', '78', '77', '76', '75', '74', '73', '72', '70', '63', '62', '60'],
        rest: 8,
      },
    ],
    cities: [
      'Bengaluru, Karnataka',
      'Hyderabad, Telangana',
      'Pune, Maharashtra',
      'Mumbai, Maharashtra',
      'Chennai, Tamil Nadu',
      'Noida, Uttar Pradesh',
      'Gurugram, Haryana',
      'Kochi, Kerala',
      'Kolkata, West Bengal',
      'Ahmedabad, Gujarat',
    ],
    channels: { whatsapp: 7, email: 2, sms: 1 },
  },
  MX: {
    code: 'MX',
    name: 'Mexico',
    dial: '+52',
    mobile: [
      { prefixes: ['55', '56', '33', '81'], rest: 8 },
      { prefixes: ['222', '442', '664', '999', '477'], rest: 7 },
    ],
    cities: [
      'Ciudad de México, CDMX',
      'Monterrey, Nuevo León',
      'San Pedro Garza García, Nuevo León',
      'Guadalajara, Jalisco',
      'Zapopan, Jalisco',
      'Puebla, Puebla',
      'Querétaro, Querétaro',
      'Tijuana, Baja California',
      'Mérida, Yucatán',
      'León, Guanajuato',
    ],
    channels: { whatsapp: 7, facebook: 1.5, sms: 1, email: 1 },
  },
  NG: {
    code: 'NG',
    name: 'Nigeria',
    dial: '+234',
    mobile: [
      {
        prefixes: ['803', '806', '813', '816', '810', '814', '903', '906', '703', '706', '802', '808', '812', '701', '708', '902', '907', '805', '807', '815', '811', '905', '809', '817', '818', '909', '908'],
        rest: 7,
      },
    ],
    cities: [
      'Lagos, Lagos State',
      'Ikeja, Lagos State',
      'Lekki, Lagos State',
      'Abuja, FCT',
      'Port Harcourt, Rivers State',
      'Ibadan, Oyo State',
      'Enugu, Enugu State',
      'Benin City, Edo State',
    ],
    channels: { whatsapp: 7, email: 2, sms: 1.5, facebook: 0.5 },
  },
  DE: {
    code: 'DE',
    name: 'Germany',
    dial: '+49',
    mobile: [
      { prefixes: ['151', '152', '157', '159'], rest: 8 },
      { prefixes: ['160', '162', '163', '170', '171', '172', '173', '174', '175', '176', '177', '178', '179'], rest: 7 },
    ],
    cities: [
      'Berlin',
      'Hamburg',
      'München, Bayern',
      'Köln, Nordrhein-Westfalen',
      'Düsseldorf, Nordrhein-Westfalen',
      'Frankfurt am Main, Hessen',
      'Stuttgart, Baden-Württemberg',
      'Leipzig, Sachsen',
      'Nürnberg, Bayern',
      'Bremen',
    ],
    channels: { whatsapp: 5, email: 4, sms: 1 },
  },
  VN: {
    code: 'VN',
    name: 'Vietnam',
    dial: '+84',
    mobile: [
      {
        prefixes: ['90', '91', '93', '94', '96', '97', '98', '32', '33', '34', '35', '36', '37', '38', '39', '70', '76', '77', '78', '79', '81', '82', '83', '84', '85', '86', '88'],
        rest: 7,
      },
    ],
    cities: ['Thành phố Hồ Chí Minh', 'Hà Nội', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ'],
    channels: { facebook: 5, sms: 2, email: 1.5, whatsapp: 0.5 },
  },
  PL: {
    code: 'PL',
    name: 'Poland',
    dial: '+48',
    mobile: [{ prefixes: ['50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88'], rest: 7 }],
    cities: ['Warszawa, Mazowieckie', 'Kraków, Małopolskie', 'Wrocław, Dolnośląskie', 'Gdańsk, Pomorskie', 'Łódź, Łódzkie', 'Poznań, Wielkopolskie'],
    channels: { whatsapp: 4, sms: 3, email: 3, facebook: 1 },
  },
  AE: {
    code: 'AE',
    name: 'United Arab Emirates',
    dial: '+971',
    mobile: [{ prefixes: ['50', '52', '54', '55', '56', '58'], rest: 7 }],
    cities: ['Dubai', 'Abu Dhabi', 'Sharjah'],
    channels: { whatsapp: 8, email: 2, sms: 0.5 },
  },
};

/** A valid mobile number of `country` in E.164, e.g. "+639171234567". */
export function phoneNumber(rng: Random, country: CountryCode): string {
  const info = COUNTRIES[country];
  if (country === 'US') {
    // NXX exchange: 2–9 then two digits, never N11 (service codes), never 555 (fiction/directory).
    let exchange: string;
    do {
      exchange = String(rng.int(2, 9)) + rng.digits(2);
    } while (exchange.endsWith('11') || exchange === '555');
    return info.dial + rng.pick(US_AREA_CODES) + exchange + rng.digits(4);
  }
  // Weight each block by its number of prefixes, so every prefix is equally likely.
  let index = rng.int(0, info.mobile.reduce((n, block) => n + block.prefixes.length, 0) - 1);
  for (const block of info.mobile) {
    if (index < block.prefixes.length) return info.dial + block.prefixes[index]! + rng.digits(block.rest);
    index -= block.prefixes.length;
  }
  throw new Error(`No mobile pattern for ${country}`);
}

/** A profile location: "Quezon City, Metro Manila, Philippines", "Dallas, TX". */
export function locationIn(rng: Random, country: CountryCode): string {
  const info = COUNTRIES[country];
  const city = rng.pick(info.cities);
  return country === 'US' ? city : `${city}, ${info.name}`;
}
