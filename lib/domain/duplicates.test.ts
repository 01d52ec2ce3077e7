import { describe, expect, it } from 'vitest';
import { makeCandidate } from '../../tests/factories';
import {
  canonicalFacebookUrl,
  canonicalLinkedInUrl,
  describeFields,
  emailKey,
  findDuplicates,
  memoryLookup,
  normalizeEmail,
  normalizePhone,
  type CandidateLookup,
} from './duplicates';
import type { Candidate } from './model';

describe('normalizeEmail / emailKey', () => {
  it('trims, keeps the typed case, and compares ignoring case', () => {
    expect(normalizeEmail('  Ana.Reyes@Example.COM ')).toBe('Ana.Reyes@Example.COM');
    expect(emailKey('Ana.Reyes@Example.COM')).toBe(emailKey('ana.reyes@example.com'));
  });

  it('refuses what is not an email', () => {
    for (const bad of ['', 'ana', 'ana@', '@example.com', 'ana@example', 'ana reyes@example.com', 'a@b..com', 'a@@b.com']) {
      expect(normalizeEmail(bad), bad).toBeNull();
    }
    expect(normalizeEmail(`${'a'.repeat(250)}@b.co`)).toBeNull();
  });
});

describe('normalizePhone', () => {
  it('gives the same E.164 for the usual ways of writing a Philippine mobile', () => {
    for (const typed of ['+63 917 123 4567', '0917-123-4567', '(0917) 123 4567', '9171234567', '+639171234567', '0063 917 123 4567']) {
      expect(normalizePhone(typed, 'PH'), typed).toBe('+639171234567');
    }
  });

  it('uses the default country only for numbers without a country code', () => {
    expect(normalizePhone('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(normalizePhone('+1 415 555 2671', 'PH')).toBe('+14155552671');
  });

  it('refuses what is not a phone', () => {
    expect(normalizePhone('12', 'PH')).toBeNull();
    expect(normalizePhone('call me', 'PH')).toBeNull();
  });
});

describe('canonicalLinkedInUrl', () => {
  const canonical = 'https://www.linkedin.com/in/ana-reyes';
  it.each([
    'https://www.linkedin.com/in/ana-reyes',
    'https://www.linkedin.com/in/ana-reyes/',
    'http://www.linkedin.com/in/ana-reyes',
    'https://linkedin.com/in/ana-reyes',
    'https://ph.linkedin.com/in/ana-reyes',
    'https://m.linkedin.com/in/ana-reyes/',
    'www.linkedin.com/in/ana-reyes',
    'linkedin.com/in/Ana-Reyes',
    'https://www.linkedin.com/in/Ana-Reyes?trk=public_profile&originalSubdomain=ph',
    'https://www.linkedin.com/in/ana-reyes/#experience',
    'https://www.linkedin.com/in/ana-reyes/details/experience/',
    'HTTPS://WWW.LINKEDIN.COM/IN/ANA-REYES',
    '  https://www.linkedin.com/in/ana-reyes  ',
  ])('%s', (typed) => {
    expect(canonicalLinkedInUrl(typed)).toBe(canonical);
  });

  it('encodes a non-ASCII vanity one way, whatever the case of its escapes', () => {
    const a = canonicalLinkedInUrl('https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa');
    expect(a).toBe('https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa');
    expect(canonicalLinkedInUrl('https://www.linkedin.com/in/jos%c3%a9-garc%c3%ada/')).toBe(a);
    expect(canonicalLinkedInUrl('https://www.linkedin.com/in/José-García')).toBe(a);
  });

  it('refuses other sites and pages that are not member profiles', () => {
    for (const bad of [
      'https://www.linkedin.com/company/acme',
      'https://www.linkedin.com/in/',
      'https://www.linkedin.com/',
      'https://evil.com/in/ana-reyes',
      'https://linkedin.com.evil.com/in/ana-reyes',
      'javascript:alert(1)',
      'ftp://www.linkedin.com/in/ana',
      'not a url',
      '',
    ]) {
      expect(canonicalLinkedInUrl(bad), bad).toBeNull();
    }
  });
});

describe('canonicalFacebookUrl', () => {
  it.each([
    'https://www.facebook.com/ana.reyes.5',
    'https://facebook.com/ana.reyes.5/',
    'http://m.facebook.com/Ana.Reyes.5',
    'https://web.facebook.com/ana.reyes.5?ref=bookmarks#about',
    'facebook.com/ANA.REYES.5',
    'https://fb.com/ana.reyes.5',
    'https://www.facebook.com/ana.reyes.5/about',
  ])('%s', (typed) => {
    expect(canonicalFacebookUrl(typed)).toBe('https://www.facebook.com/ana.reyes.5');
  });

  it('keeps the id of a profile without a username, the only query kept', () => {
    const canonical = 'https://www.facebook.com/profile.php?id=100012345678901';
    expect(canonicalFacebookUrl('https://www.facebook.com/profile.php?id=100012345678901&sk=about#x')).toBe(canonical);
    expect(canonicalFacebookUrl('m.facebook.com/profile.php?ref=x&id=100012345678901')).toBe(canonical);
    expect(canonicalFacebookUrl('https://www.facebook.com/people/Ana-Reyes/100012345678901/')).toBe(canonical);
    expect(canonicalFacebookUrl('https://www.facebook.com/profile.php')).toBeNull();
  });

  it('refuses groups, pages, posts and other sites', () => {
    for (const bad of [
      'https://www.facebook.com/groups/123',
      'https://www.facebook.com/events/1',
      'https://www.facebook.com/',
      'https://www.facebook.com/sharer.php?u=x',
      'https://facebook.com.evil.com/ana',
      'https://www.linkedin.com/in/ana',
    ]) {
      expect(canonicalFacebookUrl(bad), bad).toBeNull();
    }
  });
});

describe('findDuplicates', () => {
  const ana = makeCandidate({
    firstName: 'Ana',
    email: 'Ana.Reyes@example.com',
    phone: '+639171234567',
    linkedinUrl: 'https://www.linkedin.com/in/ana-reyes',
  });
  const ben = makeCandidate({ firstName: 'Ben', email: 'ben@example.com', facebookUrl: 'https://www.facebook.com/ben.cruz' });
  const cara = makeCandidate({ firstName: 'Cara', phone: '+14155552671' });
  const lookup = memoryLookup([ana, ben, cara]);

  it('finds nobody for new contact details, or none at all', async () => {
    expect(await findDuplicates({ email: 'new@example.com', phone: '+639189999999' }, lookup)).toEqual([]);
    expect(await findDuplicates({}, lookup)).toEqual([]);
  });

  it('matches an email whatever its case', async () => {
    const matches = await findDuplicates({ email: 'ANA.REYES@EXAMPLE.COM' }, lookup);
    expect(matches).toEqual([{ candidate: ana, fields: ['email'] }]);
  });

  it('matches a phone typed in another format once normalised', async () => {
    for (const typed of ['0917 123 4567', '+63-917-123-4567', '9171234567']) {
      const phone = normalizePhone(typed, 'PH')!;
      expect((await findDuplicates({ phone }, lookup)).map((m) => m.candidate.id), typed).toEqual([ana.id]);
    }
  });

  it('matches profile URLs by their canonical form, stored or typed', async () => {
    const linkedinUrl = canonicalLinkedInUrl('ph.linkedin.com/in/Ana-Reyes/?trk=x')!;
    expect(await findDuplicates({ linkedinUrl }, lookup)).toEqual([{ candidate: ana, fields: ['linkedinUrl'] }]);
    // An older row stored with a trailing slash and upper case still matches.
    const old = makeCandidate({ facebookUrl: 'http://www.facebook.com/Dana.Lim/' });
    const facebookUrl = canonicalFacebookUrl('https://facebook.com/dana.lim')!;
    expect(await findDuplicates({ facebookUrl }, memoryLookup([old]))).toEqual([{ candidate: old, fields: ['facebookUrl'] }]);
  });

  it('lists each person once with every field that matched, most fields first', async () => {
    const matches = await findDuplicates(
      { email: 'ben@example.com', phone: '+639171234567', linkedinUrl: 'https://www.linkedin.com/in/ana-reyes' },
      lookup,
    );
    expect(matches.map((m) => [m.candidate.firstName, m.fields])).toEqual([
      ['Ana', ['phone', 'linkedinUrl']],
      ['Ben', ['email']],
    ]);
  });

  it('re-checks what a loose lookup returns: a prefix match is no match', async () => {
    const anaBeth = makeCandidate({ linkedinUrl: 'https://www.linkedin.com/in/ana-reyes-2' });
    const loose: CandidateLookup<Candidate> = {
      byEmail: () => [],
      byPhone: () => [],
      byLinkedinUrl: () => Promise.resolve([anaBeth, ana]),
      byFacebookUrl: () => [],
    };
    const matches = await findDuplicates({ linkedinUrl: 'https://www.linkedin.com/in/ana-reyes' }, loose);
    expect(matches.map((m) => m.candidate.id)).toEqual([ana.id]);
  });
});

describe('describeFields', () => {
  it('reads as a phrase', () => {
    expect(describeFields(['email'])).toBe('email');
    expect(describeFields(['email', 'phone'])).toBe('email and phone');
    expect(describeFields(['email', 'phone', 'linkedinUrl'])).toBe('email, phone and LinkedIn profile');
  });
});
