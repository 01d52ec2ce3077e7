// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAnchor, parse } from './parse';
import { FACEBOOK, FACEBOOK_BUTTON_ANCHOR } from './selectors';

const DIR = path.resolve(__dirname, '../../../tests/fixtures/facebook');

function load(file: string, replace: Record<string, string> = {}): Document {
  let html = readFileSync(path.join(DIR, file), 'utf8');
  for (const [from, to] of Object.entries(replace)) html = html.split(from).join(to);
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('Facebook parse', () => {
  it('username URL: the Relay user whose url is this profile, the header h1, the Intro card and its bio; not the viewer or suggestions', () => {
    expect(parse(load('profile-username-2026-11-20.html'), 'https://www.facebook.com/Jose.Rizal.Demo?ref=bookmarks')).toEqual({
      site: 'facebook',
      firstName: 'Jose',
      lastName: 'Rizal',
      title: 'Software Developer',
      company: 'Adventure Works',
      location: 'Calamba, Laguna',
      photo: 'https://scontent.xx.fbcdn.net/v/jose-large.jpg',
      // The bio line above the Intro list, emoji removed; not the card's "Intro" heading nor its items.
      about: 'Building scheduling tools for clinics Open to remote roles.',
      profileUrl: 'https://www.facebook.com/jose.rizal.demo',
      websites: [],
    });
  });

  it('profile.php?id=: the user by numeric id (fallback JSON script), heading fallback, Intro fallback, emoji removed', () => {
    expect(parse(load('profile-php-id-2026-11-20.html'), 'https://www.facebook.com/profile.php?id=100012345678901&sk=about')).toMatchObject({
      firstName: 'Lorna',
      lastName: 'Bautista',
      title: 'Head Nurse',
      company: "St. Luke's Medical Center",
      location: 'Iloilo City',
      profileUrl: 'https://www.facebook.com/profile.php?id=100012345678901',
    });
  });

  it('/people/<name>/<id>: og: tags, og:image as the photo fallback', () => {
    expect(parse(load('profile-people-path-2026-11-20.html'), 'https://www.facebook.com/people/Maria-Lopez/100098765432109/')).toEqual({
      site: 'facebook',
      firstName: 'Maria',
      lastName: 'Lopez',
      photo: 'https://scontent.xx.fbcdn.net/v/maria-og.jpg',
      profileUrl: 'https://www.facebook.com/profile.php?id=100098765432109',
      websites: [],
    });
  });

  it('missing fields: the title only, never the viewer in the banner', () => {
    expect(parse(load('profile-missing-fields-2026-11-20.html'), 'https://www.facebook.com/kim.tan.77/')).toEqual({
      site: 'facebook',
      firstName: 'Kim',
      lastName: 'Tan',
      profileUrl: 'https://www.facebook.com/kim.tan.77',
      websites: [],
    });
  });

  it('returns null when nothing names the person, or the URL is not a profile', () => {
    const empty = new DOMParser().parseFromString('<title>Facebook</title><div role="main"></div>', 'text/html');
    expect(parse(empty, 'https://www.facebook.com/kim.tan.77')).toBeNull();
    expect(parse(load('profile-username-2026-11-20.html'), 'https://www.facebook.com/groups/1')).toBeNull();
  });

  it('hostile text stays plain text, capped; __proto__ keys do not pollute', () => {
    const draft = parse(
      load('profile-hostile-2026-11-20.html', { HEADLINE_PLACEHOLDER: 'B'.repeat(1024 * 1024) }),
      'https://www.facebook.com/mallory.hostile',
    );
    expect(draft).not.toBeNull();
    expect(`${draft!.firstName} ${draft!.lastName}`).toBe('Mallory <img src=x onerror=alert(3)> Evil<script>alert(4)</script>');
    expect(draft!.about).toBe('<img src=x onerror=alert(6)> Bio');
    expect(draft!.company!.length).toBeLessThanOrEqual(200);
    expect(JSON.stringify(draft)).not.toMatch(/[\u200D\u202E]/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('Facebook findAnchor (where the button goes)', () => {
  it('the profile’s name, never the viewer’s h1 in the banner', () => {
    expect(findAnchor(load('profile-username-2026-11-20.html'))?.textContent).toBe('Jose Rizal');
    expect(findAnchor(load('profile-php-id-2026-11-20.html'))?.getAttribute('aria-level')).toBe('1');
    expect(findAnchor(load('profile-missing-fields-2026-11-20.html'))).toBeNull();
  });
});

/** DESIGN §4: every fallback in selectors.ts is exercised by a fixture (see the LinkedIn twin). */
describe('Facebook selectors: every fallback has a fixture', () => {
  const ownMatch = (doc: Document, selector: string) =>
    Array.from(doc.querySelectorAll(selector)).some((el) => el.closest(FACEBOOK.otherPeople) === null);
  const cases: { name: string; primary: string; fallback: string; fixture: string }[] = [
    { name: 'embeddedJson', ...FACEBOOK.embeddedJson, fixture: 'profile-php-id-2026-11-20.html' },
    { name: 'name', ...FACEBOOK.name, fixture: 'profile-php-id-2026-11-20.html' },
    { name: 'intro', ...FACEBOOK.intro, fixture: 'profile-php-id-2026-11-20.html' },
    { name: 'photo', ...FACEBOOK.photo, fixture: 'profile-people-path-2026-11-20.html' },
    { name: 'button anchor', ...FACEBOOK_BUTTON_ANCHOR, fixture: 'profile-php-id-2026-11-20.html' },
  ];
  for (const c of cases) {
    it(`${c.name}: primary misses, fallback “${c.fallback}” matches in ${c.fixture}`, () => {
      const doc = load(c.fixture);
      expect(ownMatch(doc, c.primary)).toBe(false);
      expect(ownMatch(doc, c.fallback)).toBe(true);
    });
  }

  it('the fallback that is not a selector: the bio from the Relay data', () => {
    // No Intro card on the About tab: the bio comes from profile_intro_card in the Relay data.
    const jose = load('profile-about-contact-2026-11-20.html');
    expect(ownMatch(jose, FACEBOOK.bio.primary)).toBe(false);
    expect(parse(jose, 'https://www.facebook.com/jose.rizal.demo/about_contact_and_basic_info')?.about).toBe('Full-stack developer in Laguna. Open to remote roles.');
  });
});
