import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';

export type { CountryCode };

/** Parses a phone typed in any usual format to E.164 (DESIGN §1), or null when it is not one. */
export function toE164(input: string, defaultCountry: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

let callingCodes: Set<string> | null = null;

/**
 * The national significant number of a stored E.164 phone: what search compares. Country
 * calling codes are prefix-free (ITU E.164), so stripping the one that matches is exact and
 * far cheaper than a full parse — this runs for every candidate when the index hydrates.
 */
export function nationalDigits(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  callingCodes ??= new Set(getCountries().map((c) => getCountryCallingCode(c)));
  for (let len = 1; len <= 3; len++) {
    if (callingCodes.has(digits.slice(0, len))) return digits.slice(len);
  }
  return digits;
}

const PHONE_LIKE = /^[+(]?[\d\s().\-/]+$/;

/**
 * If a search query looks like (part of) a phone number, the digits to look for in stored
 * national numbers: `+63 917 123 4567`, `0917-123-4567` and `9171234567` all give
 * `9171234567` with default country PH. Null when the query is not phone-like.
 */
export function phoneQueryDigits(query: string, defaultCountry: CountryCode): string | null {
  const q = query.trim();
  if (!PHONE_LIKE.test(q)) return null;
  const digits = q.replace(/\D/g, '');
  if (digits.length < 4) return null;
  const parsed = parsePhoneNumberFromString(q, defaultCountry);
  // Only a valid number is trusted: a merely "possible" partial one keeps its trunk 0 in
  // libphonenumber's national number ("0917 12" → "091712"), which no stored number contains.
  if (parsed && parsed.isValid()) return parsed.nationalNumber;
  // A partial number: with "+", the digits include the country code (matched against the full
  // E.164 digits); without, a national trunk 0 is dropped.
  if (q.startsWith('+')) return digits;
  // Nothing but zeros is no number: "" would be found in every phone.
  return digits.replace(/^0+/, '') || null;
}

/** Phone shown to a recruiter: international format, e.g. "+63 917 123 4567". */
export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}
