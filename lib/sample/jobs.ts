import type { CultureId } from './names';
import type { CountryCode } from './places';
import type { Random } from './random';

/**
 * Job postings (campaigns) of a staffing team, the people each attracts, and what a screening
 * bot asks them. Companies are made up.
 */

export type MarketId = 'PH' | 'US' | 'GB' | 'DE' | 'MX' | 'IN' | 'NG' | 'REMOTE';

export interface Market {
  /** Where local applicants live; null for remote roles (applicants stay where they are). */
  country: CountryCode | null;
  cultures: readonly (readonly [CultureId, number])[];
}

export const MARKETS: Record<MarketId, Market> = {
  PH: {
    country: 'PH',
    cultures: [['filipino', 94], ['chinese', 2], ['indian', 2], ['english', 2]],
  },
  US: {
    country: 'US',
    cultures: [
      ['english', 33], ['hispanic', 27], ['filipino', 7], ['indian', 7], ['nigerian', 5], ['chinese', 5],
      ['vietnamese', 5], ['arabic', 4], ['polish_czech', 2], ['russian_ukrainian', 2], ['chinese_hanzi', 1],
      ['german', 1], ['arabic_script', 1],
    ],
  },
  GB: {
    country: 'GB',
    cultures: [
      ['english', 40], ['indian', 14], ['nigerian', 10], ['polish_czech', 12], ['filipino', 7], ['arabic', 6],
      ['chinese', 4], ['russian_ukrainian', 3], ['german', 2], ['hispanic', 2],
    ],
  },
  DE: {
    country: 'DE',
    cultures: [
      ['german', 55], ['polish_czech', 12], ['russian_ukrainian', 8], ['arabic', 9], ['vietnamese', 6],
      ['english', 4], ['hispanic', 2], ['indian', 3], ['arabic_script', 1],
    ],
  },
  MX: { country: 'MX', cultures: [['hispanic', 96], ['english', 2], ['chinese', 2]] },
  IN: { country: 'IN', cultures: [['indian', 100]] },
  NG: { country: 'NG', cultures: [['nigerian', 100]] },
  REMOTE: {
    country: null,
    cultures: [
      ['indian', 16], ['english', 14], ['filipino', 12], ['hispanic', 10], ['nigerian', 9], ['german', 8],
      ['polish_czech', 8], ['chinese', 6], ['vietnamese', 6], ['russian_ukrainian', 5], ['arabic', 4],
      ['chinese_hanzi', 1], ['arabic_script', 1],
    ],
  },
};

export type FamilyId = 'cs' | 'warehouse' | 'nursing' | 'software' | 'driver' | 'retail' | 'hospitality';

export interface Posting {
  title: string;
  location: string;
  market: MarketId;
  family: FamilyId;
}

/**
 * Campaign templates, most typical first: a dataset with n campaigns uses the first n, so a
 * small sample always shows the classic mix (a Manila BPO role, a US warehouse, nurses, …).
 */
