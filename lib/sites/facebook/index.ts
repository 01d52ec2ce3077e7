import type { SiteAdapter } from '../adapter';
import { facebookProfileUrl, isFacebookProfile } from './detect';
import { findAnchor, parse } from './parse';

export const facebook: SiteAdapter = { site: 'facebook', label: 'Facebook', isProfile: isFacebookProfile, profileUrl: facebookProfileUrl, parse, findAnchor };
