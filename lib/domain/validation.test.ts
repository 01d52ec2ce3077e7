import { describe, expect, it } from 'vitest';
import { makeAttributeDef } from '../../tests/factories';
import {
  attributeField,
  emailProblem,
  isCalendarDay,
  labelKey,
  parseAttribute,
  parsePhone,
  urlProblem,
  validateCandidateDraft,
  validateComment,
  validateDoNotContactReason,
  validateLabelName,
  validateLeadDraft,
} from './validation';

describe('emailProblem', () => {
  it('accepts a usual address and an empty one (email is optional)', () => {
    expect(emailProblem('ana.reyes@example.com')).toBeNull();
    expect(emailProblem('  ana@sub.example.co.uk ')).toBeNull();
    expect(emailProblem('')).toBeNull();
    expect(emailProblem('   ')).toBeNull();
  });

  it('refuses spaces inside, saying so', () => {
    expect(emailProblem('ana reyes@example.com')).toBe('An email address cannot contain spaces.');
  });

  it('refuses addresses without @ or domain dot, and huge ones', () => {
    for (const bad of ['ana', 'ana@', '@example.com', 'ana@example', 'ana@@example.com', 'ana@example.']) {
      expect(emailProblem(bad), bad).toMatch(/does not look right/);
    }
    expect(emailProblem(`${'a'.repeat(260)}@example.com`)).toMatch(/at most 254/);
  });
});

describe('parsePhone', () => {
  it('turns national and international formats into E.164', () => {
    expect(parsePhone('0917 123 4567', 'PH')).toEqual({ ok: true, value: '+639171234567' });
    expect(parsePhone('+44 7911 123456', 'PH')).toEqual({ ok: true, value: '+447911123456' });
    expect(parsePhone('(0)7911-123456', 'GB')).toEqual({ ok: true, value: '+447911123456' });
  });

  it('clears with an empty value', () => {
    expect(parsePhone('  ', 'PH')).toEqual({ ok: true, value: undefined });
  });

  it('refuses letters with a message naming the allowed characters', () => {
    const result = parsePhone('call me maybe', 'PH');
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/can only contain digits/) as unknown });
  });

  it('refuses digits that are no phone number, naming the default country', () => {
    const result = parsePhone('12', 'PH');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/default country PH/);
  });
});

describe('urlProblem', () => {
  it('accepts http(s) links and empty', () => {
    expect(urlProblem('https://www.linkedin.com/in/ana')).toBeNull();
    expect(urlProblem('')).toBeNull();
  });
  it('refuses javascript: and non-URLs', () => {
    expect(urlProblem('javascript:alert(1)')).toMatch(/Only web addresses/);
    expect(urlProblem('linkedin ana')).toMatch(/not a web address/);
  });
});

describe('isCalendarDay / parseAttribute', () => {
  it('knows real days from look-alikes', () => {
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2023-02-29')).toBe(false);
    expect(isCalendarDay('2024-13-01')).toBe(false);
    expect(isCalendarDay('tomorrow-ish')).toBe(false);
    expect(isCalendarDay('2024-1-5')).toBe(false);
  });

  it('parses by type: number, date, text; empty clears', () => {
    const n = makeAttributeDef({ label: 'Years', type: 'number' });
    const d = makeAttributeDef({ label: 'Available from', type: 'date' });
    const t = makeAttributeDef({ label: 'Shift', type: 'text' });
    expect(parseAttribute(n, ' 2.5 ')).toEqual({ ok: true, value: 2.5 });
    expect(parseAttribute(n, 'three')).toEqual({ ok: false, error: 'Years must be a number, e.g. 3 or 2.5.' });
    expect(parseAttribute(n, 'Infinity').ok).toBe(false);
    expect(parseAttribute(d, '2025-03-31')).toEqual({ ok: true, value: '2025-03-31' });
    expect(parseAttribute(d, 'tomorrow-ish')).toEqual({
      ok: false,
      error: 'Available from must be a date written YYYY-MM-DD, e.g. 2025-03-31.',
    });
    expect(parseAttribute(t, '  Night   shift ')).toEqual({ ok: true, value: 'Night shift' });
    expect(parseAttribute(t, '')).toEqual({ ok: true, value: undefined });
    expect(parseAttribute(t, 'x'.repeat(501))).toEqual({ ok: false, error: 'Shift can be at most 500 characters.' });
  });
});

