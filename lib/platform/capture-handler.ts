/**
 * The background's side of capture (DESIGN §4): answers the capture content scripts' three
 * messages. Every message is parsed and its sender checked (lib/messaging/protocol.ts) before
 * anything is read or written; writes are the ordinary named mutations, duplicate checks included.
 */
import { browser } from 'wxt/browser';
import { createCampaign } from '../db/mutations/campaigns';
import {
  AlreadyAppliedError,
  DuplicateCandidateError,
  addApplication,
  addCandidate,
  lookupDuplicates,
  validateCandidate,
  type CandidateInput,
} from '../db/mutations/candidates';
import { addComment, addLeadLabels } from '../db/mutations/profile';
import { ensureWorkspace } from '../db/mutations/workspace';
import { describeError, UserError } from '../db/errors';
import type { MutationContext } from '../db/mutate';
import type { LeadsideDB } from '../db/schema';
import { canonicalFacebookUrl, canonicalLinkedInUrl, normalizeEmail, normalizePhone, type ContactKeys } from '../domain/duplicates';
import type { Campaign, Candidate, Lead } from '../domain/model';
import type { CountryCode } from '../domain/phone';
import { fullName, foldedKey } from '../domain/text';
import {
  parseCaptureMessage,
  senderMaySend,
  type CaptureMessages,
  type CaptureResponses,
  type CaptureSite,
  type ExistingPerson,
} from '../messaging/protocol';
import { checkCaptureDetails, type CaptureDetails } from '../sites/draft';
import { openDatabase } from './database';
import { openLeadItem } from './open-lead';
import { loadSettings } from './storage';

const SOURCE: Record<CaptureSite, string> = { linkedin: 'LinkedIn', facebook: 'Facebook' };

/** Registers the capture message listener (synchronously, at the worker's start). */
export function startCaptureHandler(): void {
  const origin = browser.runtime.getURL('/');
  // webextension-polyfill answers a message with the promise its listener returns; other
  // listeners (the job runner) return undefined for messages that are not theirs.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const message = parseCaptureMessage(raw);
    if (!message) return undefined;
    const info = { id: sender.id, url: sender.url, tabId: sender.tab?.id };
    if (!senderMaySend(message.type, info, browser.runtime.id, origin)) {
      console.warn('Leadside: refused a capture message from an unexpected sender', message.type, sender.url);
      return Promise.resolve({ ok: false, error: 'Refused.' });
    }
    if (message.type === 'capture:openPanel') {
      return openPanel(sender.tab?.id, sender.tab?.windowId, (message.payload as CaptureMessages['capture:openPanel']).leadId);
    }
    if (message.type === 'capture:lookup') return lookup(message.payload as CaptureMessages['capture:lookup']);
    return add(message.payload as CaptureMessages['capture:add']);
  });
}

/**
 * sidePanel.open must be this handler's first call, made synchronously: after any await Chrome no
 * longer counts the click in the page as a user gesture (DESIGN §7). The lead goes through
 * storage.session; the panel opens it when it boots, or at once when it is already open.
 */
