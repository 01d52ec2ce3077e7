// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAnchor, parse } from './parse';
import { LINKEDIN, LINKEDIN_BUTTON_ANCHOR } from './selectors';

const DIR = path.resolve(__dirname, '../../../tests/fixtures/linkedin');

function load(file: string, replace: Record<string, string> = {}): Document {
  let html = readFileSync(path.join(DIR, file), 'utf8');
  for (const [from, to] of Object.entries(replace)) html = html.split(from).join(to);
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('LinkedIn parse', () => {
  it('classic top card: cleans pronouns, credentials, emoji and screen-reader duplicates; ignores the viewer and side rail; the current position from the Experience card', () => {
    const draft = parse(load('profile-classic-topcard-2026-11-20.html'), 'https://www.linkedin.com/in/ana-reyes-12ab/?originalSubdomain=ph');
    expect(draft).toEqual({
      site: 'linkedin',
      firstName: 'Ana',
      lastName: 'Reyes',
      headline: 'Senior Talent Acquisition Partner at Northwind Traders | Hiring engineers',
      // The current position's lines: "Senior Talent Acquisition Partner", "Northwind Traders · Full-time".
      title: 'Senior Talent Acquisition Partner',
      company: 'Northwind Traders',
      location: 'Makati, National Capital Region, Philippines',
      photo: 'https://media.licdn.com/dms/image/ana-reyes-400.jpg',
      about: 'I help product teams hire thoughtfully across Southeast Asia.',
      profileUrl: 'https://www.linkedin.com/in/ana-reyes-12ab',
      websites: [],
    });
  });

  it('newer layout with no markers: headline as the first text after the name, location before the contact link, og:image photo; no current position, so the first', () => {
    const draft = parse(load('profile-newer-layout-plain-headline-2026-11-20.html'), 'https://www.linkedin.com/in/lia-navarro/');
    expect(draft).toEqual({
      site: 'linkedin',
      firstName: 'Lia',
      lastName: 'Navarro',
      headline: 'Payroll Specialist | Excel & SAP',
      // Every position has ended ("Mar 2016 - Oct 2026"): the first one listed.
      title: 'Payroll Specialist',
      company: 'Visayas Shared Services',
      location: 'Iloilo City, Western Visayas, Philippines',
      // The top card's img is a placeholder on static.licdn.com: not a photo, so og:image wins.
      photo: 'https://media.licdn.com/dms/image/lia-og.jpg',
      about: 'Ten years of payroll for teams of 5 to 5,000.',
      profileUrl: 'https://www.linkedin.com/in/lia-navarro',
      websites: [],
    });
  });

  it('newer layout without the old classes, contact-info dialog (every DOM fallback); grouped positions', () => {
    const draft = parse(load('profile-newer-layout-contact-dialog-2026-11-20.html'), 'https://www.linkedin.com/in/Ben-Santos-99/overlay/contact-info/');
    expect(draft).toMatchObject({
      firstName: 'Ben',
      lastName: 'Santos',
      headline: 'Backend Engineer · Go, PostgreSQL · building payments at Contoso Pay',
      // Contoso Pay's li names the company; its nested roles' first is current.
      title: 'Backend Engineer',
      company: 'Contoso Pay',
      location: 'Cebu City, Central Visayas, Philippines',
      photo: 'https://media.licdn.com/dms/image/ben-santos.jpg',
      profileUrl: 'https://www.linkedin.com/in/ben-santos-99',
      email: 'ben.santos@example.com',
      phone: '0917 123 4567',
      websites: ['https://ben.example.dev/'],
    });
  });

  it('classic grouped positions: the current role at the company the top card names; else the first current; "Present" in other languages', () => {
    const file = 'profile-classic-grouped-positions-2026-12-06.html';
    const url = 'https://www.linkedin.com/in/marisol-tan/';
    expect(parse(load(file), url)).toEqual({
      site: 'linkedin',
      firstName: 'Marisol',
      lastName: 'Tan',
      headline: 'Talent Acquisition · Healthcare hiring',
      // "Current company: Fabrikam Health": that company's current role, not the part-time one listed first.
      title: 'Talent Acquisition Lead',
      company: 'Fabrikam Health',
      location: 'Manila, National Capital Region, Philippines',
      photo: 'https://media.licdn.com/dms/image/marisol-tan-400.jpg',
      profileUrl: 'https://www.linkedin.com/in/marisol-tan',
      websites: [],
    });
    // No "Current company:" button: the first current position.
    const noButton = { 'Current company: Fabrikam Health. Click to skip to experience card': '' };
    expect(parse(load(file, noButton), url)).toMatchObject({ title: 'Hiring Advisor', company: 'Wingtip Ventures' });
    // That one ended too: the grouped company's current role, whichever word the page uses for "Present".
    for (const present of ['Present', 'present', 'actualidad', 'o momento', 'aujourd’hui', 'Heute', 'presente', 'heden', '現在', '至今', '현재', 'Kasalukuyan']) {
      const doc = load(file, { ...noButton, 'Aug 2024 - Present': 'Aug 2024 - Nov 2024', Present: present });
      expect(parse(doc, url), present).toMatchObject({ title: 'Talent Acquisition Lead', company: 'Fabrikam Health' });
    }
    // German pages write the range without spaces ("Jan. 2022–Heute"); ended ranges are not current.
    const german = load(file, { ...noButton, 'Aug 2024 - Present': 'Aug. 2024–Nov. 2024', 'Mar 2023 - Present': 'März 2023–Heute' });
    expect(parse(german, url)).toMatchObject({ title: 'Talent Acquisition Lead', company: 'Fabrikam Health' });
  });

  it('the classic contact-info overlay', () => {
    const draft = parse(load('profile-contact-overlay-classic-2026-11-20.html'), 'https://www.linkedin.com/in/joy-dela-cruz/overlay/contact-info/');
    expect(draft).toMatchObject({
      firstName: 'Joy Dela',
      lastName: 'Cruz',
      headline: 'HR Generalist',
      location: 'Pasig, Philippines',
      email: 'joy.delacruz@example.com',
      phone: '+63 917 555 0101',
      websites: ['https://joy.example.org/'],
    });
  });

  it('logged-out public page: the JSON-LD Person whose url is this profile, not the others', () => {
    const draft = parse(load('profile-public-jsonld-2026-11-20.html'), 'https://ph.linkedin.com/in/carla-mendoza?trk=public_profile_browsemap');
    expect(draft).toMatchObject({
      firstName: 'Carla',
      lastName: 'Mendoza',
      title: 'Operations Lead',
      company: 'Fabrikam',
      location: 'Quezon City, PH',
      photo: 'https://media.licdn.com/dms/image/carla-ld.jpg',
      about: 'Ops lead who likes clean spreadsheets.',
      headline: 'Operations Lead',
    });
  });

  it('embedded JSON (fallback <code> block): the member, not the viewer or side-rail people; current position', () => {
    const draft = parse(load('profile-embedded-json-side-rails-2026-11-20.html'), 'https://www.linkedin.com/in/dino-garcia/details/experience/?locale=en_US');
    expect(draft).toMatchObject({
      firstName: 'Dino',
      lastName: 'Garcia Jr.',
      headline: 'Data Analyst at Tailspin Toys',
      title: 'Data Analyst',
      company: 'Tailspin Toys',
      location: 'Davao City, Philippines',
      about: 'Numbers person.',
      photo: 'https://media.licdn.com/dms/image/dino/400.jpg',
      profileUrl: 'https://www.linkedin.com/in/dino-garcia',
    });
  });

  it('non-Latin name: family and given name from the embedded JSON', () => {
    const draft = parse(load('profile-non-latin-2026-11-20.html'), 'https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E/');
    expect(draft).toMatchObject({ firstName: '小明', lastName: '王', headline: 'ソフトウェアエンジニア', location: '台北市' });
  });

  it('og: tags when they name this profile; the title when og: is stale', () => {
    expect(parse(load('profile-og-only-2026-11-20.html'), 'https://www.linkedin.com/in/fe-villanueva/')).toMatchObject({
      firstName: 'Fe',
      lastName: 'Villanueva',
      headline: 'Nurse Educator',
      photo: 'https://media.licdn.com/dms/image/fe.jpg',
    });
    const draft = parse(load('profile-title-only-2026-11-20.html'), 'https://www.linkedin.com/in/gio-ramos/');
    expect(draft).toMatchObject({ firstName: 'Gio', lastName: 'Ramos' });
    expect(draft?.headline).toBeUndefined();
  });

  it('returns null for a page it cannot read, and for URLs that are not profiles', () => {
    expect(parse(load('profile-unrecognised-2026-11-20.html'), 'https://www.linkedin.com/in/hidden-member/')).toBeNull();
    expect(parse(load('profile-classic-topcard-2026-11-20.html'), 'https://www.linkedin.com/feed/')).toBeNull();
  });

  it('hostile text stays plain text, capped; __proto__ keys do not pollute', () => {
    const huge = `&lt;img src=x onerror=alert(9)&gt;${'A'.repeat(1024 * 1024)}`;
    const started = performance.now();
    const draft = parse(load('profile-hostile-2026-11-20.html', { HEADLINE_PLACEHOLDER: huge }), 'https://www.linkedin.com/in/eve-hostile/');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(draft).not.toBeNull();
    expect(draft!.firstName).toBe('Eve<img src=x onerror=alert(1)>');
    expect(draft!.lastName).toBe('<script>alert(2)</script>Hacker');
    expect(draft!.headline!.length).toBeLessThanOrEqual(200);
    expect(draft!.headline!.startsWith('<img src=x onerror=alert(9)>AAA')).toBe(true);
    // The same text as the current position's title; markup and marks in its company line.
    expect(draft!.title!.length).toBeLessThanOrEqual(200);
    expect(draft!.title!.startsWith('<img src=x onerror=alert(9)>AAA')).toBe(true);
    expect(draft!.company).toBe('<img src=x onerror=alert(3)>Evil Corp');
    // An og:image pixel elsewhere and an http photo are not photos; javascript:/data: are not websites.
    expect(draft!.photo).toBeUndefined();
    expect(draft!.websites).toEqual([]);
    expect(draft!.email).toBe('eve@example.com');
    expect(JSON.stringify(draft)).not.toMatch(/[\u200B\u202E]/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(Object.getPrototypeOf(draft)).toBe(Object.prototype);
  });
});

describe('LinkedIn findAnchor (where the button goes)', () => {
  it('the member’s name, never the viewer’s h1 in the nav or a side rail’s', () => {
    expect(findAnchor(load('profile-classic-topcard-2026-11-20.html'))?.textContent).toContain('Ana Reyes');
    expect(findAnchor(load('profile-newer-layout-contact-dialog-2026-11-20.html'))?.textContent).toBe('Ben\u00a0Santos');
    expect(findAnchor(load('profile-newer-layout-plain-headline-2026-11-20.html'))?.textContent).toBe('Lia Navarro');
    // Still loading (a skeleton top card): no anchor, the button goes to a corner.
    expect(findAnchor(load('profile-embedded-json-side-rails-2026-11-20.html'))).toBeNull();
  });
});

/**
 * DESIGN §4: every fallback in selectors.ts is exercised by a fixture. Each row names a fixture
 * where the primary selector finds nothing of this member's (outside the nav and side rails) and
 * the fallback does; the parse tests above check what the fallback then reads.
 */
describe('LinkedIn selectors: every fallback has a fixture', () => {
  const ownMatch = (doc: Document, selector: string) =>
    Array.from(doc.querySelectorAll(selector)).some((el) => el.closest(LINKEDIN.otherPeople) === null);
  const cases: { name: string; primary: string; fallback: string; fixtures: string[] }[] = [
    { name: 'embeddedJson', ...LINKEDIN.embeddedJson, fixtures: ['profile-embedded-json-side-rails-2026-11-20.html'] },
    { name: 'topCard', ...LINKEDIN.topCard, fixtures: ['profile-newer-layout-contact-dialog-2026-11-20.html', 'profile-newer-layout-plain-headline-2026-11-20.html'] },
    { name: 'name', ...LINKEDIN.name, fixtures: ['profile-newer-layout-contact-dialog-2026-11-20.html', 'profile-public-jsonld-2026-11-20.html'] },
    { name: 'headline', ...LINKEDIN.headline, fixtures: ['profile-newer-layout-contact-dialog-2026-11-20.html'] },
    { name: 'location', ...LINKEDIN.location, fixtures: ['profile-newer-layout-contact-dialog-2026-11-20.html', 'profile-newer-layout-plain-headline-2026-11-20.html'] },
    { name: 'photo', ...LINKEDIN.photo, fixtures: ['profile-newer-layout-contact-dialog-2026-11-20.html'] },
    { name: 'experience', ...LINKEDIN.experience, fixtures: ['profile-newer-layout-contact-dialog-2026-11-20.html'] },
    { name: 'position', ...LINKEDIN.position, fixtures: ['profile-newer-layout-plain-headline-2026-11-20.html', 'profile-newer-layout-contact-dialog-2026-11-20.html'] },
    { name: 'contactInfo', ...LINKEDIN.contactInfo, fixtures: ['profile-newer-layout-contact-dialog-2026-11-20.html', 'profile-hostile-2026-11-20.html'] },
    { name: 'button anchor', ...LINKEDIN_BUTTON_ANCHOR, fixtures: ['profile-newer-layout-contact-dialog-2026-11-20.html', 'profile-newer-layout-plain-headline-2026-11-20.html'] },
  ];
  for (const c of cases) {
    it(`${c.name}: primary misses, fallback “${c.fallback}” matches`, () => {
      for (const file of c.fixtures) {
        const doc = load(file);
        expect(ownMatch(doc, c.primary), `${file}: primary`).toBe(false);
        expect(ownMatch(doc, c.fallback), `${file}: fallback`).toBe(true);
      }
    });
  }

  it('the fallbacks that are not selectors: headline as the first text after the name, company from the top card’s button or the headline, about from the JSON summary, photo from og:image', () => {
    // No headline marker at all: the first text block after the name (plain-headline fixture).
    const lia = load('profile-newer-layout-plain-headline-2026-11-20.html');
    expect(ownMatch(lia, LINKEDIN.headline.primary) || ownMatch(lia, LINKEDIN.headline.fallback)).toBe(false);
    expect(parse(lia, 'https://www.linkedin.com/in/lia-navarro/')?.headline).toBe('Payroll Specialist | Excel & SAP');
    // The Experience card not rendered yet (LinkedIn fills the cards below the top card in as they
    // load): the company from the top card's "Current company:" button, and no title.
    const ana = load('profile-classic-topcard-2026-11-20.html');
    ana.getElementById('experience')!.closest('section')!.remove();
    const anaDraft = parse(ana, 'https://www.linkedin.com/in/ana-reyes-12ab/');
    expect(anaDraft?.company).toBe('Northwind Traders');
    expect(anaDraft?.title).toBeUndefined();
    // Nor a "Current company:" button: "… at Contoso Pay" in the headline.
    const ben = load('profile-newer-layout-contact-dialog-2026-11-20.html');
    ben.querySelector(LINKEDIN.experience.fallback)!.closest('section')!.remove();
    expect(ownMatch(ben, LINKEDIN.currentCompany.primary)).toBe(false);
    const benDraft = parse(ben, 'https://www.linkedin.com/in/ben-santos-99/');
    expect(benDraft?.company).toBe('Contoso Pay');
    expect(benDraft?.title).toBeUndefined();
    // No #about card: the embedded profile's summary.
    const dino = load('profile-embedded-json-side-rails-2026-11-20.html');
    expect(ownMatch(dino, LINKEDIN.about.primary)).toBe(false);
    expect(parse(dino, 'https://www.linkedin.com/in/dino-garcia/')?.about).toBe('Numbers person.');
    // No photo in the top card (class or alt): og:image, since og:url is this profile.
    expect(ownMatch(lia, LINKEDIN.photo.primary)).toBe(false);
    expect(lia.querySelector('main img')?.getAttribute('alt')).toBeNull();
    expect(parse(lia, 'https://www.linkedin.com/in/lia-navarro/')?.photo).toBe('https://media.licdn.com/dms/image/lia-og.jpg');
  });
});
