import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from './settings';

describe('parseSettings', () => {
  it('defaults: mailto for email, quick-reply inserts logged', () => {
    expect(DEFAULT_SETTINGS.emailHandoff).toBe('mailto');
    expect(DEFAULT_SETTINGS.logQuickReplyInserts).toBe(true);
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('gmail')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings([{ emailHandoff: 'gmail' }])).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid choices', () => {
    const stored = { defaultCountry: 'US', actAsRole: 'limited_manager', emailHandoff: 'gmail', logQuickReplyInserts: false };
    expect(parseSettings(stored)).toEqual(stored);
  });

  it('reads settings stored before the new fields existed, keeping the old choices', () => {
    expect(parseSettings({ defaultCountry: 'GB', actAsRole: 'manager' })).toEqual({
      defaultCountry: 'GB',
      actAsRole: 'manager',
      emailHandoff: 'mailto',
      logQuickReplyInserts: true,
    });
  });

  it('falls back field by field on damaged values', () => {
    expect(
      parseSettings({ defaultCountry: 'XX', actAsRole: 'admin', emailHandoff: 'outlook', logQuickReplyInserts: 'no' }),
    ).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ emailHandoff: 'GMAIL', logQuickReplyInserts: 0 })).toMatchObject({ emailHandoff: 'mailto', logQuickReplyInserts: true });
    // One damaged field does not cost the others.
    expect(parseSettings({ defaultCountry: 42, emailHandoff: 'gmail', logQuickReplyInserts: false })).toEqual({
      ...DEFAULT_SETTINGS,
      emailHandoff: 'gmail',
      logQuickReplyInserts: false,
    });
  });

  it('drops unknown keys', () => {
    expect(parseSettings({ emailHandoff: 'gmail', extra: 1 })).not.toHaveProperty('extra');
  });

  it('returns a fresh object each time (the default is never shared)', () => {
    const a = parseSettings(undefined);
    a.emailHandoff = 'gmail';
    expect(parseSettings(undefined).emailHandoff).toBe('mailto');
    expect(DEFAULT_SETTINGS.emailHandoff).toBe('mailto');
  });
});
