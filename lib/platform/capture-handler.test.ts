// @vitest-environment happy-dom
// The capture path from a saved page to the stored candidate: the site's parser, the card's first
// values, the typed message (parsed as the background parses it), the background's handler and
// its mutations, into fake IndexedDB.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { personFromDraft } from '../../components/capture/widget';
import type { CaptureMessages, CapturePerson, CaptureResponses } from '../messaging/protocol';
import { parse as parseFacebook } from '../sites/facebook/parse';
import { parse as parseLinkedIn } from '../sites/linkedin/parse';
import { startCaptureHandler } from './capture-handler';
import { openDatabase } from './database';

const FIXTURES = path.resolve(__dirname, '../../tests/fixtures');

function page(site: string, file: string): Document {
  return new DOMParser().parseFromString(readFileSync(path.join(FIXTURES, site, file), 'utf8'), 'text/html');
}

/** Sends a raw message to the background as a content script in a tab at `url` would. */
async function send(raw: unknown, url: string): Promise<unknown> {
  const answers = (await fakeBrowser.runtime.onMessage.trigger(raw, { id: browser.runtime.id, url, tab: { id: 7, windowId: 1 } } as never, () => undefined)) as unknown[];
  return answers.find((a) => a !== undefined);
}

function add(person: CapturePerson, site: 'linkedin' | 'facebook', campaign: CaptureMessages['capture:add']['campaign']) {
  const payload: CaptureMessages['capture:add'] = { site, person, candidateId: null, campaign, folderId: 'inbox', labelIds: [], note: '', pageUrl: person.profileUrl };
  // Through JSON, as runtime messaging does: no prototypes or functions survive.
  return JSON.parse(JSON.stringify({ type: 'capture:add', payload })) as unknown;
}

beforeAll(() => {
  startCaptureHandler();
});

