import type { SiteAdapter } from '../adapter';
import { isLinkedInProfile, linkedInProfileUrl } from './detect';
import { findAnchor, parse } from './parse';

export const linkedin: SiteAdapter = { site: 'linkedin', label: 'LinkedIn', isProfile: isLinkedInProfile, profileUrl: linkedInProfileUrl, parse, findAnchor };
