// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAnchor, parse } from './parse';
import { CONTACT_LABELS, FACEBOOK, FACEBOOK_BUTTON_ANCHOR } from './selectors';

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

  it('About › Contact and basic info: the Mobile, Email, Website and Instagram rows by their labels, redirects unwrapped; the Relay bio; never the viewer, the rail or the Friends tile', () => {
    expect(parse(load('profile-about-contact-2026-11-20.html'), 'https://www.facebook.com/jose.rizal.demo/about_contact_and_basic_info')).toEqual({
      site: 'facebook',
      firstName: 'Jose',
      lastName: 'Rizal',
      photo: 'https://scontent.xx.fbcdn.net/v/jose-large.jpg',
      // No Intro card on this tab: the bio of the Relay object with this profile's id, not the viewer's.
      about: 'Full-stack developer in Laguna. Open to remote roles.',
      profileUrl: 'https://www.facebook.com/jose.rizal.demo',
      email: 'jose.rizal@example.com',
      phone: '+63 917 555 0199',
      // l.facebook.com/l.php?u=… unwrapped, fbclid dropped.
      websites: ['https://jose.example.dev/', 'https://www.instagram.com/jose.rizal.demo'],
    });
  });

  it('contact rows are read on About URLs only: the same pagelet on /friends lists other people', () => {
    const draft = parse(load('profile-about-contact-2026-11-20.html'), 'https://www.facebook.com/jose.rizal.demo/friends');
    expect(draft).toMatchObject({ firstName: 'Jose', websites: [] });
    expect(draft?.email).toBeUndefined();
    expect(draft?.phone).toBeUndefined();
  });

  it('profile.php?id=…&sk=about_contact_and_basic_info in Spanish: "Celular", "Correo electrónico", "Sitio web" and LinkedIn rows', () => {
    expect(
      parse(load('profile-about-contact-es-2026-11-20.html'), 'https://www.facebook.com/profile.php?id=100077777777777&sk=about_contact_and_basic_info'),
    ).toEqual({
      site: 'facebook',
      firstName: 'Carmen',
      lastName: 'Díaz',
      profileUrl: 'https://www.facebook.com/profile.php?id=100077777777777',
      email: 'carmen.diaz@example.mx',
      phone: '55 1234 5678',
      websites: ['https://carmen.example.mx/portafolio', 'https://www.linkedin.com/in/carmen-diaz-demo'],
    });
  });

  it('labels in a language the list lacks (Finnish), no pagelet: tel:, mailto: and l.php links in the main region; not the rail’s; nothing at the timeline URL', () => {
    expect(parse(load('profile-about-links-only-2026-11-20.html'), 'https://www.facebook.com/mikko.virtanen.demo/about_contact_and_basic_info')).toEqual({
      site: 'facebook',
      firstName: 'Mikko',
      lastName: 'Virtanen',
      profileUrl: 'https://www.facebook.com/mikko.virtanen.demo',
      email: 'mikko.virtanen@example.fi',
      phone: '+358401234567',
      websites: ['https://mikko.example.fi/'],
    });
    // The timeline's main region holds other people's posts: no contact details are read there.
    expect(parse(load('profile-about-links-only-2026-11-20.html'), 'https://www.facebook.com/mikko.virtanen.demo')).toEqual({
      site: 'facebook',
      firstName: 'Mikko',
      lastName: 'Virtanen',
      profileUrl: 'https://www.facebook.com/mikko.virtanen.demo',
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

  it('hostile About rows: script, data: and Facebook links are no websites, markup is no email, the bio stays plain text, capped', () => {
    const started = performance.now();
    const draft = parse(
      load('profile-about-hostile-2026-11-20.html', { BIO_PLACEHOLDER: 'B'.repeat(1024 * 1024) }),
      'https://www.facebook.com/mallory.hostile/about_contact_and_basic_info',
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(draft).not.toBeNull();
    // javascript:, data:, l.php?u=javascript:… and l.php?u= back to facebook.com; texts that are no
    // web address or carry a user name; and, Website rows being there, not the quote's redirect link.
    expect(draft!.websites).toEqual([]);
    // The markup "address" is refused; the next Email row counts, its zero-width space gone.
    expect(draft!.email).toBe('mallory@example.com');
    // The value-less "Phone" label reads nothing; the Mobile row's number counts, its RTL override gone.
    expect(draft!.phone).toBe('+1 555 0100 999');
    expect(draft!.about!.startsWith('<img src=x onerror=alert(5)> Hi there BBB')).toBe(true);
    expect(draft!.about!.length).toBeLessThanOrEqual(2000);
    expect(JSON.stringify(draft)).not.toMatch(/[\u200B\u202E]/);
    expect(JSON.stringify(draft)).not.toContain('evil.example');
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
    { name: 'aboutSection', ...FACEBOOK.aboutSection, fixture: 'profile-about-links-only-2026-11-20.html' },
    { name: 'button anchor', ...FACEBOOK_BUTTON_ANCHOR, fixture: 'profile-php-id-2026-11-20.html' },
  ];
  for (const c of cases) {
    it(`${c.name}: primary misses, fallback “${c.fallback}” matches in ${c.fixture}`, () => {
      const doc = load(c.fixture);
      expect(ownMatch(doc, c.primary)).toBe(false);
      expect(ownMatch(doc, c.fallback)).toBe(true);
    });
  }

  /** A row label as CONTACT_LABELS spells it ("E-mail" → "email"), or null when the list lacks it. */
  const knownLabel = (text: string | null) => {
    const key = (text ?? '').trim().normalize('NFC').toLowerCase().replace(/[\s.-]/g, '');
    return Object.values(CONTACT_LABELS).some((words) => (words as readonly string[]).includes(key));
  };

  it('the fallbacks that are not selectors: the bio from the Relay data; email, phone and websites from links when no label is known', () => {
    // No Intro card on the About tab: the bio comes from profile_intro_card in the Relay data.
    const jose = load('profile-about-contact-2026-11-20.html');
    expect(ownMatch(jose, FACEBOOK.bio.primary)).toBe(false);
    expect(parse(jose, 'https://www.facebook.com/jose.rizal.demo/about_contact_and_basic_info')?.about).toBe('Full-stack developer in Laguna. Open to remote roles.');
    // Finnish labels: none is known, so the mailto:, tel: and redirect links say what the rows are.
    const mikko = load('profile-about-links-only-2026-11-20.html');
    const texts = Array.from(mikko.querySelectorAll(`[role="main"] ${FACEBOOK.rowText}`)).map((el) => el.textContent);
    expect(texts).toContain('Sähköposti');
    expect(texts.some(knownLabel)).toBe(false);
    expect(ownMatch(mikko, FACEBOOK.email.fallback)).toBe(true);
    expect(ownMatch(mikko, FACEBOOK.phone.fallback)).toBe(true);
    expect(ownMatch(mikko, FACEBOOK.website.fallback)).toBe(true);
    expect(parse(mikko, 'https://www.facebook.com/mikko.virtanen.demo/about_overview')).toMatchObject({
      email: 'mikko.virtanen@example.fi',
      phone: '+358401234567',
      websites: ['https://mikko.example.fi/'],
    });
    // Where the labels are known (the English and Spanish fixtures), they are the primary.
    expect(['Mobile', 'Email', 'Website', 'Instagram', 'Celular', 'Correo electrónico', 'Sitio web', 'LinkedIn', 'E-Mail'].every(knownLabel)).toBe(true);
  });
});
