// Adding a candidate by hand, and the duplicate guard, in Chromium with the built extension (test
// build), sidepanel.html open in a 400 px tab. Controls are found by role and accessible name;
// what was written is read back from IndexedDB.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectConsole, countTable, launchExtension, readTable, type ConsoleCollector, type ExtensionHandle } from './harness';
import type { CampaignRow, CandidateRow, LeadRow } from './rows';
import { loadSampleData } from './panel';

let ext: ExtensionHandle;
let page: Page;
let consoleLog: ConsoleCollector;
let leads: LeadRow[];
let candidates: CandidateRow[];
let openCampaigns: CampaignRow[];

const countStatus = () => page.getByRole('status').filter({ hasText: /^\d[\d,]* leads?/ });
const searchBox = () => page.getByRole('searchbox', { name: 'Search candidates' });
const dialog = () => page.getByRole('dialog', { name: 'Add candidate' });
const textbox = (name: string) => dialog().getByRole('textbox', { name, exact: true });
const select = (name: string) => dialog().getByRole('combobox', { name, exact: true });
const campaignLabel = (c: CampaignRow) => (c.location ? `${c.name} · ${c.location}` : c.name);

async function expectCount(n: number): Promise<void> {
  await expect.poll(async () => (await countStatus().textContent())?.trim()).toBe(`${n.toLocaleString('en-US')} ${n === 1 ? 'lead' : 'leads'}`);
}

async function openDialog(): Promise<void> {
  await page.getByRole('button', { name: 'Add candidate', exact: true }).click();
  await expect.poll(() => dialog().isVisible()).toBe(true);
}

async function counts() {
  return {
    candidates: await countTable(page, 'candidates'),
    leads: await countTable(page, 'leads'),
  };
}

const fullName = (c: CandidateRow) => `${c.firstName} ${c.lastName}`.trim();

beforeAll(async () => {
  ext = await launchExtension();
  page = await ext.openSidePanel({ width: 400, height: 800 });
  consoleLog = collectConsole(page);
  await loadSampleData(page);
  leads = await readTable<LeadRow>(page, 'leads');
  candidates = await readTable<CandidateRow>(page, 'candidates');
  openCampaigns = (await readTable<CampaignRow>(page, 'campaigns'))
    .filter((c) => c.status === 'open')
    .sort((a, b) => a.name.localeCompare(b.name));
  expect(openCampaigns.length).toBeGreaterThanOrEqual(2);
});

afterAll(async () => {
  await ext?.close();
});

