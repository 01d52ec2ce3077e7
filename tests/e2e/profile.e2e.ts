// The candidate profile and deletion, as a recruiter uses them: Chromium with the built
// extension (test build), sidepanel.html in a 400 px tab, sample data loaded. Controls are
// found by role and accessible name; what was stored is read back with readTable().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { collectConsole, launchExtension, readTable, type ConsoleCollector, type ExtensionHandle } from './harness';
import type { ActivityRow, CandidateRow, LeadRow, MessageRow } from './rows';
import { actAsRole, loadSampleData } from './panel';

let ext: ExtensionHandle;
let page: Page;
let consoleLog: ConsoleCollector;
let leads: LeadRow[];
let candidates: Map<string, CandidateRow>;
let messages: MessageRow[];
/** Leads handed to one test, so that no two tests touch the same person. */
const used = new Set<string>();

const countStatus = () => page.getByRole('status').filter({ hasText: /^\d[\d,]* leads?/ });
const searchBox = () => page.getByRole('searchbox', { name: 'Search candidates' });
const folderSelect = () => page.getByRole('combobox', { name: 'Folder' });
const leadItems = () => page.getByRole('list', { name: 'Leads' }).getByRole('listitem');

const nameOf = (candidateId: string) => {
  const c = candidates.get(candidateId)!;
  return `${c.firstName} ${c.lastName}`.trim();
};

async function countText(): Promise<string> {
  return (await countStatus().textContent())?.trim() ?? '';
}

/** Finds the lead by its application ID in the list and opens its profile. */
async function openProfile(lead: LeadRow): Promise<Locator> {
  // A failed test may have left a profile open over the list.
  const stale = page.getByRole('button', { name: 'Close profile' });
  if ((await stale.count()) > 0) await stale.click();
  await searchBox().fill(lead.ref);
  await expect.poll(countText).toBe('1 lead');
  await leadItems().first().getByRole('button', { name: nameOf(lead.candidateId), exact: true }).click();
  const profile = page.getByRole('dialog', { name: nameOf(lead.candidateId) });
  await expect.poll(() => profile.getByText(lead.ref, { exact: true }).isVisible()).toBe(true);
  return profile;
}

async function closeProfile(profile: Locator): Promise<void> {
  await profile.getByRole('button', { name: 'Close profile' }).click();
  await expect.poll(() => profile.count()).toBe(0);
  await searchBox().fill('');
}

/** A lead of a person nobody else's test uses, matching `pick`. */
function takeLead(pick: (lead: LeadRow, c: CandidateRow) => boolean): LeadRow {
  const lead = leads.find((l) => !used.has(l.candidateId) && pick(l, candidates.get(l.candidateId)!));
  if (!lead) throw new Error('no sample lead fits this test');
  used.add(lead.candidateId);
  return lead;
}

const leadsOf = (candidateId: string) => leads.filter((l) => l.candidateId === candidateId);
const messagesOf = (candidateId: string) => messages.filter((m) => m.candidateId === candidateId);
/** People with two applications and messages: what deletion and erasure are about. */
const twoAppsWithMessages = (l: LeadRow) => leadsOf(l.candidateId).length === 2 && messagesOf(l.candidateId).length > 0;

async function folderOption(name: string): Promise<string> {
  return (await folderSelect().locator('option', { hasText: new RegExp(`^${name} \\(`) }).textContent()) ?? '';
}

const setRole = (label: 'Manager' | 'Limited Manager' | null) => actAsRole(ext, page, label);

beforeAll(async () => {
  ext = await launchExtension();
  page = await ext.openSidePanel({ width: 400, height: 800 });
  consoleLog = collectConsole(page);
  await loadSampleData(page);
  leads = await readTable<LeadRow>(page, 'leads');
  candidates = new Map((await readTable<CandidateRow>(page, 'candidates')).map((c) => [c.id, c]));
  messages = await readTable<MessageRow>(page, 'messages');
});

afterAll(async () => {
  await ext?.close();
});

