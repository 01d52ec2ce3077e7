import { describe, expect, it } from 'vitest';
import { isLinkedInProfile, linkedInProfileUrl } from './detect';

const PROFILES = [
  'https://www.linkedin.com/in/ana-reyes-12ab/',
  'https://www.linkedin.com/in/ana-reyes-12ab',
  'https://www.linkedin.com/in/Ana-Reyes-12ab/?originalSubdomain=ph',
  'https://www.linkedin.com/in/ana-reyes-12ab/de',
  'https://www.linkedin.com/in/ana-reyes-12ab/?locale=fr_FR',
  'https://www.linkedin.com/in/ana-reyes-12ab/details/experience/',
  'https://www.linkedin.com/in/ana-reyes-12ab/overlay/contact-info/',
  'https://ph.linkedin.com/in/ana-reyes-12ab',
  'https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E/',
  'https://www.linkedin.com/in/ana-reyes-12ab/#experience',
];

const NOT_PROFILES = [
  'https://www.linkedin.com/',
  'https://www.linkedin.com/feed/',
  'https://www.linkedin.com/in/',
  'https://www.linkedin.com/in',
  'https://www.linkedin.com/company/northwind/',
  'https://www.linkedin.com/school/ust/',
  'https://www.linkedin.com/search/results/people/?keywords=ana',
  'https://www.linkedin.com/mynetwork/',
  'https://www.linkedin.com/messaging/thread/123/',
  'https://www.linkedin.com/pub/ana-reyes/1/2/3',
  'https://www.linkedin.com/jobs/view/123/',
  'https://www.linkedin.com.evil.example/in/ana-reyes-12ab/',
  'https://evil.example/www.linkedin.com/in/ana-reyes-12ab/',
  'http://www.linkedin.com/in/ana-reyes-12ab/',
  'https://www.linkedin.com/in/<script>/',
  'https://www.linkedin.com/in/%E0%A4%A/',
  'not a url',
];

describe('isLinkedInProfile', () => {
  it.each(PROFILES)('matches %s', (url) => {
    expect(isLinkedInProfile(url)).toBe(true);
  });
  it.each(NOT_PROFILES)('does not match %s', (url) => {
    expect(isLinkedInProfile(url)).toBe(false);
  });
  it('gives the canonical URL: www, no query, locale or sub-path, vanity lower-cased', () => {
    expect(linkedInProfileUrl('https://ph.linkedin.com/in/Ana-Reyes-12ab/details/experience/?x=1')).toBe(
      'https://www.linkedin.com/in/ana-reyes-12ab',
    );
    expect(linkedInProfileUrl('https://www.linkedin.com/feed/')).toBeNull();
  });
});