describe('Add candidate', () => {
  it('checks every field in place and saves nothing until they are fixed', async () => {
    const before = await counts();
    await openDialog();
    await dialog().getByRole('button', { name: 'Add candidate' }).click();
    for (const [name, message] of [
      ['First name', 'Enter a first name.'],
      ['Last name', 'Enter a last name.'],
    ] as const) {
      await expect.poll(() => textbox(name).getAttribute('aria-invalid')).toBe('true');
      // The message is the field's description, read out with it.
      const describedBy = (await textbox(name).getAttribute('aria-describedby'))!;
      expect(await page.locator(`[id="${describedBy.split(' ')[0]!}"]`).textContent()).toBe(message);
    }
    await expect.poll(() => select('Campaign').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog().getByText('Choose a campaign.').isVisible()).toBe(true);
    // The first invalid field has the focus.
    await expect.poll(() => textbox('First name').evaluate((el) => el === document.activeElement)).toBe(true);

    await textbox('Email').fill('zeph@');
    await textbox('Phone').fill('12');
    await textbox('LinkedIn profile URL').fill('https://example.com/in/zeph');
    await textbox('Facebook profile URL').focus();
    await expect.poll(() => dialog().getByText('Enter an email address like name@example.com.').isVisible()).toBe(true);
    await expect.poll(() => textbox('Phone').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => textbox('LinkedIn profile URL').getAttribute('aria-invalid')).toBe('true');
    await dialog().getByRole('button', { name: 'Add candidate' }).click();
    expect(await counts()).toEqual(before);
    await dialog().getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
  });

  it('adds a candidate by hand: normalised fields, the chosen campaign, folder and source; found by name', async () => {
    const before = await counts();
    // A Philippine mobile nobody in the sample data has.
    let phone = '';
    for (let n = 1000; n < 9999 && !phone; n++) {
      const e164 = `+63917000${n}`;
      if (!candidates.some((c) => c.phone === e164)) phone = e164;
    }
    const national = parsePhoneNumberFromString(phone)!.formatNational(); // "0917 000 1000"
    const campaign = openCampaigns[0]!;

    await openDialog();
    expect(await select('Folder').inputValue()).toBe('inbox');
    expect(await select('Source').inputValue()).toBe('Manual');
    await textbox('First name').fill('  Zephyrine ');
    await textbox('Last name').fill('Quillfeather');
    await textbox('Email').fill('Zephyrine.Q@Example.org');
    await textbox('Phone').fill(national);
    await expect.poll(() => dialog().getByText(`Saved as ${parsePhoneNumberFromString(phone)!.formatInternational()}`).isVisible()).toBe(true);
    await textbox('LinkedIn profile URL').fill('HTTPS://PH.LinkedIn.com/in/Zephyrine-Q/?trk=public_profile#top');
    await textbox('Facebook profile URL').fill('m.facebook.com/Zephyrine.Quill/');
    await select('Campaign').selectOption({ label: campaignLabel(campaign) });
    await select('Folder').selectOption({ label: 'Shortlisted' });
    await select('Source').selectOption('Referral');
    await dialog().getByRole('button', { name: 'Add candidate' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: /^Added Zephyrine Quillfeather \(C-\d+\)/ }).count())
      .toBe(1);

    expect(await counts()).toEqual({ candidates: before.candidates + 1, leads: before.leads + 1 });
    const added = (await readTable<CandidateRow>(page, 'candidates')).find((c) => c.lastName === 'Quillfeather')!;
    expect(added).toMatchObject({
      firstName: 'Zephyrine',
      email: 'Zephyrine.Q@Example.org',
      phone,
      linkedinUrl: 'https://www.linkedin.com/in/zephyrine-q',
      facebookUrl: 'https://www.facebook.com/zephyrine.quill',
    });
    expect(added.ref).toMatch(/^C-\d+$/);
    const lead = (await readTable<LeadRow>(page, 'leads')).find((l) => l.candidateId === added.id)!;
    expect(lead).toMatchObject({ campaignId: campaign.id, folderId: 'shortlisted', source: 'Referral' });
    expect(lead.ref).toMatch(/^A-\d+$/);
    const activities = await readTable<{ what: string; leadId?: string; candidateId?: string }>(page, 'activities');
    expect(activities.filter((a) => a.what === 'candidate.added' && a.leadId === lead.id && a.candidateId === added.id)).toHaveLength(1);
    const outbox = await readTable<{ mutation: string; args: { candidateId?: string } }>(page, 'outbox');
    expect(outbox.filter((o) => o.mutation === 'addCandidate' && o.args.candidateId === added.id)).toHaveLength(1);

    await searchBox().fill('quillfeather');
    await expectCount(1);
    await page.getByRole('list', { name: 'Leads' }).getByRole('button', { name: 'Zephyrine Quillfeather', exact: true }).click();
    const preview = page.getByRole('dialog', { name: 'Zephyrine Quillfeather' });
    await expect.poll(() => preview.isVisible()).toBe(true);
    await expect.poll(() => preview.getByText('Referral', { exact: true }).isVisible()).toBe(true);
    expect(await preview.getByText(lead.ref, { exact: true }).isVisible()).toBe(true);
    await preview.getByRole('button', { name: /^Close (preview|profile)$/ }).click();
    await searchBox().fill('');
  });

  it('offers the existing person for an email already there: Open existing, then Add application for them', async () => {
    // Someone with an email, whose applications leave at least one open campaign free.
    const person = candidates.find((c) => {
      if (!c.email) return false;
      const theirs = new Set(leads.filter((l) => l.candidateId === c.id).map((l) => l.campaignId));
      return theirs.size >= 1 && openCampaigns.some((o) => !theirs.has(o.id)) && openCampaigns.some((o) => theirs.has(o.id));
    })!;
    expect(person).toBeDefined();
    const theirLeads = leads.filter((l) => l.candidateId === person.id);
    const applied = openCampaigns.find((o) => theirLeads.some((l) => l.campaignId === o.id))!;
    const free = openCampaigns.find((o) => !theirLeads.some((l) => l.campaignId === o.id))!;
    const name = fullName(person);
    const before = await counts();

    await openDialog();
    await textbox('First name').fill('Somebody');
    await textbox('Last name').fill('Else');
    await textbox('Email').fill(`  ${person.email!.toUpperCase()} `);
    const dups = dialog().getByRole('region', { name: 'Already in Leadside' });
    await expect.poll(() => dups.isVisible()).toBe(true);
    const match = dups.getByRole('group', { name: `${name} (${person.ref})` });
    expect(await match.textContent()).toContain('has the same email.');
    expect(await dups.getByRole('group').count()).toBe(1);

    // Adding them again as a new person is refused.
    await select('Campaign').selectOption({ label: campaignLabel(free) });
    await dialog().getByRole('button', { name: 'Add candidate' }).click();
    await expect.poll(() => dialog().getByRole('alert').textContent()).toMatch(/already in Leadside/);
    expect(await counts()).toEqual(before);

    // Open existing: their lead, in the campaign chosen when they have one there.
    await select('Campaign').selectOption({ label: campaignLabel(applied) });
    await match.getByRole('button', { name: 'Open existing' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    const preview = page.getByRole('dialog', { name });
    await expect.poll(() => preview.isVisible()).toBe(true);
    const shown = theirLeads.find((l) => l.campaignId === applied.id)!;
    await expect.poll(() => preview.getByText(shown.ref, { exact: true }).isVisible()).toBe(true);
    await preview.getByRole('button', { name: /^Close (preview|profile)$/ }).click();

    // Add application for them where they already applied: refused, clearly.
    await openDialog();
    await textbox('First name').fill('Somebody');
    await textbox('Last name').fill('Else');
    await textbox('Email').fill(person.email!);
    await select('Campaign').selectOption({ label: campaignLabel(applied) });
    const again = dialog().getByRole('group', { name: `${name} (${person.ref})` });
    await again.getByRole('button', { name: 'Add application for them' }).click();
    await expect
      .poll(() => dialog().getByRole('alert').textContent())
      .toContain(`${name} (${person.ref}) already has an application in ${applied.name} (${shown.ref}).`);
    expect(await counts()).toEqual(before);

    // In another campaign: exactly one new lead, for them, and no new candidate.
    await select('Campaign').selectOption({ label: campaignLabel(free) });
    await select('Source').selectOption('Career fair');
    await again.getByRole('button', { name: 'Add application for them' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await counts()).toEqual({ candidates: before.candidates, leads: before.leads + 1 });
    const after = (await readTable<LeadRow>(page, 'leads')).filter((l) => l.candidateId === person.id);
    expect(after).toHaveLength(theirLeads.length + 1);
    const added = after.find((l) => !theirLeads.some((t) => t.id === l.id))!;
    expect(added).toMatchObject({ campaignId: free.id, folderId: 'inbox', source: 'Career fair' });
    expect(await readTable(page, 'candidates')).toHaveLength(before.candidates);
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Added an application (${added.ref}) for ${name}` }).count()).toBe(1);
  });

  it('matches a phone typed in another format of an existing number', async () => {
    const person = candidates.find((c) => c.phone?.startsWith('+63'))!;
    expect(person).toBeDefined();
    const dashed = parsePhoneNumberFromString(person.phone!)!.formatNational().replace(/\s/g, '-'); // 0917-123-4567
    const before = await counts();
    await openDialog();
    await textbox('Phone').fill(dashed);
    const dups = dialog().getByRole('region', { name: 'Already in Leadside' });
    await expect.poll(() => dups.isVisible()).toBe(true);
    const match = dups.getByRole('group', { name: `${fullName(person)} (${person.ref})` });
    expect(await match.textContent()).toContain('has the same phone.');
    // A number that is someone else's no longer matches them.
    await textbox('Phone').fill('+1 415 555 2671');
    await expect.poll(() => dups.count()).toBe(candidates.some((c) => c.phone === '+14155552671') ? 1 : 0);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it('reports no errors in the console', () => {
    expect(consoleLog.errors).toEqual([]);
  });
});
