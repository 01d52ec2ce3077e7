import { getCountries } from 'libphonenumber-js';
import type { CountryCode } from './phone';
import { ROLES, type Role } from './model';

/** How an email hand-off opens (DESIGN §5): the system's mail app, or Gmail's compose page. */
export const EMAIL_HANDOFFS = ['mailto', 'gmail'] as const;
export type EmailHandoff = (typeof EMAIL_HANDOFFS)[number];

/** Preferences (not identity: your name and photo are your User row). Stored versioned. */
export interface Settings {
  /** Country assumed for phones typed without a +country code. */
  defaultCountry: CountryCode;
  /** Developer builds only: use the UI as another role. Ignored in production builds. */
  actAsRole: Role | null;
  /** Where an email hand-off opens: a `mailto:` link (the mail app) or Gmail's compose page. */
  emailHandoff: EmailHandoff;
  /** Quick replies inserted on other sites are logged in the candidate's history. */
  logQuickReplyInserts: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  defaultCountry: 'PH',
  actAsRole: null,
  emailHandoff: 'mailto',
  logQuickReplyInserts: true,
};

const COUNTRIES = new Set<string>(getCountries());

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(values: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

/**
 * Whatever was stored (possibly by an older version, possibly damaged) → valid settings. Each
 * field falls back on its own, so a value stored before a field existed keeps its other choices.
 */
export function parseSettings(raw: unknown): Settings {
  if (!isRecord(raw)) return { ...DEFAULT_SETTINGS };
  const country = raw.defaultCountry;
  return {
    defaultCountry:
      typeof country === 'string' && COUNTRIES.has(country) ? (country as CountryCode) : DEFAULT_SETTINGS.defaultCountry,
    actAsRole: typeof raw.actAsRole === 'string' && (ROLES as readonly string[]).includes(raw.actAsRole) ? (raw.actAsRole as Role) : null,
    emailHandoff: oneOf(EMAIL_HANDOFFS, raw.emailHandoff, DEFAULT_SETTINGS.emailHandoff),
    logQuickReplyInserts:
      typeof raw.logQuickReplyInserts === 'boolean' ? raw.logQuickReplyInserts : DEFAULT_SETTINGS.logQuickReplyInserts,
  };
}

export { isRecord };