function openPanel(tabId: number | undefined, windowId: number | undefined, leadId: string): Promise<CaptureResponses['capture:openPanel']> {
  let opened: Promise<void>;
  try {
    opened = tabId !== undefined ? browser.sidePanel.open({ tabId }) : browser.sidePanel.open({ windowId: windowId! });
  } catch (error) {
    opened = Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  const stored = openLeadItem.setValue(leadId);
  return Promise.all([opened, stored]).then(
    () => ({ ok: true }),
    (error: unknown) => {
      console.warn('Leadside: could not open the side panel from a capture card', error);
      return { ok: false, error: 'Chrome did not let Leadside open the side panel: click the Leadside toolbar button.' };
    },
  );
}

async function context(): Promise<{ db: LeadsideDB; actorId: string; country: CountryCode }> {
  const db = openDatabase();
  const [{ self }, settings] = await Promise.all([ensureWorkspace(db), loadSettings()]);
  return { db, actorId: self.id, country: settings.defaultCountry };
}

function contactKeys(site: CaptureSite, profileUrl: string, email: string, phone: string, country: CountryCode): ContactKeys {
  const keys: ContactKeys = {};
  const url = site === 'linkedin' ? canonicalLinkedInUrl(profileUrl) : canonicalFacebookUrl(profileUrl);
  if (url && site === 'linkedin') keys.linkedinUrl = url;
  if (url && site === 'facebook') keys.facebookUrl = url;
  const cleanEmail = email.trim() ? normalizeEmail(email) : null;
  if (cleanEmail) keys.email = cleanEmail;
  const cleanPhone = phone.trim() ? normalizePhone(phone, country) : null;
  if (cleanPhone) keys.phone = cleanPhone;
  return keys;
}

async function describePerson(db: LeadsideDB, candidate: Candidate): Promise<ExistingPerson> {
  const leads: Lead[] = await db.leads.where('candidateId').equals(candidate.id).toArray();
  leads.sort((a, b) => b.addedAt - a.addedAt);
  const [campaigns, folders] = await Promise.all([
    db.campaigns.bulkGet(leads.map((l) => l.campaignId)),
    db.folders.bulkGet(leads.map((l) => l.folderId)),
  ]);
  return {
    candidateId: candidate.id,
    name: fullName(candidate) || 'Unnamed candidate',
    ref: candidate.ref,
    leads: leads.map((lead, i) => ({
      leadId: lead.id,
      ref: lead.ref,
      campaignName: campaigns[i]?.name ?? 'Unknown campaign',
      folderName: folders[i]?.name ?? 'Unknown folder',
    })),
  };
}

async function lookup(p: CaptureMessages['capture:lookup']): Promise<CaptureResponses['capture:lookup']> {
  try {
    const { db, country } = await context();
    const keys = contactKeys(p.site, p.profileUrl, p.email, p.phone, country);
    const matches = Object.keys(keys).length > 0 ? await lookupDuplicates(db, keys) : [];
    const [campaigns, folders, labels] = await Promise.all([db.campaigns.toArray(), db.folders.toArray(), db.labels.toArray()]);
    return {
      ok: true,
      existing: matches[0] ? await describePerson(db, matches[0].candidate) : null,
      campaigns: campaigns
        .filter((c) => c.status === 'open')
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((c) => ({ id: c.id, name: c.name })),
      folders: folders.sort((a, b) => a.order - b.order).map((f) => ({ id: f.id, name: f.name })),
      labels: labels.sort((a, b) => a.name.localeCompare(b.name)).map((l) => ({ id: l.id, name: l.name })),
    };
  } catch (error) {
    console.error('Leadside: capture lookup failed', error);
    return { ok: false, error: `Leadside could not read its data. ${describeError(error)}` };
  }
}

/**
 * The campaign chosen in the card, or the one typed there ("New campaign…"): an existing campaign
 * of that name (case, accents and spacing aside) is used rather than made twice — a second Add
 * after a refusal, or two people captured into the same new campaign from two tabs.
 */
async function campaignFor(mctx: MutationContext, choice: CaptureMessages['capture:add']['campaign']): Promise<Campaign | undefined> {
  if ('id' in choice) return mctx.db.campaigns.get(choice.id);
  const wanted = foldedKey(choice.name);
  const same = await mctx.db.campaigns.filter((c) => foldedKey(c.name) === wanted).first();
  return same ?? createCampaign(mctx, { name: choice.name, location: '' });
}

async function add(p: CaptureMessages['capture:add']): Promise<CaptureResponses['capture:add']> {
  let db: LeadsideDB | undefined;
  try {
    const ctx = await context();
    db = ctx.db;
    const mctx = { db: ctx.db, actorId: ctx.actorId };
    // Checked before anything is written (an inline campaign included): a typed website that is
    // not a link refuses the add with a message; a new application of someone known sends none.
    const checked = p.candidateId ? ({ ok: true, value: {} } as const) : checkCaptureDetails(p.person, p.site);
    if (!checked.ok) throw new UserError(checked.error);
    const details: CaptureDetails = checked.value;
    const placementOf = (campaignId: string) => ({ campaignId, folderId: p.folderId, source: SOURCE[p.site] });
    let lead: Lead;
    let candidateId: string;
    let campaign: Campaign | undefined;
    if (p.candidateId) {
      campaign = await campaignFor(mctx, p.campaign);
      if (!campaign) throw new UserError('That campaign no longer exists.');
      candidateId = p.candidateId;
      lead = await addApplication(mctx, p.candidateId, placementOf(campaign.id));
    } else {
      const keys = contactKeys(p.site, p.person.profileUrl, '', '', ctx.country);
      const input: CandidateInput = {
        firstName: p.person.firstName,
        lastName: p.person.lastName,
        email: p.person.email || undefined,
        phone: p.person.phone || undefined,
        linkedinUrl: keys.linkedinUrl,
        facebookUrl: keys.facebookUrl,
      };
      // Refusals come before a campaign typed in the card is made: a bad email or a duplicate
      // must not leave an empty campaign behind (addCandidate checks both again, in its transaction).
      const checkedPerson = validateCandidate(input, ctx.country);
      if (!checkedPerson.ok) throw new UserError(Object.values(checkedPerson.errors)[0] ?? 'Check the fields.');
      const matches = await lookupDuplicates(ctx.db, checkedPerson.value);
      if (matches.length > 0) throw new DuplicateCandidateError(matches);
      campaign = await campaignFor(mctx, p.campaign);
      if (!campaign) throw new UserError('That campaign no longer exists.');
      // The details go in the same row and transaction as the person.
      const added = await addCandidate(mctx, input, { ...placementOf(campaign.id), defaultCountry: ctx.country, details });
      lead = added.lead;
      candidateId = added.candidate.id;
    }
    if (p.labelIds.length > 0) await addLeadLabels(mctx, [lead.id], p.labelIds);
    if (p.note.trim()) await addComment(mctx, lead.id, p.note);
    const folder = await ctx.db.folders.get(lead.folderId);
    return { ok: true, leadId: lead.id, candidateId, campaignName: campaign.name, folderName: folder?.name ?? '' };
  } catch (error) {
    if (error instanceof DuplicateCandidateError && db && error.matches[0]) {
      return { ok: false, error: error.message, existing: await describePerson(db, error.matches[0].candidate) };
    }
    if (error instanceof AlreadyAppliedError || error instanceof UserError) return { ok: false, error: error.message };
    console.error('Leadside: capture failed', error);
    return { ok: false, error: `Leadside could not add this person. ${describeError(error)}` };
  }
}