describe('profile', () => {
  it('shows the refs, copies them, and changes status: folder counts follow', async () => {
    const lead = takeLead((l) => l.folderId === 'inbox');
    const hiredBefore = await folderOption('Hired');
    const inboxBefore = await folderOption('Inbox');
    const profile = await openProfile(lead);
    const cand = candidates.get(lead.candidateId)!;
    expect(await profile.getByText(cand.ref, { exact: true }).isVisible()).toBe(true);

    // Reading the clipboard back needs a permission an extension page cannot be granted here:
    // record what is written (the real writeText still runs, and must succeed for "Copied").
    await page.evaluate(() => {
      const clipboard = navigator.clipboard;
      const original = clipboard.writeText.bind(clipboard);
      const copied: string[] = [];
      (globalThis as unknown as { __copied: string[] }).__copied = copied;
      clipboard.writeText = (text: string) => {
        copied.push(text);
        return original(text);
      };
    });
    const copied = () => page.evaluate(() => (globalThis as unknown as { __copied: string[] }).__copied);
    await profile.getByRole('button', { name: 'Copy application ID' }).click();
    await expect.poll(() => profile.getByRole('status').textContent()).toBe('Copied');
    expect(await copied()).toEqual([lead.ref]);
    await profile.getByRole('button', { name: 'Copy candidate ID' }).click();
    await expect.poll(copied).toEqual([lead.ref, cand.ref]);
    expect(await profile.getByRole('status').textContent()).toBe('Copied');

    const status = profile.getByRole('combobox', { name: 'Status' });
    expect(await status.inputValue()).toBe('inbox');
    await status.selectOption({ label: 'Hired' });
    const n = (text: string) => Number(/\((\d+)\)/.exec(text)![1]);
    await expect.poll(async () => n(await folderOption('Hired'))).toBe(n(hiredBefore) + 1);
    expect(n(await folderOption('Inbox'))).toBe(n(inboxBefore) - 1);
    await expect.poll(async () => (await readTable<LeadRow>(page, 'leads')).find((l) => l.id === lead.id)!.folderId).toBe('hired');
    const trail = profile.getByRole('list', { name: 'Activity' });
    await expect.poll(() => trail.textContent()).toContain('You moved this application from Inbox to Hired');
    await closeProfile(profile);
  });

  it('lists the person’s other application, one click away', async () => {
    const lead = takeLead(twoAppsWithMessages);
    const other = leadsOf(lead.candidateId).find((l) => l.id !== lead.id)!;
    const profile = await openProfile(lead);
    const nav = profile.getByRole('navigation', { name: 'Other applications' });
    await nav.getByRole('button', { name: new RegExp(other.ref) }).click();
    await expect.poll(() => profile.getByText(other.ref, { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => nav.getByRole('button', { name: new RegExp(lead.ref) }).count()).toBe(1);
    await closeProfile(profile);
  });

  it('refuses bad input field by field, saving nothing, then stores the phone in E.164', async () => {
    const lead = takeLead((l, c) => Boolean(c.email) && Boolean(c.phone));
    const before = candidates.get(lead.candidateId)!;
    const profile = await openProfile(lead);
    await profile.getByRole('button', { name: 'Edit' }).click();
    const form = profile.getByRole('form', { name: 'Edit profile' });
    await form.getByRole('textbox', { name: 'First name' }).fill('   ');
    await form.getByRole('textbox', { name: 'Email' }).fill('ana reyes@example.com');
    await form.getByRole('textbox', { name: 'Phone' }).fill('call me maybe');
    await form.getByRole('textbox', { name: 'Available from' }).fill('tomorrow-ish');
    await form.getByRole('button', { name: 'Save' }).click();

    expect(await form.getByRole('alert').textContent()).toBe('Nothing was saved: fix the fields marked below.');
    const expectInvalid = async (name: string, message: RegExp) => {
      const box = form.getByRole('textbox', { name, exact: true });
      expect(await box.getAttribute('aria-invalid')).toBe('true');
      const describedBy = await box.getAttribute('aria-describedby');
      expect(describedBy).toBeTruthy();
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(message);
    };
    await expectInvalid('First name', /^First name is required\.$/);
    await expectInvalid('Email', /cannot contain spaces/);
    await expectInvalid('Phone', /can only contain digits/);
    await expectInvalid('Available from', /must be a date written YYYY-MM-DD/);
    expect(await form.getByRole('textbox', { name: 'Last name' }).getAttribute('aria-invalid')).toBeNull();
    const stored = (await readTable<CandidateRow>(page, 'candidates')).find((c) => c.id === lead.candidateId)!;
    expect(stored).toEqual(before);

    await form.getByRole('textbox', { name: 'First name' }).fill(before.firstName);
    await form.getByRole('textbox', { name: 'Email' }).fill('ana.reyes@example.org');
    await form.getByRole('textbox', { name: 'Phone' }).fill('+44 7911 123456');
    await form.getByRole('textbox', { name: 'Available from' }).fill('2025-03-31');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.count()).toBe(0);
    const saved = (await readTable<CandidateRow>(page, 'candidates')).find((c) => c.id === lead.candidateId)!;
    expect(saved).toMatchObject({ firstName: before.firstName, email: 'ana.reyes@example.org', phone: '+447911123456' });
    expect((await readTable<LeadRow>(page, 'leads')).find((l) => l.id === lead.id)!.attributes.available_from).toBe('2025-03-31');
    expect(await profile.getByText('+44 7911 123456', { exact: true }).isVisible()).toBe(true);

    // A national number is read with the default country (PH).
    await profile.getByRole('button', { name: 'Edit' }).click();
    await form.getByRole('textbox', { name: 'Phone' }).fill('0917-555-0123');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.count()).toBe(0);
    await expect
      .poll(async () => (await readTable<CandidateRow>(page, 'candidates')).find((c) => c.id === lead.candidateId)!.phone)
      .toBe('+639175550123');
    const edits = (await readTable<ActivityRow>(page, 'activities')).filter(
      (a) => a.what === 'candidate.edited' && a.candidateId === lead.candidateId,
    );
    expect(edits).toHaveLength(2);
    expect(edits.map((a) => (a.after as { phone: string }).phone).sort()).toEqual(['+447911123456', '+639175550123']);
    await expect.poll(() => profile.getByRole('list', { name: 'Activity' }).textContent()).toContain('Phone: +44 7911 123456 → +63 917 555 0123');
    await closeProfile(profile);
  });

  it('edits the job title, About (line breaks kept) and websites, refusing a link that is not a web address', async () => {
    const lead = takeLead(() => true);
    const profile = await openProfile(lead);
    await profile.getByRole('button', { name: 'Edit' }).click();
    const form = profile.getByRole('form', { name: 'Edit profile' });
    await form.getByRole('textbox', { name: 'Job title' }).fill('Team Lead');
    await form.getByRole('textbox', { name: 'About' }).fill('Ten years in support.\nLoves night shifts.');
    await form.getByRole('textbox', { name: 'Websites (one a line)' }).fill('https://portfolio.example/ana\njavascript:alert(1)');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByRole('textbox', { name: 'Websites (one a line)' }).getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByText('javascript:alert(1): Only web addresses (https://…) can be saved as links.').count()).toBe(1);
    expect((await readTable<CandidateRow & { about?: string }>(page, 'candidates')).find((c) => c.id === lead.candidateId)!.about).toBeUndefined();

    await form.getByRole('textbox', { name: 'Websites (one a line)' }).fill('https://portfolio.example/ana');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.count()).toBe(0);
    const saved = (await readTable<CandidateRow & { title?: string; about?: string; websites?: string[] }>(page, 'candidates')).find((c) => c.id === lead.candidateId)!;
    expect(saved).toMatchObject({ title: 'Team Lead', about: 'Ten years in support.\nLoves night shifts.', websites: ['https://portfolio.example/ana'] });
    const about = profile.getByRole('region', { name: 'About' });
    expect(await about.innerText()).toContain('Ten years in support.\nLoves night shifts.');
    const link = profile.getByRole('list', { name: 'Websites' }).getByRole('link');
    expect(await link.getAttribute('href')).toBe('https://portfolio.example/ana');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    await closeProfile(profile);
  });

  it('says plainly when the disk is full, keeps the form, and saves once there is room', async () => {
    const lead = takeLead(() => true);
    const profile = await openProfile(lead);
    await profile.getByRole('button', { name: 'Edit' }).click();
    const form = profile.getByRole('form', { name: 'Edit profile' });
    await form.getByRole('textbox', { name: 'Last name' }).fill('Full-Disk');
    // Simulate a full disk: IndexedDB refuses the Activity row inside the save's transaction.
    await page.evaluate(() => {
      const hooks = (globalThis as unknown as { __leadside: { state: { db: { activities: { hook: (e: string, f?: () => void) => { unsubscribe: (f: () => void) => void } } } } } }).__leadside;
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      (globalThis as unknown as { __full: () => void }).__full = full;
      hooks.state.db.activities.hook('creating', full);
    });
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/run out of storage space.*nothing was saved/);
    expect(await form.getByRole('textbox', { name: 'Last name' }).inputValue()).toBe('Full-Disk');
    expect((await readTable<CandidateRow>(page, 'candidates')).find((c) => c.id === lead.candidateId)!.lastName).toBe(
      candidates.get(lead.candidateId)!.lastName,
    );

    await page.evaluate(() => {
      const g = globalThis as unknown as { __full: () => void; __leadside: { state: { db: { activities: { hook: (e: string) => { unsubscribe: (f: () => void) => void } } } } } };
      g.__leadside.state.db.activities.hook('creating').unsubscribe(g.__full);
    });
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.count()).toBe(0);
    expect((await readTable<CandidateRow>(page, 'candidates')).find((c) => c.id === lead.candidateId)!.lastName).toBe('Full-Disk');
    // The profile is now named by the new name.
    candidates.get(lead.candidateId)!.lastName = 'Full-Disk';
    const renamed = page.getByRole('dialog', { name: nameOf(lead.candidateId) });
    await expect.poll(() => renamed.isVisible()).toBe(true);
    await closeProfile(renamed);
  });

  it('adds an existing label, refuses bad names, creates one, and removes one after confirming', async () => {
    const lead = takeLead((l) => l.labels.length === 0);
    const labelsBefore = await readTable<{ id: string; name: string; nameKey: string }>(page, 'labels');
    const profile = await openProfile(lead);
    const section = profile.getByRole('region', { name: 'Labels' });
    const existing = labelsBefore[0]!;
    await section.getByRole('combobox', { name: 'Add label' }).selectOption({ label: existing.name });
    const chips = section.getByRole('list', { name: 'Labels on this application' });
    await expect.poll(() => chips.getByRole('listitem').count()).toBe(1);
    expect((await readTable<LeadRow>(page, 'leads')).find((l) => l.id === lead.id)!.labels).toEqual([existing.id]);

    const input = section.getByRole('textbox', { name: 'New label' });
    const create = section.getByRole('button', { name: 'Create label' });
    await input.fill('a,b');
    await create.click();
    await expect.poll(() => section.getByRole('alert').textContent()).toMatch(/cannot contain “,”/);
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await input.fill('x'.repeat(10_000));
    await create.click();
    await expect.poll(() => section.getByRole('alert').textContent()).toBe('A label name can be at most 50 characters (this one has 10000).');
    await input.fill(` ${existing.name.toUpperCase()} `);
    await create.click();
    await expect.poll(() => section.getByRole('alert').textContent()).toMatch(/already exists/);
    expect(await readTable(page, 'labels')).toHaveLength(labelsBefore.length);

    await input.fill('  Night   owl ');
    await create.click();
    await expect.poll(() => chips.getByRole('listitem').count()).toBe(2);
    const created = (await readTable<{ id: string; name: string; nameKey: string }>(page, 'labels')).find((l) => l.nameKey === 'night owl');
    expect(created).toMatchObject({ name: 'Night owl' });
    expect(await input.inputValue()).toBe('');

    await chips.getByRole('button', { name: 'Remove label Night owl' }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove label?' });
    expect(await confirm.textContent()).toContain('Remove the label “Night owl” from this application?');
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => chips.getByRole('listitem').count()).toBe(1);
    expect((await readTable<LeadRow>(page, 'leads')).find((l) => l.id === lead.id)!.labels).toEqual([existing.id]);
    const trail = profile.getByRole('list', { name: 'Activity' });
    await expect.poll(() => trail.textContent()).toContain('You removed label “Night owl”');
    expect(await trail.textContent()).toContain(`You added label “${existing.name}”`);
    await closeProfile(profile);
  });

  it('adds, edits and deletes a comment; assigns a recruiter', async () => {
    const lead = takeLead(() => true);
    const profile = await openProfile(lead);
    const section = profile.getByRole('region', { name: 'Comments' });
    await section.getByRole('textbox', { name: 'New comment' }).fill('Strong on the phone screen.');
    await section.getByRole('button', { name: 'Add comment' }).click();
    const list = section.getByRole('list', { name: 'Comments' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    expect(await list.textContent()).toContain('You');
    expect(await list.textContent()).toContain('Strong on the phone screen.');

    await list.getByRole('button', { name: 'Edit comment' }).click();
    await list.getByRole('textbox', { name: 'Comment text' }).fill('Strong on the phone screen; weak on Excel.');
    await list.getByRole('button', { name: 'Save comment' }).click();
    await expect.poll(() => list.textContent()).toContain('weak on Excel.');
    expect(await list.textContent()).toContain('(edited)');
    const comments = (await readTable<{ id: string; leadId: string; body: string; editedAt?: number }>(page, 'comments')).filter(
      (c) => c.leadId === lead.id,
    );
    expect(comments).toEqual([expect.objectContaining({ body: 'Strong on the phone screen; weak on Excel.', editedAt: expect.any(Number) as unknown })]);

    await list.getByRole('button', { name: 'Delete comment' }).click();
    await page.getByRole('dialog', { name: 'Delete comment?' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => section.getByText('No comments yet.').isVisible()).toBe(true);
    expect((await readTable<{ leadId: string }>(page, 'comments')).filter((c) => c.leadId === lead.id)).toEqual([]);
    const tombstones = await readTable<{ key: string }>(page, 'tombstones');
    expect(tombstones.some((t) => t.key === `comments:${comments[0]!.id}`)).toBe(true);

    const users = await readTable<{ id: string; name: string; isSelf?: boolean }>(page, 'users');
    const mate = users.find((u) => !u.isSelf && u.id !== lead.assignedTo)!;
    await profile.getByRole('combobox', { name: 'Assigned recruiter' }).selectOption({ label: mate.name });
    await expect.poll(async () => (await readTable<LeadRow>(page, 'leads')).find((l) => l.id === lead.id)!.assignedTo).toBe(mate.id);
    await expect.poll(() => profile.getByRole('list', { name: 'Activity' }).textContent()).toContain(`You assigned this application to ${mate.name}`);
    await closeProfile(profile);
  });

  it('sets and clears do not contact, with date and reason, logged', async () => {
    const lead = takeLead((_, c) => !c.doNotContact);
    const profile = await openProfile(lead);
    const section = profile.getByRole('region', { name: 'Do not contact' });
    await section.getByRole('button', { name: 'Mark do not contact' }).click();
    await section.getByRole('button', { name: 'Save flag' }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toMatch(/Say why/);
    await section.getByRole('textbox', { name: 'Reason' }).fill('Asked us to stop by email');
    await section.getByRole('button', { name: 'Save flag' }).click();
    await expect.poll(() => section.textContent()).toMatch(/Do not contact since .*: Asked us to stop by email/);
    const flagged = (await readTable<CandidateRow>(page, 'candidates')).find((c) => c.id === lead.candidateId)!;
    expect(flagged.doNotContact).toEqual({ at: expect.any(Number) as unknown, reason: 'Asked us to stop by email' });

    await section.getByRole('button', { name: 'Allow contact again' }).click();
    await expect.poll(() => section.getByRole('button', { name: 'Mark do not contact' }).isVisible()).toBe(true);
    expect((await readTable<CandidateRow>(page, 'candidates')).find((c) => c.id === lead.candidateId)!.doNotContact).toBeUndefined();
    const trail = await profile.getByRole('list', { name: 'Activity' }).textContent();
    expect(trail).toContain('You marked this person do not contact');
    expect(trail).toContain('Reason: Asked us to stop by email');
    expect(trail).toContain('You allowed contacting this person again');
    await closeProfile(profile);
  });

  it('opens a stored attachment through an object URL, and says when only the name is stored', async () => {
    const withName = takeLead((l) => l.attachments.length > 0);
    let profile = await openProfile(withName);
    await expect.poll(() => profile.getByText(withName.attachments[0]!.name, { exact: true }).isVisible()).toBe(true);
    expect(await profile.getByText(/file not stored on this device/).isVisible()).toBe(true);
    await closeProfile(profile);

    // Store a real file on another lead (raw IndexedDB: the app has no upload yet).
    const lead = takeLead((l) => l.attachments.length === 0);
    await page.evaluate(async (id) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('leadside');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(new Error(String(r.error)));
      });
      await new Promise<void>((res, rej) => {
        const tx = db.transaction('leads', 'readwrite');
        const store = tx.objectStore('leads');
        const get = store.get(id);
        get.onsuccess = () => {
          const row = get.result as { attachments: unknown[] };
          const blob = new Blob(['Ten years of espresso.'], { type: 'text/plain' });
          row.attachments = [{ id: 'att-e2e', name: 'notes.txt', type: 'text/plain', size: blob.size, blob }];
          store.put(row);
        };
        tx.oncomplete = () => res();
        tx.onerror = () => rej(new Error(String(tx.error)));
      });
      db.close();
    }, lead.id);
    profile = await openProfile(lead);
    const opened = ext.context.waitForEvent('page');
    await profile.getByRole('button', { name: 'Open notes.txt' }).click();
    const tab = await opened;
    expect(tab.url()).toMatch(/^blob:chrome-extension:\/\//);
    await expect.poll(() => tab.evaluate(() => document.body.textContent)).toContain('Ten years of espresso.');
    await tab.close();
    await closeProfile(profile);
  });
});

