import { useEffect, useState } from 'preact/hooks';
import { getCountries, getCountryCallingCode } from 'libphonenumber-js';
import type { CountryCode } from '../../lib/domain/phone';
import { ROLES, type Role, type User } from '../../lib/domain/model';
import { ROLE_LABELS } from '../../lib/domain/permissions';
import type { Settings } from '../../lib/domain/settings';
import { describeError } from '../../lib/db/errors';
import { ensureWorkspace, updateSelf } from '../../lib/db/mutations/workspace';
import type { LeadsideDB } from '../../lib/db/schema';
import { IS_DEV_BUILD, loadSettings, saveSettings, watchSettings } from '../../lib/platform/storage';
import { quickReplyShortcut } from '../../lib/platform/runtime';

const MAX_PHOTO_BYTES = 512 * 1024;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

let regionNames: Intl.DisplayNames | null = null;
function countryLabel(code: CountryCode): string {
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
  return `${regionNames.of(code) ?? code} (+${getCountryCallingCode(code)})`;
}

/** Your profile (your User row) and your preferences (versioned settings). */
export function OptionsApp({ db }: { db: LeadsideDB }) {
  const [self, setSelf] = useState<User | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [avatar, setAvatar] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    void quickReplyShortcut().then(setShortcut);
  }, []);

  useEffect(() => {
    void (async () => {
      const [{ self: me }, s] = await Promise.all([ensureWorkspace(db), loadSettings()]);
      setSelf(me);
      setName(me.name);
      setEmail(me.email);
      setAvatar(me.avatar);
      setSettings(s);
    })();
    // A choice made in the side panel (the composer's "Open in Gmail") shows here at once.
    return watchSettings(setSettings);
  }, []);

  if (!self || !settings) return <p>Loading…</p>;

  const countries = getCountries()
    .map((c) => ({ code: c, label: countryLabel(c) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const saveProfile = async (e: Event) => {
    e.preventDefault();
    const cleanName = name.trim();
    const cleanEmail = email.trim();
    if (!cleanName) return setMessage({ kind: 'error', text: 'Your name cannot be empty.' });
    if (cleanEmail && !EMAIL.test(cleanEmail)) {
      return setMessage({ kind: 'error', text: 'That email address does not look right (for example name@company.com).' });
    }
    try {
      const next = await updateSelf({ db, actorId: self.id }, { name: cleanName, email: cleanEmail, avatar });
      setSelf(next);
      setMessage({ kind: 'ok', text: 'Profile saved.' });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error) });
    }
  };

  const pickPhoto = (file: File | undefined) => {
    if (!file) return;
    if (!file.type.startsWith('image/')) return setMessage({ kind: 'error', text: 'Choose an image file for your photo.' });
    if (file.size > MAX_PHOTO_BYTES) return setMessage({ kind: 'error', text: 'That photo is over 512 KB; choose a smaller one.' });
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result === 'string') setAvatar(reader.result);
    };
    reader.readAsDataURL(file);
  };

  const changeSettings = async (patch: Partial<Settings>) => {
    setSettings({ ...settings, ...patch });
    try {
      // Merged into what is stored now: the side panel may have changed another field meanwhile.
      await saveSettings({ ...(await loadSettings()), ...patch });
      setMessage({ kind: 'ok', text: 'Preferences saved.' });
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(error) });
    }
  };

  return (
    <main class="options">
      <h1>Leadside settings</h1>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind === 'error' ? 'field-error' : 'ok'}>
          {message.text}
        </p>
      )}
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">Your profile</h2>
        <form class="form" onSubmit={(e) => void saveProfile(e)} noValidate>
          <label>
            Name
            <input type="text" value={name} maxLength={120} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label>
            Email
            <input type="email" value={email} maxLength={254} onInput={(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label>
            Photo
            <input type="file" accept="image/*" onChange={(e) => pickPhoto(e.currentTarget.files?.[0])} />
          </label>
          {avatar && (
            <div class="photo-row">
              <img src={avatar} alt="Your photo" width={48} height={48} class="avatar" />
              <button type="button" onClick={() => setAvatar(undefined)}>
                Remove photo
              </button>
            </div>
          )}
          <p class="muted">Role: {ROLE_LABELS[self.role]}</p>
          <div>
            <button type="submit" class="primary">
              Save profile
            </button>
          </div>
        </form>
      </section>
      <section aria-labelledby="prefs-title">
        <h2 id="prefs-title">Preferences</h2>
        <label class="form">
          Default phone country
          <select
            value={settings.defaultCountry}
            onChange={(e) => void changeSettings({ defaultCountry: e.currentTarget.value as CountryCode })}
          >
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <p class="muted small">Phones typed without a +country code are read as this country’s numbers.</p>
        <fieldset class="form">
          <legend>Open email messages in</legend>
          <label class="inline">
            <input
              type="radio"
              name="email-handoff"
              checked={settings.emailHandoff === 'mailto'}
              onChange={() => void changeSettings({ emailHandoff: 'mailto' })}
            />
            Your email app (a mailto: link)
          </label>
          <label class="inline">
            <input
              type="radio"
              name="email-handoff"
              checked={settings.emailHandoff === 'gmail'}
              onChange={() => void changeSettings({ emailHandoff: 'gmail' })}
            />
            Gmail, in a new tab
          </label>
        </fieldset>
        <p class="muted small">Where the chat’s Send opens an email for you to send. The composer’s “Open in Gmail” box is the same choice.</p>
        <label class="inline">
          <input
            type="checkbox"
            checked={settings.logQuickReplyInserts}
            onChange={(e) => void changeSettings({ logQuickReplyInserts: e.currentTarget.checked })}
          />
          Log quick replies inserted on other sites in the candidate's history
        </label>
        {shortcut !== null && (
          <p class="muted small" role="note" aria-label="Quick reply shortcut">
            Quick replies in any tab: {shortcut ? <kbd>{shortcut}</kbd> : 'no shortcut set'} in a text field, or right-click it and
            choose “Insert quick reply”. Change the shortcut at chrome://extensions/shortcuts.
          </p>
        )}
      </section>
      {IS_DEV_BUILD && (
        <section aria-labelledby="dev-title">
          <h2 id="dev-title">Developer</h2>
          <label class="form">
            Act as role
            <select
              value={settings.actAsRole ?? ''}
              onChange={(e) => void changeSettings({ actAsRole: (e.currentTarget.value || null) as Role | null })}
            >
              <option value="">My own role ({ROLE_LABELS[self.role]})</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
          <p class="muted small">Only in development and test builds: see the UI as another role.</p>
        </section>
      )}
    </main>
  );
}