describe('capture: parse → message → stored candidate', () => {
  it('stores the LinkedIn profile’s title, about, websites and CDN photo beside the contact fields', async () => {
    const url = 'https://www.linkedin.com/in/dino-garcia/';
    const draft = parseLinkedIn(page('linkedin', 'profile-embedded-json-side-rails-2026-11-20.html'), url);
    const person = { ...personFromDraft(draft, 'https://www.linkedin.com/in/dino-garcia'), websites: ['dino.example.net', 'https://blog.example.net/posts'] };
    const answer = (await send(add(person, 'linkedin', { name: 'Analysts' }), url)) as CaptureResponses['capture:add'];
    expect(answer).toMatchObject({ ok: true, campaignName: 'Analysts', folderName: 'Inbox' });
    const stored = await openDatabase().candidates.get((answer as { candidateId: string }).candidateId);
    expect(stored).toMatchObject({
      firstName: 'Dino',
      lastName: 'Garcia Jr.',
      headline: 'Data Analyst at Tailspin Toys',
      title: 'Data Analyst',
      company: 'Tailspin Toys',
      location: 'Davao City, Philippines',
      about: 'Numbers person.',
      websites: ['https://dino.example.net/', 'https://blog.example.net/posts'],
      photo: 'https://media.licdn.com/dms/image/dino/400.jpg',
      linkedinUrl: 'https://www.linkedin.com/in/dino-garcia',
    });
  });

  it('the contact-info overlay’s website and email reach the candidate', async () => {
    const url = 'https://www.linkedin.com/in/joy-dela-cruz/overlay/contact-info/';
    const draft = parseLinkedIn(page('linkedin', 'profile-contact-overlay-classic-2026-11-20.html'), url);
    const answer = (await send(add(personFromDraft(draft, 'https://www.linkedin.com/in/joy-dela-cruz'), 'linkedin', { name: 'HR' }), url)) as {
      candidateId: string;
    };
    const stored = await openDatabase().candidates.get(answer.candidateId);
    expect(stored).toMatchObject({ email: 'joy.delacruz@example.com', websites: ['https://joy.example.org/'], headline: 'HR Generalist' });
    expect(stored?.photo).toBeUndefined();
  });

  it('Facebook: the Intro card’s job title and bio, and the scontent photo', async () => {
    const url = 'https://www.facebook.com/jose.rizal.demo';
    const draft = parseFacebook(page('facebook', 'profile-username-2026-11-20.html'), url);
    const answer = (await send(add(personFromDraft(draft, 'https://www.facebook.com/jose.rizal.demo'), 'facebook', { name: 'Developers' }), url)) as {
      candidateId: string;
    };
    const stored = await openDatabase().candidates.get(answer.candidateId);
    expect(stored).toMatchObject({
      headline: 'Software Developer',
      title: 'Software Developer',
      company: 'Adventure Works',
      photo: 'https://scontent.xx.fbcdn.net/v/jose-large.jpg',
      about: 'Building scheduling tools for clinics Open to remote roles.',
    });
    expect(stored?.websites).toBeUndefined();
  });

  it('Facebook About sub-tab: the same person as the timeline (canonical URL), so a second Add finds them', async () => {
    const url = 'https://www.facebook.com/jose.rizal.demo/about_contact_and_basic_info';
    const draft = parseFacebook(page('facebook', 'profile-about-contact-2026-11-20.html'), url);
    expect(draft?.profileUrl).toBe('https://www.facebook.com/jose.rizal.demo');
    const answer = (await send(add(personFromDraft(draft, 'https://www.facebook.com/jose.rizal.demo'), 'facebook', { name: 'Developers' }), url)) as CaptureResponses['capture:add'];
    expect(answer).toMatchObject({ ok: false, existing: { name: 'Jose Rizal' } });
  });

  it('Facebook About › Contact and basic info: the email, phone and unwrapped website reach the candidate', async () => {
    const url = 'https://www.facebook.com/mikko.virtanen.demo/about_contact_and_basic_info';
    const draft = parseFacebook(page('facebook', 'profile-about-links-only-2026-11-20.html'), url);
    const answer = (await send(add(personFromDraft(draft, 'https://www.facebook.com/mikko.virtanen.demo'), 'facebook', { name: 'Developers' }), url)) as {
      candidateId: string;
    };
    const stored = await openDatabase().candidates.get(answer.candidateId);
    expect(stored).toMatchObject({
      facebookUrl: 'https://www.facebook.com/mikko.virtanen.demo',
      email: 'mikko.virtanen@example.fi',
      phone: '+358401234567',
      websites: ['https://mikko.example.fi/'],
    });
  });

  it('hostile page: no off-CDN photo and no script links are stored, whatever the card sends', async () => {
    const url = 'https://www.linkedin.com/in/eve-hostile/';
    const html = readFileSync(path.join(FIXTURES, 'linkedin', 'profile-hostile-2026-11-20.html'), 'utf8').replace('HEADLINE_PLACEHOLDER', 'Hi');
    const draft = parseLinkedIn(new DOMParser().parseFromString(html, 'text/html'), url);
    expect(draft?.photo).toBeUndefined();
    expect(draft?.websites).toEqual([]);
    // A tampered card: a tracking pixel as the photo; about with invisible marks.
    const person = { ...personFromDraft(draft, 'https://www.linkedin.com/in/eve-hostile'), photo: 'https://evil.example/pixel.gif', about: 'Line one\u202E\n\n\n\nLine   two' };
    const answer = (await send(add(person, 'linkedin', { name: 'Hostile' }), url)) as { candidateId: string };
    const stored = await openDatabase().candidates.get(answer.candidateId);
    expect(stored?.photo).toBeUndefined();
    expect(stored?.about).toBe('Line one\n\nLine two');

    // A javascript: website refuses the whole capture, with a message; nothing is written.
    const before = await openDatabase().candidates.count();
    const refused = (await send(
      add({ ...person, profileUrl: 'https://www.linkedin.com/in/eve-two', websites: ['javascript:alert(1)'] }, 'linkedin', { name: 'Never made' }),
      url,
    )) as CaptureResponses['capture:add'];
    expect(refused).toEqual({ ok: false, error: '“javascript:alert(1)” is not a web address (http or https).' });
    expect(await openDatabase().candidates.count()).toBe(before);
    expect((await openDatabase().campaigns.toArray()).map((c) => c.name)).not.toContain('Never made');
  });

  it('a campaign typed in the card is made only when the person is added, and never twice', async () => {
    const db = openDatabase();
    const named = async (name: string) => (await db.campaigns.toArray()).filter((c) => c.name === name).length;
    const url = 'https://www.linkedin.com/in/rita-orphan/';
    const person = { ...personFromDraft(null, 'https://www.linkedin.com/in/rita-orphan'), firstName: 'Rita', lastName: 'Orphan' };

    // A bad typed email: refused before the campaign is made.
    const badEmail = (await send(add({ ...person, email: 'rita@' }, 'linkedin', { name: 'Night shift' }), url)) as CaptureResponses['capture:add'];
    expect(badEmail).toMatchObject({ ok: false, error: 'Enter an email address like name@example.com.' });
    expect(await named('Night shift')).toBe(0);

    // Someone already in Leadside by email: the duplicate is reported, still no campaign.
    const first = (await send(add({ ...person, email: 'rita@example.com' }, 'linkedin', { name: 'Day shift' }), url)) as { ok: boolean; candidateId: string };
    expect(first.ok).toBe(true);
    const twin = { ...person, profileUrl: 'https://www.linkedin.com/in/rita-orphan-2', email: 'RITA@example.com' };
    const dup = (await send(add(twin, 'linkedin', { name: 'Night shift' }), 'https://www.linkedin.com/in/rita-orphan-2/')) as CaptureResponses['capture:add'];
    expect(dup).toMatchObject({ ok: false, existing: { candidateId: first.candidateId } });
    expect(await named('Night shift')).toBe(0);

    // Typed again (another case and spacing) for a new person: the existing campaign is used.
    const other = { ...personFromDraft(null, 'https://www.linkedin.com/in/sol-next'), firstName: 'Sol', lastName: 'Next' };
    const again = (await send(add(other, 'linkedin', { name: '  day   SHIFT ' }), 'https://www.linkedin.com/in/sol-next/')) as CaptureResponses['capture:add'];
    expect(again).toMatchObject({ ok: true, campaignName: 'Day shift' });
    expect(await named('Day shift')).toBe(1);
  });

  it('"Add to another campaign" for someone already in Leadside adds an application, with labels, folder and note, and no twin', async () => {
    const db = openDatabase();
    const url = 'https://www.linkedin.com/in/tess-twice/';
    const person = { ...personFromDraft(null, 'https://www.linkedin.com/in/tess-twice'), firstName: 'Tess', lastName: 'Twice' };
    const first = (await send(add(person, 'linkedin', { name: 'Morning shift' }), url)) as { ok: boolean; candidateId: string };
    expect(first.ok).toBe(true);
    const people = await db.candidates.count();
    await db.labels.add({ id: 'lbl-hot', name: 'Hot', nameKey: 'hot', color: '#f00', updatedAt: 1 });
    await db.folders.add({ id: 'fld-call', name: 'To call', kind: 'custom', order: 50, updatedAt: 1 });
    const payload = { site: 'linkedin', person, candidateId: first.candidateId, campaign: { name: 'Evening shift' }, folderId: 'fld-call', labelIds: ['lbl-hot'], note: 'Met at the job fair', pageUrl: url };
    const again = (await send({ type: 'capture:add', payload }, url)) as CaptureResponses['capture:add'];
    expect(again).toMatchObject({ ok: true, candidateId: first.candidateId, campaignName: 'Evening shift', folderName: 'To call' });
    expect(await db.candidates.count()).toBe(people);
    const leads = await db.leads.where('candidateId').equals(first.candidateId).toArray();
    expect(leads).toHaveLength(2);
    const added = leads.find((l) => l.id === (again as { leadId: string }).leadId)!;
    expect(added).toMatchObject({ folderId: 'fld-call', labels: ['lbl-hot'], source: 'LinkedIn' });
    expect((await db.comments.where('leadId').equals(added.id).toArray()).map((c) => c.body)).toEqual(['Met at the job fair']);
    // Once more into the same campaign: refused, nothing added.
    const third = (await send({ type: 'capture:add', payload: { ...payload, campaign: { name: 'evening  SHIFT' } } }, url)) as CaptureResponses['capture:add'];
    expect(third.ok).toBe(false);
    expect(await db.leads.where('candidateId').equals(first.candidateId).count()).toBe(2);
  });

  it('a message over a cap is not answered at all (the protocol refuses it)', async () => {
    const person = { ...personFromDraft(null, 'https://www.linkedin.com/in/long-about'), firstName: 'Lo', lastName: 'Ng', about: 'x'.repeat(2001) };
    expect(await send(add(person, 'linkedin', { name: 'Long' }), 'https://www.linkedin.com/in/long-about/')).toBeUndefined();
    const sixSites = { ...person, about: '', websites: Array.from({ length: 6 }, (_, i) => `https://s${i}.example/`) };
    expect(await send(add(sixSites, 'linkedin', { name: 'Long' }), 'https://www.linkedin.com/in/long-about/')).toBeUndefined();
    expect((await openDatabase().candidates.toArray()).some((c) => c.linkedinUrl?.endsWith('/long-about'))).toBe(false);
  });
});
