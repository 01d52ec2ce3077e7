/** What the capture UI needs from one site's folder (lib/sites/<site>/). */
import type { CaptureDraft, CaptureSite } from './draft';

export interface SiteAdapter {
  site: CaptureSite;
  /** "LinkedIn", "Facebook": the lead's source. */
  label: string;
  isProfile(href: string): boolean;
  profileUrl(href: string): string | null;
  parse(root: Document, href: string): CaptureDraft | null;
  findAnchor(root: Document): Element | null;
}