export const POSTINGS: readonly Posting[] = [
  { title: 'Customer Service Representative', location: 'Manila, Philippines', market: 'PH', family: 'cs' },
  { title: 'Warehouse Associate', location: 'Dallas, TX', market: 'US', family: 'warehouse' },
  { title: 'Registered Nurse', location: 'Chicago, IL', market: 'US', family: 'nursing' },
  { title: 'Software Engineer', location: 'Remote', market: 'REMOTE', family: 'software' },
  { title: 'Delivery Driver', location: 'Phoenix, AZ', market: 'US', family: 'driver' },
  { title: 'Technical Support Specialist', location: 'Cebu City, Philippines', market: 'PH', family: 'cs' },
  { title: 'Healthcare Assistant', location: 'Manchester, UK', market: 'GB', family: 'nursing' },
  { title: 'Lagermitarbeiter (m/w/d)', location: 'Hamburg, Germany', market: 'DE', family: 'warehouse' },
  { title: 'Agente de Call Center Bilingüe', location: 'Monterrey, Mexico', market: 'MX', family: 'cs' },
  { title: 'Retail Sales Associate', location: 'Austin, TX', market: 'US', family: 'retail' },
  { title: 'Process Associate', location: 'Hyderabad, India', market: 'IN', family: 'cs' },
  { title: 'Customer Support Agent', location: 'Lagos, Nigeria', market: 'NG', family: 'cs' },
  { title: 'Line Cook', location: 'Atlanta, GA', market: 'US', family: 'hospitality' },
  { title: 'Pflegefachkraft (m/w/d)', location: 'München, Germany', market: 'DE', family: 'nursing' },
  { title: 'Forklift Operator', location: 'Houston, TX', market: 'US', family: 'warehouse' },
  { title: 'Senior Frontend Engineer', location: 'Berlin, Germany', market: 'DE', family: 'software' },
  { title: 'Chat Support Agent', location: 'Davao City, Philippines', market: 'PH', family: 'cs' },
  { title: 'HGV Class 2 Driver', location: 'Birmingham, UK', market: 'GB', family: 'driver' },
];

/** What a screening question's answer may depend on. */
export interface AnswerContext {
  rng: Random;
  market: MarketId;
  /** The lead's years_experience attribute, when it has one. */
  years: number | undefined;
  /** Whether the candidate's answers lean Taglish ("Yes po"). */
  taglish: boolean;
}

export interface Question {
  question: string;
  answer: (ctx: AnswerContext) => string;
}

export interface Family {
  /** Job titles people of this field put in their headline. */
  titles: readonly string[];
  companies: readonly string[];
  skills: readonly string[];
  questions: readonly Question[];
}

function yearsAnswer(ctx: AnswerContext, what: string): string {
  const years = ctx.years ?? ctx.rng.int(0, 8);
  if (years === 0) return ctx.taglish ? 'Fresh grad po, no experience yet' : `No ${what} experience yet, but I learn fast`;
  const base = years === 1 ? '1 year' : `${years} years`;
  return ctx.rng.pick([base, `${base} of ${what} experience`, `About ${base}`, ctx.taglish ? `${base} po` : base]);
}

function yesNo(ctx: AnswerContext, yes: readonly string[], no: readonly string[], pYes = 0.85): string {
  if (ctx.taglish && ctx.rng.chance(0.5)) return ctx.rng.chance(pYes) ? ctx.rng.pick(['Yes po', 'Opo', 'Yes po, okay lang po']) : 'Hindi po eh, sorry';
  return ctx.rng.chance(pYes) ? ctx.rng.pick(yes) : ctx.rng.pick(no);
}

const START_ANSWERS = ['Immediately', 'In 2 weeks', 'After my notice period (30 days)', 'Next Monday', 'ASAP', 'In about a month'];

