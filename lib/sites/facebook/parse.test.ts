// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from './parse';

const DIR = path.resolve(__dirname, '../../../tests/fixtures/facebook');

function load(file: string, replace: Record<string, string> = {}): Document {
  let html = readFileSync(path.join(DIR, file), 'utf8');
  for (const [from, to] of Object.entries(replace)) html = html.split(from).join(to);
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('Facebook parse', () => {
  it('username URL: the Relay user whose url is this profile, the header h1, the Intro card; not the viewer or suggestions', () => {
    expect(parse(load('profile-username-2026-11-20.html'), 'https://www.facebook.com/Jose.Rizal.Demo?ref=bookmarks')).toEqual({
      site: 'facebook',
      firstName: 'Jose',
      lastName: 'Rizal',
      title: 'Software Developer',
      company: 'Adventure Works',
      location: 'Calamba, Laguna',
      photo: 'https://scontent.xx.fbcdn.net/v/jose-large.jpg',
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
    expect(draft!.company!.length).toBeLessThanOrEqual(200);
    expect(JSON.stringify(draft)).not.toMatch(/[\u200D\u202E]/);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
