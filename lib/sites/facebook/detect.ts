/**
 * Which Facebook URLs are a person's profile (DESIGN §4): `/<username>` (and its about, friends,
 * photos, videos tabs, and the About tab's sub-tabs such as `/about_contact_and_basic_info`),
 * `/profile.php?id=<digits>` (any `sk=` tab), `/people/<name>/<id>`. Pure URL checks: the content
 * script runs on the whole origin and stays dormant until this says yes.
 */
import { canonicalFacebookUrl } from '../../domain/duplicates';

/** Site sections that look like usernames but are not people (first path segment). */
const NOT_PEOPLE = new Set([
  'me', 'home', 'feed', 'bookmarks', 'saved', 'memories', 'onthisday', 'ads', 'business', 'privacy',
  'policies', 'legal', 'terms', 'careers', 'dialog', 'plugins', 'tr', 'checkpoint', 'recover', 'reg',
  'ajax', 'api', 'developers', 'lite', 'mobile', 'messenger', 'live', 'latest', 'offers', 'jobs',
  'games', 'weather', 'fundraisers', 'find-friends', 'places', 'pg', 'media', 'notes', 'apps',
  'help', 'groups', 'pages', 'events', 'watch', 'marketplace', 'gaming', 'search', 'hashtag',
  'reel', 'reels', 'stories', 'photo', 'photos', 'video', 'videos', 'friends', 'messages',
  'notifications', 'settings', 'login', 'logout', 'signup', 'share', 'sharer', 'permalink', 'posts',
  'story', 'composer', 'profile', 'l', 'people', 'pymk', 'adsmanager', 'commerce', 'community',
]);

/** Profile tabs that still show the person's header. */
const PROFILE_TABS = new Set(['about', 'friends', 'photos', 'videos', 'reels', 'followers', 'following', 'photos_by']);

/**
 * The About tab's sub-tabs (`about_overview`, `about_work_and_education`, `about_places`,
 * `about_contact_and_basic_info`, `about_details`, …): the person's header above, and the only
 * place Facebook shows email and phone. A pattern, not a list, since Facebook adds sub-tabs.
 */
const ABOUT_SUB_TAB = /^about_[a-z]+(?:_[a-z]+)*$/;

function isProfileTab(segment: string): boolean {
  const tab = segment.toLowerCase();
  return PROFILE_TABS.has(tab) || ABOUT_SUB_TAB.test(tab);
}

export function isFacebookProfile(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  if (host !== 'facebook.com' && host !== 'www.facebook.com' && host !== 'web.facebook.com' && host !== 'm.facebook.com') return false;
  const parts = url.pathname.split('/').filter(Boolean);
  const head = parts[0]?.toLowerCase();
  if (!head) return false;
  if (head === 'profile.php') return parts.length === 1 && /^\d{1,20}$/.test(url.searchParams.get('id') ?? '');
  if (head === 'people') return parts.length >= 3 && /^\d{1,20}$/.test(parts[2]!);
  if (head.endsWith('.php') || NOT_PEOPLE.has(head)) return false;
  if (parts.length > 2 || (parts.length === 2 && !isProfileTab(parts[1]!))) return false;
  return canonicalFacebookUrl(href) !== null;
}

/**
 * Whether a profile URL is its About tab or one of the About sub-tabs (`/<username>/about…`,
 * `profile.php?id=…&sk=about…`): where the main region shows the About section and no posts.
 */
export function isFacebookAboutTab(href: string): boolean {
  if (!isFacebookProfile(href)) return false;
  const url = new URL(href);
  const parts = url.pathname.split('/').filter(Boolean);
  const head = parts[0]?.toLowerCase();
  // profile.php and /people/<name>/<id> name the tab in `sk`; a username in the second segment.
  const tab = (head === 'profile.php' || head === 'people' ? url.searchParams.get('sk') : parts[1]) ?? '';
  return /^about(?:_|$)/i.test(tab);
}

/** The canonical profile URL of a profile page, or null. */
export function facebookProfileUrl(href: string): string | null {
  return isFacebookProfile(href) ? canonicalFacebookUrl(href) : null;
}

/**
 * Real pages to check by hand when Facebook changes (STYLE 2):
 * - https://www.facebook.com/zuck
 * - https://www.facebook.com/zuck/about_contact_and_basic_info
 * - https://www.facebook.com/profile.php?id=4
 * - https://www.facebook.com/people/Example-Name/100000000000000/
 */