export const FAMILIES: Record<FamilyId, Family> = {
  cs: {
    titles: ['Customer Service Representative', 'Call Center Agent', 'Technical Support Representative', 'Customer Care Associate', 'Chat Support Specialist', 'Team Leader, Customer Experience'],
    companies: ['Harbor Point BPO', 'Meridian Contact Solutions', 'Vantage Outsourcing Inc.', 'BlueRiver CX', 'Pacific Crest Teleservices', 'Lumen Support Services'],
    skills: ['Voice & non-voice', 'Inbound/outbound calls', 'Zendesk', 'Salesforce Service Cloud', 'Excellent English communication', 'Upselling', 'Technical troubleshooting'],
    questions: [
      {
        question: 'Are you comfortable working night shift (US business hours)?',
        answer: (c) => yesNo(c, ['Yes', 'Yes, I prefer night shift', 'Yes, no problem'], ['No, day shift only please', 'Only mid shift']),
      },
      { question: 'How many years of call center experience do you have?', answer: (c) => yearsAnswer(c, 'call center') },
      {
        question: 'What is your expected monthly salary?',
        answer: (c) => {
          const money: Record<string, readonly string[]> = {
            PH: ['PHP 20,000', 'PHP 22,000 – 25,000', 'PHP 28,000', '25k po', 'Negotiable'],
            MX: ['MXN 12,000', 'MXN 14,500 mensuales', '$13,000 MXN', 'Negotiable'],
            IN: ['₹22,000 per month', '2.8 LPA', '₹25k in hand', 'Negotiable'],
            NG: ['₦180,000', '₦220,000 monthly', 'Negotiable'],
          };
          return c.rng.pick(money[c.market] ?? ['Negotiable', 'Open to discuss']);
        },
      },
      { question: 'When can you start?', answer: (c) => c.rng.pick(START_ANSWERS) },
    ],
  },
  warehouse: {
    titles: ['Warehouse Associate', 'Picker/Packer', 'Forklift Operator', 'Inventory Clerk', 'Material Handler', 'Shipping & Receiving Clerk', 'Lagerhelfer'],
    companies: ['Northwind Logistics', 'Lone Star Fulfillment', 'Summit Distribution Co.', 'Keystone Freight', 'Elbe Logistik GmbH', 'Redline Supply Chain'],
    skills: ['RF scanning', 'Forklift certified', 'OSHA 10', 'Inventory control', 'Pallet jack', 'WMS (Manhattan)'],
    questions: [
      { question: 'Can you lift up to 50 lbs repeatedly?', answer: (c) => yesNo(c, ['Yes', 'Yes, no problem', 'Yes I can'], ['Up to about 30 lbs'], 0.92) },
      { question: 'Are you available for weekend shifts?', answer: (c) => yesNo(c, ['Yes', 'Saturdays yes, Sundays no', 'Yes, any shift'], ['No, weekdays only'], 0.75) },
      { question: 'Do you have forklift certification?', answer: (c) => yesNo(c, ['Yes, since 2019', 'Yes, sit-down and reach truck', 'Yes'], ['No', 'Not yet but willing to get it'], 0.45) },
      { question: 'How many years of warehouse experience do you have?', answer: (c) => yearsAnswer(c, 'warehouse') },
    ],
  },
  nursing: {
    titles: ['Registered Nurse', 'Staff Nurse', 'ICU Nurse', 'Med-Surg RN', 'Certified Nursing Assistant', 'Healthcare Assistant', 'Pflegefachkraft'],
    companies: ['Lakeside Medical Center', 'Bluepeak Health', "St. Brigid's Hospital", 'Riverside Care Homes', 'Northgate Clinic', 'Klinikum am Park'],
    skills: ['BLS/ACLS', 'Med-surg', 'ICU', 'Epic EHR', 'Wound care', 'NCLEX passed', 'Patient education'],
    questions: [
      {
        question: 'Do you hold an active nursing license?',
        answer: (c) =>
          yesNo(
            c,
            c.market === 'US' ? ['Yes, Illinois RN license', 'Yes, multistate (compact) RN license', 'Yes, RN — NCLEX passed 2021'] : ['Yes, NMC registered', 'Yes', 'Yes, registration in progress'],
            ['Not yet, waiting for my NCLEX results', 'No, I am a caregiver'],
            0.8,
          ),
      },
      { question: 'Which units have you worked in?', answer: (c) => c.rng.pick(['Med-surg', 'ICU, 2 years', 'ER and med-surg', 'Oncology', 'OR', 'Pediatrics', 'Long-term care']) },
      { question: 'How many years of nursing experience do you have?', answer: (c) => yearsAnswer(c, 'nursing') },
      { question: 'Are you open to night shifts?', answer: (c) => yesNo(c, ['Yes', 'Yes, 3x12s preferred', 'Open to rotating'], ['Days only please'], 0.7) },
    ],
  },
  software: {
    titles: ['Software Engineer', 'Frontend Developer', 'Full-Stack Developer', 'Senior Software Engineer', 'Backend Engineer', 'React Developer'],
    companies: ['Kestrel Software', 'Brightline Labs', 'Orbitware', 'Quanta Cloud', 'Fjordbyte GmbH', 'Nimbus Analytics'],
    skills: ['TypeScript', 'React', 'Node.js', 'PostgreSQL', 'AWS', 'Go', 'Kubernetes', 'Python', 'GraphQL'],
    questions: [
      { question: 'How many years of professional experience do you have with TypeScript?', answer: (c) => yearsAnswer(c, 'TypeScript') },
      { question: 'Can you overlap at least 4 hours with 9:00–17:00 CET?', answer: (c) => yesNo(c, ['Yes', 'Yes, fully', 'Yes, mornings my time'], ['Only 2 hours'], 0.85) },
      { question: "What's your notice period?", answer: (c) => c.rng.pick(['2 weeks', '1 month', '3 months (negotiable)', 'Immediately available', '30 days']) },
    ],
  },
  driver: {
    titles: ['Delivery Driver', 'Courier', 'CDL-A Truck Driver', 'Van Driver', 'HGV Driver', 'Route Driver'],
    companies: ['QuickHaul Couriers', 'Desert Route Delivery', 'Parcelwise', 'Redline Supply Chain', 'Midlands Freight Ltd'],
    skills: ['Clean driving record', 'CDL Class A', 'DOT medical card', 'Route planning', 'Customer service'],
    questions: [
      { question: "Do you have a valid driver's license?", answer: (c) => yesNo(c, ['Yes, Class C', 'Yes, CDL Class A', 'Yes', 'Yes, full UK licence (C1)'], ['Learner permit only'], 0.93) },
      { question: 'Any moving violations in the last 3 years?', answer: (c) => (c.rng.chance(0.85) ? 'No' : 'One speeding ticket in 2023') },
      { question: 'When can you start?', answer: (c) => c.rng.pick(START_ANSWERS) },
    ],
  },
  retail: {
    titles: ['Retail Sales Associate', 'Cashier', 'Store Associate', 'Keyholder', 'Visual Merchandiser'],
    companies: ['Sunrise Retail Group', 'Greenfield Foods', 'Urban Thread Co.', 'Hill Country Outfitters'],
    skills: ['POS systems', 'Customer service', 'Cash handling', 'Merchandising', 'Bilingual English/Spanish'],
    questions: [
      { question: 'Are you available to work weekends and holidays?', answer: (c) => yesNo(c, ['Yes', 'Yes, most weekends'], ['Weekdays only'], 0.8) },
      { question: 'How many years of retail experience do you have?', answer: (c) => yearsAnswer(c, 'retail') },
      { question: 'When can you start?', answer: (c) => c.rng.pick(START_ANSWERS) },
    ],
  },
  hospitality: {
    titles: ['Line Cook', 'Prep Cook', 'Sous Chef', 'Dishwasher', 'Kitchen Porter', 'Server'],
    companies: ['Magnolia Table & Bar', 'The Copper Pot', 'Peachtree Catering', 'Greenfield Foods'],
    skills: ['ServSafe certified', 'Grill station', 'Food prep', 'High-volume kitchens', 'Knife skills'],
    questions: [
      { question: 'Do you have a food handler / ServSafe certificate?', answer: (c) => yesNo(c, ['Yes', 'Yes, ServSafe Manager'], ['No, but I can get one'], 0.6) },
      { question: 'How many years of kitchen experience do you have?', answer: (c) => yearsAnswer(c, 'kitchen') },
      { question: 'Are you available evenings and weekends?', answer: (c) => yesNo(c, ['Yes', 'Yes, any shift'], ['Evenings only on weekdays'], 0.8) },
    ],
  },
};
