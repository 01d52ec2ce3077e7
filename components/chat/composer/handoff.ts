/**
 * Local-mode delivery (DESIGN §5): check the send, open the hand-off (a tab, or the system's
 * sms:/mailto: handler), and only then log the message as handed off. Used by the composer and
 * the bulk send queue alike.
 */
import type { Candidate, Message } from '../../../lib/domain/model';
import { facebookIdFromUrl, gmailComposeLink, mailtoLink, messengerLink, smsLink, whatsappLink, type LinkResult } from '../../../lib/chat/links';
import { describeError, UserError } from '../../../lib/db/errors';
import { CHANNEL_LABELS, prepareMessage, sendMessage, unreachableReason, type MessageDraft } from '../../../lib/db/mutations/messages';
import type { EmailHandoff } from '../../../lib/domain/settings';
import { copyText, openLink } from '../../../lib/platform/open-link';
import { loadSettings, saveSettings } from '../../../lib/platform/storage';
import type { AppState } from '../../app/state';

/** Where the "Open in Gmail" choice lived before it became a setting (a per-browser flag). */
const LEGACY_GMAIL_KEY = 'leadside.composer.useGmail';

/**
 * Sets where email hand-offs open. Reads the stored settings first, so a choice made meanwhile
 * on the Options page (another field) is not overwritten by this panel's older copy.
 */
export async function setEmailHandoff(state: AppState, value: EmailHandoff): Promise<void> {
  state.settings.value = { ...state.settings.peek(), emailHandoff: value };
  await saveSettings({ ...(await loadSettings()), emailHandoff: value });
}

/**
 * Carries a Gmail choice made before the setting existed (kept in the panel's localStorage,
 * which the service worker cannot read, so no storage migration can see it) into the settings,
 * once, and forgets the old flag.
 */
export async function adoptLegacyGmailChoice(state: AppState): Promise<void> {
  let legacy: string | null;
  try {
    legacy = localStorage.getItem(LEGACY_GMAIL_KEY);
    if (legacy !== null) localStorage.removeItem(LEGACY_GMAIL_KEY);
  } catch {
    return;
  }
  if (legacy === '1') await setEmailHandoff(state, 'gmail');
}

export type HandoffOutcome = { ok: true; message: Message; note: string } | { ok: false; error: string };

interface Plan {
  /** The link with the text, or a fallback link without it (the text then on the clipboard). */
  url: string;
  clipboard: string | null;
  note: string;
}

function plan(candidate: Candidate, draft: MessageDraft, text: string, subject: string | undefined, gmail: boolean): Plan {
  const channel = draft.channel;
  const label = CHANNEL_LABELS[channel];
  const reason = unreachableReason(candidate, channel);
  if (reason) throw new UserError(`${reason}: cannot send by ${label}.`);
  const linkName = channel === 'sms' ? 'an SMS link' : channel === 'email' ? (gmail ? 'a Gmail link' : 'an email link') : `a ${label} link`;
  const tooLong = `The message is too long for ${linkName}, so it is on your clipboard: paste it there.`;
  const pick = (full: LinkResult, bare: LinkResult, opened: string): Plan => {
    if (full.ok) return { url: full.url, clipboard: null, note: opened };
    if (full.reason === 'too_long' && bare.ok) return { url: bare.url, clipboard: text, note: tooLong };
    throw new UserError(`Cannot build a ${label} link for this candidate.`);
  };
  switch (channel) {
    case 'whatsapp':
      return pick(whatsappLink(candidate.phone!, text), whatsappLink(candidate.phone!, ''), 'Opened WhatsApp in a new tab.');
    case 'sms':
      return pick(smsLink(candidate.phone!, text), smsLink(candidate.phone!, ''), 'Opened your SMS app.');
    case 'email': {
      const parts = { to: candidate.email!, subject, body: text };
      const build = gmail ? gmailComposeLink : mailtoLink;
      return pick(build(parts), build({ ...parts, body: '' }), gmail ? 'Opened Gmail in a new tab.' : 'Opened your email app.');
    }
    case 'facebook': {
      const link = messengerLink(facebookIdFromUrl(candidate.facebookUrl ?? '') ?? '');
      if (!link.ok) throw new UserError('Cannot build a Messenger link for this candidate.');
      return { url: link.url, clipboard: text, note: 'Opened Messenger in a new tab; the message is on your clipboard: paste it there.' };
    }
    case 'linkedin':
      throw new UserError('LinkedIn messages are not sent from the composer.');
  }
}

/**
 * Sends one message by hand-off. Nothing is logged unless the tab was created (and, where the
 * text travels by clipboard, the clipboard took it).
 */
export async function handOff(state: AppState, draft: MessageDraft): Promise<HandoffOutcome> {
  const self = state.self.value;
  if (!self) return { ok: false, error: 'Your workspace is still opening. Try again in a moment.' };
  try {
    const prepared = await prepareMessage(state.db, self.id, draft);
    const p = plan(prepared.candidate, draft, prepared.text, prepared.subject, state.settings.peek().emailHandoff === 'gmail');
    if (p.clipboard !== null && !(await copyText(p.clipboard))) {
      return { ok: false, error: 'Could not copy the message to the clipboard, so nothing was opened or logged.' };
    }
    try {
      await openLink(p.url);
    } catch (error) {
      console.warn('Leadside: could not open the hand-off link', error);
      return { ok: false, error: `Could not open ${CHANNEL_LABELS[draft.channel]}, so the message was not logged.` };
    }
    const actingRole = state.actor.value?.role;
    const message = await sendMessage({ db: state.db, actorId: self.id }, draft, actingRole ? { actingRole } : {});
    return { ok: true, message, note: p.note };
  } catch (error) {
    if (!(error instanceof UserError)) console.error('Leadside: send failed', error);
    return { ok: false, error: describeError(error) };
  }
}
