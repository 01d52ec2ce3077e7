import { describe, expect, it } from 'vitest';
import { facebookProfileUrl, isFacebookProfile } from './detect';

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
});
