import { describe, expect, it } from 'vitest';
import { facebookProfileUrl, isFacebookAboutTab, isFacebookProfile } from './detect';

const PROFILES = [
  'https://www.facebook.com/jose.rizal.demo',
  'https://www.facebook.com/Jose.Rizal.Demo?ref=bookmarks',
  'https://www.facebook.com/jose.rizal.demo/',
  'https://www.facebook.com/jose.rizal.demo/about',
  'https://www.facebook.com/jose.rizal.demo/photos',
  'https://www.facebook.com/profile.php?id=100012345678901',
  'https://www.facebook.com/profile.php?id=100012345678901&sk=about',
  'https://www.facebook.com/people/Maria-Lopez/100098765432109/',
  'https://m.facebook.com/jose.rizal.demo',
  // The About tab's sub-tabs: where email and phone are shown.
  'https://www.facebook.com/jose.rizal.demo/about_contact_and_basic_info',
  'https://www.facebook.com/jose.rizal.demo/about_overview',
  'https://www.facebook.com/jose.rizal.demo/about_work_and_education',
  'https://www.facebook.com/jose.rizal.demo/about_places',
  'https://www.facebook.com/jose.rizal.demo/about_details',
  'https://www.facebook.com/Jose.Rizal.Demo/About_Contact_And_Basic_Info/?ref=x',
  'https://web.facebook.com/jose.rizal.demo/about_family_and_relationships',
  'https://www.facebook.com/profile.php?id=100012345678901&sk=about_contact_and_basic_info',
];

const NOT_PROFILES = [
  'https://www.facebook.com/',
  'https://www.facebook.com/?sk=h_chr',
  'https://www.facebook.com/home.php',
  'https://www.facebook.com/me',
  'https://www.facebook.com/watch/?v=1',
  'https://www.facebook.com/groups/123/',
  'https://www.facebook.com/marketplace/item/1/',
  'https://www.facebook.com/events/1/',
  'https://www.facebook.com/messages/t/1',
  'https://www.facebook.com/profile.php',
  'https://www.facebook.com/profile.php?id=abc',
  'https://www.facebook.com/people/Maria-Lopez/',
  'https://www.facebook.com/jose.rizal.demo/posts/pfbid0123',
  'https://www.facebook.com/photo/?fbid=1',
  'https://www.facebook.com/story.php?story_fbid=1',
  'https://www.facebook.com/l.php?u=https%3A%2F%2Fexample.com',
  'https://www.facebook.com/reel/123',
  'https://www.facebook.com/hashtag/hiring',
  'https://www.facebook.com/search/top?q=jose',
  'https://www.facebook.com.evil.example/jose.rizal.demo',
  'http://www.facebook.com/jose.rizal.demo',
  'https://www.facebook.com/jose<script>',
  // Not About sub-tabs: deeper paths, a bare or malformed suffix, another site section's about.
  'https://www.facebook.com/jose.rizal.demo/about_contact_and_basic_info/extra',
  'https://www.facebook.com/jose.rizal.demo/about_',
  'https://www.facebook.com/jose.rizal.demo/about__overview',
  'https://www.facebook.com/jose.rizal.demo/about_overview2',
  'https://www.facebook.com/jose.rizal.demo/aboutx',
  'https://www.facebook.com/jose.rizal.demo/posts_about_overview',
  'https://www.facebook.com/groups/123/about_overview',
  'https://www.facebook.com/pages/about_overview',
  'https://www.facebook.com/profile.php/about_contact_and_basic_info?id=100012345678901',
];

describe('isFacebookProfile', () => {
  it.each(PROFILES)('matches %s', (url) => {
    expect(isFacebookProfile(url)).toBe(true);
  });
  it.each(NOT_PROFILES)('does not match %s', (url) => {
    expect(isFacebookProfile(url)).toBe(false);
  });
  it('gives the canonical URL', () => {
    expect(facebookProfileUrl('https://www.facebook.com/Jose.Rizal.Demo/about?ref=x')).toBe('https://www.facebook.com/jose.rizal.demo');
    expect(facebookProfileUrl('https://www.facebook.com/people/Maria-Lopez/100098765432109/')).toBe(
      'https://www.facebook.com/profile.php?id=100098765432109',
    );
  });
  it('gives the profile’s canonical URL for an About sub-tab, without the sub-path or sk', () => {
    expect(facebookProfileUrl('https://www.facebook.com/Jose.Rizal.Demo/about_contact_and_basic_info?ref=x')).toBe('https://www.facebook.com/jose.rizal.demo');
    expect(facebookProfileUrl('https://www.facebook.com/jose.rizal.demo/about_overview/')).toBe('https://www.facebook.com/jose.rizal.demo');
    expect(facebookProfileUrl('https://www.facebook.com/profile.php?id=100012345678901&sk=about_contact_and_basic_info')).toBe(
      'https://www.facebook.com/profile.php?id=100012345678901',
    );
  });
});

describe('isFacebookAboutTab', () => {
  it.each([
    'https://www.facebook.com/jose.rizal.demo/about',
    'https://www.facebook.com/jose.rizal.demo/about_contact_and_basic_info',
    'https://www.facebook.com/jose.rizal.demo/About_Overview/',
    'https://www.facebook.com/profile.php?id=100012345678901&sk=about',
    'https://www.facebook.com/profile.php?id=100012345678901&sk=about_contact_and_basic_info',
  ])('is an About tab: %s', (url) => {
    expect(isFacebookAboutTab(url)).toBe(true);
  });
  it.each([
    'https://www.facebook.com/jose.rizal.demo',
    'https://www.facebook.com/jose.rizal.demo/photos',
    'https://www.facebook.com/profile.php?id=100012345678901',
    'https://www.facebook.com/profile.php?id=100012345678901&sk=photos',
    'https://www.facebook.com/profile.php?id=100012345678901&sk=aboutx',
    // A /people/ name that reads "About" is a name, not a tab.
    'https://www.facebook.com/people/About/100098765432109/',
    'https://www.facebook.com/groups/123/about',
    'https://www.facebook.com/jose.rizal.demo/about_contact_and_basic_info/extra',
  ])('is not an About tab: %s', (url) => {
    expect(isFacebookAboutTab(url)).toBe(false);
  });
});
