import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { formatPhone, nationalDigits, phoneQueryDigits, toE164, type CountryCode } from './phone';

describe('toE164', () => {
  it.each<[string, CountryCode, string]>([
    ['+63 917 123 4567', 'PH', '+639171234567'],
    ['0917-123-4567', 'PH', '+639171234567'],
    ['9171234567', 'PH', '+639171234567'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['415.555.2671', 'US', '+14155552671'],
    ['+1 415 555 2671', 'PH', '+14155552671'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['07911 123456', 'GB', '+447911123456'],
    ['+44 (0) 20 7946 0958', 'US', '+442079460958'],
    ['0803 123 4567', 'NG', '+2348031234567'],
    ['06 1234 5678', 'IT', '+390612345678'],
    ['333 123 4567', 'IT', '+393331234567'],
    ['030 901820', 'DE', '+4930901820'],
    ['  +33 6 12 34 56 78  ', 'PH', '+33612345678'],
  ])('%s (default %s) → %s', (input, country, expected) => {
    expect(toE164(input, country)).toBe(expected);
  });

  it.each<[string, CountryCode]>([
    ['', 'PH'],
    ['hello', 'PH'],
    ['maria@example.com', 'US'],
    ['12', 'US'],
    ['0000', 'PH'],
  ])('%j is not a phone (default %s)', (input, country) => {
    expect(toE164(input, country)).toBeNull();
  });
});

describe('nationalDigits', () => {
  // The expected value is libphonenumber's own national number, computed by a full parse.
  it.each([
    '+14155552671', // US, +1
    '+16045550123', // Canada shares +1
    '+442079460958', // UK, +44
    '+447911123456',
    '+639171234567', // Philippines, +63
    '+2348031234567', // Nigeria, +234
    '+390612345678', // Italy: the leading 0 belongs to the national number
    '+393331234567', // Italian mobile: no leading 0
    '+4930901820', // Germany
    '+79123456789', // Russia, +7
    '+8613800138000', // China, +86
  ])('%s agrees with libphonenumber', (e164) => {
    const parsed = parsePhoneNumberFromString(e164);
    expect(parsed).toBeDefined();
    expect(nationalDigits(e164)).toBe(parsed!.nationalNumber);
  });

  it('gives the expected numbers for +1, +44, +63, +234 and +39', () => {
    expect(nationalDigits('+14155552671')).toBe('4155552671');
    expect(nationalDigits('+442079460958')).toBe('2079460958');
    expect(nationalDigits('+639171234567')).toBe('9171234567');
    expect(nationalDigits('+2348031234567')).toBe('8031234567');
    expect(nationalDigits('+390612345678')).toBe('0612345678');
  });
});

describe('phoneQueryDigits', () => {
  it('gives the same national number for the three usual ways of typing a PH mobile', () => {
    const expected = '9171234567';
    expect(phoneQueryDigits('+63 917 123 4567', 'PH')).toBe(expected);
    expect(phoneQueryDigits('0917-123-4567', 'PH')).toBe(expected);
    expect(phoneQueryDigits('9171234567', 'PH')).toBe(expected);
    expect(phoneQueryDigits('(0917) 123 4567', 'PH')).toBe(expected);
  });

  it('matches what nationalDigits stores for the same phone', () => {
    const stored = nationalDigits(toE164('+63 917 123 4567', 'PH')!);
    expect(phoneQueryDigits('0917 123 4567', 'PH')).toBe(stored);
    const italian = nationalDigits(toE164('06 1234 5678', 'IT')!);
    expect(phoneQueryDigits('06 1234 5678', 'IT')).toBe(italian);
    expect(phoneQueryDigits('+39 06 1234 5678', 'PH')).toBe(italian);
  });

  it('parses a foreign number written with its country code whatever the default', () => {
    expect(phoneQueryDigits('+1 (415) 555-2671', 'PH')).toBe('4155552671');
    expect(phoneQueryDigits('+44 20 7946 0958', 'PH')).toBe('2079460958');
  });

  it('gives digits that are part of the stored number for partial numbers', () => {
    const national = '9171234567';
    const full = '639171234567';
    const partial = (q: string) => phoneQueryDigits(q, 'PH');
    // Without "+": a national prefix, the trunk 0 dropped.
    expect(partial('0917 12')).not.toBeNull();
    expect(national).toContain(partial('0917 12'));
    expect(partial('0917 12')!.startsWith('0')).toBe(false);
    expect(national).toContain(partial('917-123'));
    expect(national).toContain(partial('4567'));
    // With "+": compared with the full E.164 digits.
    expect(partial('+63 917')).toBe('63917');
    expect(full).toContain(partial('+63 917'));
  });

  it.each<[string, CountryCode, string]>([
    ['0917-123-4567', 'PH', '+639171234567'],
    ['+63 917 123 4567', 'PH', '+639171234567'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['06 1234 5678', 'IT', '+390612345678'],
    ['0803 123 4567', 'NG', '+2348031234567'],
  ])('finds %s at every step while it is being typed (default %s)', (typed, country, e164) => {
    const stored = `${nationalDigits(e164)} ${e164.slice(1)}`;
    let steps = 0;
    for (let end = 1; end <= typed.length; end++) {
      const prefix = typed.slice(0, end);
      if (prefix.replace(/\D/g, '').length < 4 || /[\s-]$/.test(prefix)) continue;
      const digits = phoneQueryDigits(prefix, country);
      expect(digits, prefix).not.toBeNull();
      expect(stored, prefix).toContain(digits);
      steps++;
    }
    expect(steps).toBeGreaterThan(4);
  });

  it('is null for text that is not phone-like', () => {
    expect(phoneQueryDigits('maria', 'PH')).toBeNull();
    expect(phoneQueryDigits('A-10423', 'PH')).toBeNull();
    expect(phoneQueryDigits('maria 0917', 'PH')).toBeNull();
    expect(phoneQueryDigits('maria@example.com', 'PH')).toBeNull();
    expect(phoneQueryDigits('', 'PH')).toBeNull();
    expect(phoneQueryDigits('   ', 'PH')).toBeNull();
  });

  it('is null for too few digits, and for digits that are all trunk zeros', () => {
    expect(phoneQueryDigits('917', 'PH')).toBeNull();
    expect(phoneQueryDigits('+63', 'PH')).toBeNull();
    expect(phoneQueryDigits('(0) 1', 'PH')).toBeNull();
    // "0000" would otherwise become "", which every phone (and no phone) "contains".
    expect(phoneQueryDigits('0000', 'PH')).toBeNull();
    expect(phoneQueryDigits('000-000', 'PH')).toBeNull();
  });
});

describe('formatPhone', () => {
  it('formats E.164 internationally, and leaves what it cannot parse alone', () => {
    expect(formatPhone('+639171234567')).toBe('+63 917 123 4567');
    expect(formatPhone('+14155552671')).toBe('+1 415 555 2671');
    expect(formatPhone('not a phone')).toBe('not a phone');
  });
});
