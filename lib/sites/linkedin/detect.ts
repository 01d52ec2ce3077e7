/**
 * Which LinkedIn URLs are a member's profile (DESIGN §4): `/in/<vanity>` with its locale and
 * sub-pages (`/in/x/de`, `/in/x/details/experience`, `/in/x/overlay/contact-info`). Pure URL
 * checks: the content script runs on the whole origin and stays dormant until this says yes.
 */
import { canonicalLinkedInUrl } from '../../domain/duplicates';

/** True for a member profile on www.linkedin.com (or a country host). */
export function isLinkedInProfile(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase();
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return false;
  const [kind, vanity] = url.pathname.split('/').filter(Boolean);
  if (kind !== 'in' || !vanity) return false;
  // Vanity names are letters, digits and hyphens (any script, percent-encoded in the path).
  let decoded: string;
  try {
    decoded = decodeURIComponent(vanity);
  } catch {
    return false;
  }
  if (!/^[\p{L}\p{N}_-]{2,100}$/u.test(decoded)) return false;
  return canonicalLinkedInUrl(href) !== null;
}

/** The canonical profile URL of a profile page, or null. */
export function linkedInProfileUrl(href: string): string | null {
  return isLinkedInProfile(href) ? canonicalLinkedInUrl(href) : null;
}

/**
 * Real pages to check by hand when LinkedIn changes (STYLE 2):
 * - https://www.linkedin.com/in/williamhgates/
 * - https://www.linkedin.com/in/satyanadella/details/experience/
 * - https://www.linkedin.com/in/jeffweiner08/overlay/contact-info/
 */