describe('validateCandidateDraft', () => {
  const full = {
    firstName: '  Ana ',
    lastName: 'dela  Cruz',
    email: ' ana@example.com ',
    phone: '0917-123-4567',
    headline: '',
    company: 'Acme',
    location: 'Manila',
    linkedinUrl: 'https://www.linkedin.com/in/ana',
    facebookUrl: '',
  };

  it('cleans every field, phone to E.164, empties to undefined', () => {
    expect(validateCandidateDraft(full, 'PH')).toEqual({
      ok: true,
      value: {
        firstName: 'Ana',
        lastName: 'dela Cruz',
        email: 'ana@example.com',
        phone: '+639171234567',
        headline: undefined,
        company: 'Acme',
        location: 'Manila',
        linkedinUrl: 'https://www.linkedin.com/in/ana',
        facebookUrl: undefined,
      },
    });
  });

  it('stores profile links in the canonical form duplicates are matched on, refusing non-profiles', () => {
    expect(
      validateCandidateDraft(
        { linkedinUrl: 'http://ph.linkedin.com/in/Ana-Reyes/details/experience/?trk=x', facebookUrl: 'https://m.facebook.com/ana.reyes/?ref=bookmarks' },
        'PH',
      ),
    ).toEqual({
      ok: true,
      value: { linkedinUrl: 'https://www.linkedin.com/in/ana-reyes', facebookUrl: 'https://www.facebook.com/ana.reyes' },
    });
    const refused = validateCandidateDraft({ linkedinUrl: 'https://www.linkedin.com/company/acme' }, 'PH');
    expect(refused).toEqual({
      ok: false,
      errors: { linkedinUrl: 'That is not a LinkedIn profile link (https://www.linkedin.com/in/…).' },
    });
  });

  it('validates only the keys given', () => {
    expect(validateCandidateDraft({ email: 'x@y.io' }, 'PH')).toEqual({ ok: true, value: { email: 'x@y.io' } });
  });

  it('keeps About\'s line breaks, takes websites one a line (web addresses only), and the job title as text', () => {
    expect(
      validateCandidateDraft({ title: '  Team  Lead ', about: ' Line one  \r\n\n\n\n  line   two ', websites: ' https://ana.dev \n\nhttp://blog.example/x\n' }, 'PH'),
    ).toEqual({ ok: true, value: { title: 'Team Lead', about: 'Line one\n\nline two', websites: ['https://ana.dev/', 'http://blog.example/x'] } });
    expect(validateCandidateDraft({ about: ' ', websites: '\n' }, 'PH')).toEqual({ ok: true, value: { about: undefined, websites: undefined } });
    expect(validateCandidateDraft({ websites: 'https://ok.example\njavascript:alert(1)' }, 'PH')).toEqual({
      ok: false,
      errors: { websites: 'javascript:alert(1): Only web addresses (https://…) can be saved as links.' },
    });
    expect(validateCandidateDraft({ websites: Array.from({ length: 6 }, (_, i) => `https://s${i}.example`).join('\n') }, 'PH')).toEqual({
      ok: false,
      errors: { websites: 'At most 5 websites.' },
    });
    expect(validateCandidateDraft({ about: 'x'.repeat(2001) }, 'PH')).toEqual({
      ok: false,
      errors: { about: 'About can be at most 2,000 characters (this one has 2,001).' },
    });
  });

  it('reports every bad field at once, each with its reason', () => {
    const result = validateCandidateDraft(
      { ...full, firstName: '  ', lastName: 'x'.repeat(101), email: 'a b@c.d', phone: 'abc', facebookUrl: 'javascript:x' },
      'PH',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      firstName: 'First name is required.',
      lastName: 'Last name can be at most 100 characters (this one has 101).',
      email: 'An email address cannot contain spaces.',
      phone: expect.stringMatching(/only contain digits/) as unknown,
      facebookUrl: expect.stringMatching(/Only web addresses/) as unknown,
    });
  });
});

describe('validateLeadDraft', () => {
  const defs = [
    makeAttributeDef({ key: 'years', label: 'Years of experience', type: 'number' }),
    makeAttributeDef({ key: 'from', label: 'Available from', type: 'date' }),
  ];

  it('requires a source and parses attributes by definition', () => {
    expect(validateLeadDraft({ source: ' Referral ', rejectReason: '', attributes: { years: '4', from: '' } }, defs)).toEqual({
      ok: true,
      value: { source: 'Referral', rejectReason: undefined, attributes: { years: 4, from: undefined } },
    });
  });

  it('refuses an empty source, a bad date and an unknown attribute', () => {
    const result = validateLeadDraft({ source: ' ', attributes: { from: 'tomorrow-ish', nope: '1' } }, defs);
    expect(result).toEqual({
      ok: false,
      errors: {
        source: 'Source is required.',
        [attributeField('from')]: 'Available from must be a date written YYYY-MM-DD, e.g. 2025-03-31.',
        [attributeField('nope')]: 'There is no custom field “nope”.',
      },
    });
  });
});

describe('validateLabelName', () => {
  it('trims, collapses spaces and gives a lower-case key', () => {
    expect(validateLabelName('  Top   Talent ')).toEqual({ ok: true, value: { name: 'Top Talent', nameKey: 'top talent' } });
    expect(labelKey(' TOP  talent')).toBe('top talent');
  });

  it('refuses empty, too long (10,000 characters) and , # ?', () => {
    expect(validateLabelName('   ')).toEqual({ ok: false, errors: { name: 'A label needs a name.' } });
    expect(validateLabelName('x'.repeat(10_000))).toEqual({
      ok: false,
      errors: { name: 'A label name can be at most 50 characters (this one has 10000).' },
    });
    const comma = validateLabelName('a,b');
    expect(comma.ok).toBe(false);
    expect(!comma.ok && comma.errors.name).toMatch(/cannot contain “,”/);
    const both = validateLabelName('#hot?');
    expect(!both.ok && both.errors.name).toMatch(/“#” or “\?”/);
  });
});

describe('validateComment / validateDoNotContactReason', () => {
  it('keeps line breaks, refuses empty and huge comments', () => {
    expect(validateComment(' line 1\nline 2 ')).toEqual({ ok: true, value: 'line 1\nline 2' });
    expect(validateComment(' \n ')).toEqual({ ok: false, errors: { body: 'A comment cannot be empty.' } });
    expect(validateComment('y'.repeat(5001))).toEqual({
      ok: false,
      errors: { body: 'A comment can be at most 5000 characters (this one has 5001).' },
    });
  });

  it('requires a reason for do not contact', () => {
    expect(validateDoNotContactReason('  Asked  to stop ')).toEqual({ ok: true, value: 'Asked to stop' });
    expect(validateDoNotContactReason('')).toMatchObject({ ok: false, errors: { reason: expect.stringMatching(/Say why/) as unknown } });
    expect(validateDoNotContactReason('r'.repeat(501)).ok).toBe(false);
  });
});