describe('deleting and erasing', () => {
  it('deletes one application after a Yes: gone from list, counts and search; the other application and messages stay', async () => {
    const lead = takeLead(twoAppsWithMessages);
    const other = leadsOf(lead.candidateId).find((l) => l.id !== lead.id)!;
    const messageCount = messagesOf(lead.candidateId).length;
    const total = (await readTable(page, 'leads')).length;
    await searchBox().fill('');
    await expect.poll(async () => (await folderSelect().locator('option').first().textContent()) ?? '').toBe(`All folders (${total})`);

    const profile = await openProfile(lead);
    await profile.getByRole('button', { name: 'Delete candidate' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete candidate?' });
    expect(await confirm.textContent()).toContain('It cannot be undone.');
    expect(await confirm.textContent()).toContain(lead.ref);
    await confirm.getByRole('button', { name: 'Yes' }).click();
    await expect.poll(() => profile.count()).toBe(0);

    await expect.poll(countText).toBe('0 leads');
    expect(await page.getByText('No leads match.', { exact: false }).isVisible()).toBe(true);
    await searchBox().fill('');
    await expect.poll(async () => folderSelect().locator('option').first().textContent()).toBe(`All folders (${total - 1})`);
    await searchBox().fill(candidates.get(lead.candidateId)!.ref);
    await expect.poll(countText).toBe('1 lead');
    await searchBox().fill('');

    const leadRows = await readTable<LeadRow>(page, 'leads');
    expect(leadRows.some((l) => l.id === lead.id)).toBe(false);
    expect(leadRows.some((l) => l.id === other.id)).toBe(true);
    expect((await readTable<MessageRow>(page, 'messages')).filter((m) => m.candidateId === lead.candidateId)).toHaveLength(messageCount);
    expect((await readTable<CandidateRow>(page, 'candidates')).some((c) => c.id === lead.candidateId)).toBe(true);
    expect((await readTable<{ key: string }>(page, 'tombstones')).some((t) => t.key === `leads:${lead.id}`)).toBe(true);
    const audit = (await readTable<ActivityRow>(page, 'activities')).find((a) => a.what === 'lead.deleted' && a.leadId === lead.id)!;
    expect(audit.before).toMatchObject({ ref: lead.ref, name: nameOf(lead.candidateId) });
    expect(JSON.stringify(audit)).not.toContain(candidates.get(lead.candidateId)!.email ?? '@');

    // The deletion stays visible in the person's other application's trail.
    const profile2 = await openProfile(other);
    await expect.poll(() => profile2.getByRole('list', { name: 'Activity' }).textContent()).toContain(`You deleted application ${lead.ref}`);
    await closeProfile(profile2);
  });

  it('erases a person after naming what goes: nothing of them is left but an audit line', async () => {
    const lead = takeLead(twoAppsWithMessages);
    const person = candidates.get(lead.candidateId)!;
    const theirLeads = leadsOf(person.id);
    const profile = await openProfile(lead);
    await profile.getByRole('region', { name: 'Comments' }).getByRole('textbox', { name: 'New comment' }).fill('Asked to be forgotten.');
    await profile.getByRole('button', { name: 'Add comment' }).click();
    await expect.poll(() => profile.getByRole('list', { name: 'Comments' }).getByRole('listitem').count()).toBe(1);

    await profile.getByRole('region', { name: 'Privacy' }).getByRole('button', { name: 'Erase person' }).click();
    const confirm = page.getByRole('dialog', { name: `Erase ${nameOf(person.id)}?` });
    await expect.poll(() => confirm.getByRole('listitem').first().textContent()).toMatch(/^2 applications/);
    const text = (await confirm.textContent()) ?? '';
    for (const l of theirLeads) expect(text).toContain(l.ref);
    const n = messagesOf(person.id).length;
    expect(text).toContain(`${n} ${n === 1 ? 'message' : 'messages'}`);
    expect(text).toContain('1 comment');
    await confirm.getByRole('button', { name: 'Yes, erase' }).click();
    await expect.poll(() => profile.count()).toBe(0);
    await expect.poll(() => page.getByText(/^Person erased: 2 applications/).isVisible()).toBe(true);

    expect((await readTable<CandidateRow>(page, 'candidates')).filter((c) => c.id === person.id)).toEqual([]);
    expect((await readTable<LeadRow>(page, 'leads')).filter((l) => l.candidateId === person.id)).toEqual([]);
    expect((await readTable<MessageRow>(page, 'messages')).filter((m) => m.candidateId === person.id)).toEqual([]);
    const ids = new Set(theirLeads.map((l) => l.id));
    expect((await readTable<{ leadId: string }>(page, 'comments')).filter((c) => ids.has(c.leadId))).toEqual([]);
    const activities = await readTable<ActivityRow>(page, 'activities');
    expect(activities.filter((a) => a.candidateId === person.id || (a.leadId && ids.has(a.leadId)))).toEqual([]);
    const erased = activities.filter((a) => a.what === 'person.erased');
    expect(erased).toHaveLength(1);
    const line = JSON.stringify(erased[0]);
    for (const pii of [person.firstName, person.lastName, person.email, person.phone]) if (pii) expect(line).not.toContain(pii);
    const tombstones = new Set((await readTable<{ key: string }>(page, 'tombstones')).map((t) => t.key));
    expect(tombstones.has(`candidates:${person.id}`)).toBe(true);
    for (const l of theirLeads) expect(tombstones.has(`leads:${l.id}`)).toBe(true);
    for (const m of messagesOf(person.id)) expect(tombstones.has(`messages:${m.id}`)).toBe(true);

    await searchBox().fill(person.ref);
    await expect.poll(countText).toBe('0 leads');
    await searchBox().fill('');
  });
});

describe('roles', () => {
  it('as a Manager: Delete candidate and Erase person are disabled, with a reason', async () => {
    await setRole('Manager');
    const lead = takeLead(() => true);
    const profile = await openProfile(lead);
    const del = profile.getByRole('button', { name: 'Delete candidate' });
    expect(await del.isDisabled()).toBe(true);
    expect(await del.getAttribute('title')).toBe('Only the workspace owner can delete candidates.');
    const erase = profile.getByRole('button', { name: 'Erase person' });
    expect(await erase.isDisabled()).toBe(true);
    expect(await erase.getAttribute('title')).toBe('Only the workspace owner can erase a person.');
    // Managers may still create labels.
    expect(await profile.getByRole('button', { name: 'Create label' }).isEnabled()).toBe(true);
    await closeProfile(profile);
  });

  it('as a Limited Manager: label creation is refused, existing labels still apply', async () => {
    await setRole('Limited Manager');
    const lead = takeLead((l) => l.labels.length === 0);
    const profile = await openProfile(lead);
    const section = profile.getByRole('region', { name: 'Labels' });
    expect(await section.getByRole('button', { name: 'Create label' }).isDisabled()).toBe(true);
    expect(await section.getByRole('textbox', { name: 'New label' }).isDisabled()).toBe(true);
    expect(await section.getByText('Only owners and managers can create labels.').isVisible()).toBe(true);
    const labels = await readTable<{ id: string; name: string }>(page, 'labels');
    await section.getByRole('combobox', { name: 'Add label' }).selectOption({ label: labels[1]!.name });
    await expect.poll(async () => (await readTable<LeadRow>(page, 'leads')).find((l) => l.id === lead.id)!.labels).toEqual([labels[1]!.id]);
    await closeProfile(profile);
    await setRole(null);
  });

  it('reports no errors in the console', () => {
    expect(consoleLog.errors).toEqual([]);
  });
});
