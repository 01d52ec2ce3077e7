import { getCountries } from 'libphonenumber-js';
import type { CountryCode } from './phone';
import { ROLES, type Role } from './model';

/** Preferences (not identity: your name and photo are your User row). Stored versioned. */
export interface Settings {
  /** Country assumed for phones typed without a +country code. */
  defaultCountry: CountryCode;
  /** Developer builds only: use the UI as another role. Ignored in production builds. */
  actAsRole: Role | null;
}

export const DEFAULT_SETTINGS: Settings = { defaultCountry: 'PH', actAsRole: null };

const COUNTRIES = new Set<string>(getCountries());

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whatever was stored (possibly by an older version, possibly damaged) → valid settings. */
export function parseSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return { ...DEFAULT_SETTINGS };
  const country = raw.defaultCountry;
  const role = raw.actAsRole;
  return {
    defaultCountry:
      typeof country === 'string' && COUNTRIES.has(country) ? (country as CountryCode) : DEFAULT_SETTINGS.defaultCountry,
    actAsRole: typeof role === 'string' && (ROLES as readonly string[]).includes(role) ? (role as Role) : null,
  };
}

export { isRecord };
