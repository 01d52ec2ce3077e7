// Workspace management (campaigns, folders, labels, custom fields, teammates), the read-only
// view of a Limited Manager, and the No Response rule's alarm: the built extension in Chromium,
// sample data loaded from the welcome screen. Controls are found by role and accessible name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { collectConsole, launchExtension, readTable, waitFor, type ConsoleCollector, type ExtensionHandle } from './harness';
import type { CampaignRow, FolderRow, LeadRow } from './rows';

interface LabelRow {
  id: string;
  name: string;
  nameKey: string;
  color: string;
}

let ext: ExtensionHandle;
let panel: Page;
let consoleLog: ConsoleCollector;

const region = (name: string) => panel.getByRole('region', { name });
/** The row of a list in a region, by the name it shows. */
const row = (section: string, text: string) =>
  region(section).getByRole('listitem').filter({ has: panel.getByText(text, { exact: true }) });
const tab = (name: 'Leads' | 'Workspace') => panel.getByRole('tab', { name });

async function leads(): Promise<LeadRow[]> {
  return readTable<LeadRow>(panel, 'leads');
}

async function gone(locator: Locator, message: string): Promise<void> {
  await waitFor(async () => (await locator.count()) === 0, { message });
}

beforeAll(async () => {
  ext = await launchExtension();
  panel = await ext.openSidePanel({ width: 420, height: 900 });
  consoleLog = collectConsole(panel);
  await panel.getByRole('button', { name: 'Load sample data' }).click();
  await waitFor(() => panel.getByText(/^Loaded \d+ sample leads/).isVisible(), { timeout: 15_000, message: 'sample data' });
  await tab('Workspace').click();
  await waitFor(() => region('Campaigns').isVisible(), { message: 'the Workspace screen' });
});

afterAll(async () => {
  await ext?.close();
});

describe('campaigns', () => {
  it('creates and renames a campaign', async () => {
    await region('Campaigns').getByRole('button', { name: 'New campaign' }).click();
    const create = panel.getByRole('dialog', { name: 'New campaign' });
    await create.getByRole('textbox', { name: 'Job title' }).fill('Quality Inspector (QA-7)');
    await create.getByRole('textbox', { name: 'Location' }).fill('Pasig');
    await create.getByRole('button', { name: 'Create campaign' }).click();
    await waitFor(() => row('Campaigns', 'Quality Inspector (QA-7)').isVisible(), { message: 'the new campaign' });

    await row('Campaigns', 'Quality Inspector (QA-7)').getByRole('button', { name: 'Rename' }).click();
    const rename = panel.getByRole('dialog', { name: 'Rename campaign' });
    await rename.getByRole('textbox', { name: 'Job title' }).fill('   ');
    await rename.getByRole('button', { name: 'Save' }).click();
    expect(await rename.getByRole('alert').textContent()).toBe('A campaign needs a job title.');
    await rename.getByRole('textbox', { name: 'Job title' }).fill('  Senior   Quality Inspector (QA-7) ');
    await rename.getByRole('button', { name: 'Save' }).click();
    await gone(rename, 'the rename dialog to close');
    await waitFor(() => row('Campaigns', 'Senior Quality Inspector (QA-7)').isVisible(), { message: 'the renamed campaign' });

    const stored = (await readTable<CampaignRow & { location: string }>(panel, 'campaigns')).filter((c) =>
      c.name.includes('(QA-7)'),
    );
    expect(stored).toEqual([expect.objectContaining({ name: 'Senior Quality Inspector (QA-7)', location: 'Pasig', status: 'open' })]);
    const outbox = await readTable<{ mutation: string }>(panel, 'outbox');
    expect(outbox.filter((o) => o.mutation === 'renameCampaign')).toHaveLength(1);
  });

  it('closes a campaign (out of the picker’s open list, leads kept) and reopens it', async () => {
    const all = await leads();
    const campaigns = (await readTable<CampaignRow>(panel, 'campaigns')).filter((c) => c.status === 'open');
    const perCampaign = (id: string) => all.filter((l) => l.campaignId === id).length;
    const target = campaigns.sort((a, b) => perCampaign(b.id) - perCampaign(a.id))[0]!;
    const count = perCampaign(target.id);
    expect(count).toBeGreaterThan(0);

    await row('Campaigns', target.name).getByRole('button', { name: 'Close' }).click();
    await waitFor(() => panel.getByText(`Campaign “${target.name}” closed. Its ${count} leads are kept.`).isVisible(), {
      message: 'the closed notice',
    });
    await waitFor(
      async () => (await readTable<CampaignRow>(panel, 'campaigns')).find((c) => c.id === target.id)?.status === 'closed',
      { message: 'closed in IndexedDB' },
    );
    expect((await leads()).filter((l) => l.campaignId === target.id)).toHaveLength(count);
    await waitFor(() => region('Campaigns').getByRole('list', { name: 'Closed campaigns' }).getByText(target.name).isVisible(), {
      message: 'the closed list',
    });

    // The campaign picker of the Leads tab lists it only under "Closed campaigns".
    await tab('Leads').click();
    await panel.getByRole('button', { name: /^Campaigns:/ }).click();
    const picker = panel.getByRole('group', { name: 'Campaigns' });
    const openBox = picker.getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(target.name)}( ·|$)`) });
    expect(await openBox.count()).toBe(0);
    await picker.getByText(/^Closed campaigns \(\d+\)$/).click();
    expect(await picker.getByRole('checkbox', { name: `${target.name} (closed)` }).isVisible()).toBe(true);
    await panel.keyboard.press('Escape');

    await tab('Workspace').click();
    await row('Campaigns', target.name).getByRole('button', { name: 'Reopen' }).click();
    await waitFor(
      async () => (await readTable<CampaignRow>(panel, 'campaigns')).find((c) => c.id === target.id)?.status === 'open',
      { message: 'reopened in IndexedDB' },
    );
    await waitFor(() => panel.getByText(`Campaign “${target.name}” reopened.`).isVisible(), { message: 'the notice' });
    const activities = await readTable<{ what: string }>(panel, 'activities');
    expect(activities.filter((a) => a.what === 'campaign.closed')).toHaveLength(1);
    expect(activities.filter((a) => a.what === 'campaign.reopened')).toHaveLength(1);
  });
});

describe('folders', () => {
  it('adds a custom folder, seen in the Leads tab’s Folder combobox, and refuses a duplicate', async () => {
    const folders = region('Folders');
    await folders.getByRole('textbox', { name: 'New folder' }).fill('inbox');
    await folders.getByRole('button', { name: 'Add folder' }).click();
    await waitFor(() => folders.getByRole('alert').isVisible(), { message: 'the refusal' });
    expect(await folders.getByRole('alert').textContent()).toContain('There is already a folder called “Inbox”.');

    await folders.getByRole('textbox', { name: 'New folder' }).fill('Assessment');
    await folders.getByRole('button', { name: 'Add folder' }).click();
    await waitFor(() => row('Folders', 'Assessment').isVisible(), { message: 'the new folder' });
    expect(await folders.getByRole('textbox', { name: 'New folder' }).inputValue()).toBe('');

    await tab('Leads').click();
    const options = await panel.getByRole('combobox', { name: 'Folder' }).locator('option').allTextContents();
    expect(options).toContain('Assessment (0)');
    await tab('Workspace').click();
  });

  it('renames and reorders it with Move up / Move down', async () => {
    await row('Folders', 'Assessment').getByRole('button', { name: 'Rename' }).click();
    const dialog = panel.getByRole('dialog', { name: 'Rename folder' });
    await dialog.getByRole('textbox', { name: 'Folder name' }).fill('Skills Assessment');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await gone(dialog, 'the rename dialog to close');
    await waitFor(() => row('Folders', 'Skills Assessment').isVisible(), { message: 'the renamed folder' });

    const order = async () =>
      (await readTable<FolderRow>(panel, 'folders')).sort((a, b) => a.order - b.order).map((f) => f.name);
    const before = await order();
    const at = before.indexOf('Skills Assessment');
    expect(at).toBe(before.length - 1);
    expect(await row('Folders', 'Skills Assessment').getByRole('button', { name: 'Move down' }).isDisabled()).toBe(true);

    await row('Folders', 'Skills Assessment').getByRole('button', { name: 'Move up' }).click();
    await waitFor(async () => (await order()).indexOf('Skills Assessment') === at - 1, { message: 'moved up in IndexedDB' });
    const above = before[at - 1]!;
    expect((await order()).indexOf(above)).toBe(at);
    // The list and the Leads tab follow the new order.
    const names = await region('Folders').getByRole('list', { name: 'Folders' }).getByRole('listitem').locator('strong').allTextContents();
    expect(names.indexOf('Skills Assessment')).toBe(at - 1);
    await tab('Leads').click();
    const options = await panel.getByRole('combobox', { name: 'Folder' }).locator('option').allTextContents();
    const optionIndex = (name: string) => options.findIndex((o) => o.startsWith(`${name} (`));
    expect(optionIndex('Skills Assessment')).toBeLessThan(optionIndex(above));
    await tab('Workspace').click();

    await row('Folders', 'Skills Assessment').getByRole('button', { name: 'Move down' }).click();
    await waitFor(async () => (await order()).indexOf('Skills Assessment') === at, { message: 'moved down again' });
    // Default folders are fixed.
    const inbox = row('Folders', 'Inbox');
    for (const name of ['Rename', 'Delete', 'Move up', 'Move down']) {
      expect(await inbox.getByRole('button', { name }).isDisabled()).toBe(true);
    }
  });

  it('refuses deleting a folder that holds leads, saying how many; deletes an empty one', async () => {
    const folders = await readTable<FolderRow>(panel, 'folders');
    const interview = folders.find((f) => f.kind === 'custom' && f.name === 'Interview Scheduled')!;
    const held = (await leads()).filter((l) => l.folderId === interview.id).length;
    expect(held).toBeGreaterThan(0);

    await row('Folders', 'Interview Scheduled').getByRole('button', { name: 'Delete' }).click();
    const alert = region('Folders').getByRole('alert');
    await waitFor(() => alert.isVisible(), { message: 'the refusal' });
    expect(await alert.textContent()).toContain(
      `“Interview Scheduled” still holds ${held} leads. Move them to another folder, then delete the folder.`,
    );
    expect(await panel.getByRole('dialog').count()).toBe(0);
    expect((await readTable<FolderRow>(panel, 'folders')).some((f) => f.id === interview.id)).toBe(true);

    await row('Folders', 'Skills Assessment').getByRole('button', { name: 'Delete' }).click();
    const dialog = panel.getByRole('dialog', { name: 'Delete folder' });
    await dialog.getByRole('button', { name: 'Delete folder' }).click();
    await gone(dialog, 'the delete dialog to close');
    await waitFor(async () => !(await readTable<FolderRow>(panel, 'folders')).some((f) => f.name === 'Skills Assessment'), {
      message: 'deleted in IndexedDB',
    });
    const tombstones = await readTable<{ table: string }>(panel, 'tombstones');
    expect(tombstones.filter((t) => t.table === 'folders')).toHaveLength(1);
  });
});

describe('labels', () => {
  it('creates a label, refusing a,b, a 10,000-character name and a duplicate', async () => {
    const labels = region('Labels');
    const name = labels.getByRole('textbox', { name: 'New label' });
    const add = labels.getByRole('button', { name: 'Add label' });
    const alert = labels.getByRole('alert');

    await name.fill('a,b');
    await add.click();
    await waitFor(() => alert.isVisible(), { message: 'the comma refusal' });
    expect(await alert.textContent()).toContain('cannot contain “,”');

    await name.fill('x'.repeat(10_000));
    await add.click();
    await waitFor(async () => (await alert.textContent())?.includes('at most 50 characters (this one has 10,000)'), {
      message: 'the length refusal',
    });

    const existing = (await readTable<LabelRow>(panel, 'labels'))[0]!;
    await name.fill(` ${existing.name.toUpperCase()} `);
    await add.click();
    await waitFor(async () => (await alert.textContent())?.includes(`There is already a label called “${existing.name}”.`), {
      message: 'the duplicate refusal',
    });

    await name.fill('  Weekend   Crew ');
    await labels.getByRole('radiogroup', { name: 'Color of the new label' }).getByRole('radio', { name: 'Green' }).check();
    await add.click();
    await waitFor(() => row('Labels', 'Weekend Crew').isVisible(), { message: 'the new label' });
    const stored = (await readTable<LabelRow>(panel, 'labels')).find((l) => l.name === 'Weekend Crew');
    expect(stored).toMatchObject({ nameKey: 'weekend crew', color: '#059669' });
  });

  it('renames and recolors it', async () => {
    await row('Labels', 'Weekend Crew').getByRole('button', { name: 'Edit' }).click();
    const dialog = panel.getByRole('dialog', { name: 'Edit label' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Weekend crew (PH)');
    await dialog.getByRole('radiogroup', { name: 'Color' }).getByRole('radio', { name: 'Purple' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await gone(dialog, 'the edit dialog to close');
    await waitFor(() => row('Labels', 'Weekend crew (PH)').isVisible(), { message: 'the renamed label' });
    const stored = (await readTable<LabelRow>(panel, 'labels')).filter((l) => l.nameKey.startsWith('weekend crew'));
    expect(stored).toEqual([expect.objectContaining({ name: 'Weekend crew (PH)', nameKey: 'weekend crew (ph)', color: '#7c3aed' })]);
  });

  it('deletes a label carried by leads: the dialog says how many, and no lead carries it after', async () => {
    const all = await leads();
    const labels = await readTable<LabelRow>(panel, 'labels');
    const carried = (id: string) => all.filter((l) => l.labels.includes(id)).length;
    const target = labels.sort((a, b) => carried(b.id) - carried(a.id))[0]!;
    const count = carried(target.id);
    expect(count).toBeGreaterThan(1);

    await row('Labels', target.name).getByRole('button', { name: 'Delete' }).click();
    const dialog = panel.getByRole('dialog', { name: 'Delete label' });
    await waitFor(() => dialog.isVisible(), { message: 'the confirmation' });
    expect(await dialog.textContent()).toContain(`“${target.name}” is on ${count} leads; deleting it removes it from all of them.`);
    await dialog.getByRole('button', { name: 'Delete label' }).click();
    await gone(dialog, 'the delete dialog to close');
    await waitFor(async () => !(await readTable<LabelRow>(panel, 'labels')).some((l) => l.id === target.id), {
      message: 'deleted in IndexedDB',
    });
    expect((await leads()).filter((l) => l.labels.includes(target.id))).toEqual([]);
    await waitFor(() => panel.getByText(`Label “${target.name}” deleted and removed from ${count} leads.`).isVisible(), {
      message: 'the notice',
    });

    await row('Labels', 'Weekend crew (PH)').getByRole('button', { name: 'Delete' }).click();
    const second = panel.getByRole('dialog', { name: 'Delete label' });
    expect(await second.textContent()).toContain('“Weekend crew (PH)” is on no leads.');
    await second.getByRole('button', { name: 'Delete label' }).click();
    await gone(second, 'the second delete dialog to close');
  });
});

describe('custom fields and teammates', () => {
  it('adds, renames and (after confirming) deletes a custom field', async () => {
    const fields = region('Custom fields');
    await fields.getByRole('textbox', { name: 'New field' }).fill('Years in logistics');
    await fields.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Number' });
    await fields.getByRole('button', { name: 'Add field' }).click();
    await waitFor(() => row('Custom fields', 'Years in logistics').isVisible(), { message: 'the new field' });
    let defs = await readTable<{ key: string; label: string; type: string }>(panel, 'attributeDefs');
    expect(defs.find((d) => d.key === 'years_in_logistics')).toMatchObject({ label: 'Years in logistics', type: 'number' });

    await row('Custom fields', 'Years in logistics').getByRole('button', { name: 'Rename' }).click();
    const rename = panel.getByRole('dialog', { name: 'Rename custom field' });
    await rename.getByRole('textbox', { name: 'Field name' }).fill('Logistics experience (years)');
    await rename.getByRole('button', { name: 'Save' }).click();
    await gone(rename, 'the rename dialog to close');
    defs = await readTable(panel, 'attributeDefs');
    expect(defs.find((d) => d.key === 'years_in_logistics')?.label).toBe('Logistics experience (years)');

    await row('Custom fields', 'Logistics experience (years)').getByRole('button', { name: 'Delete' }).click();
    const confirm = panel.getByRole('dialog', { name: 'Delete custom field' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await gone(confirm, 'cancelled');
    expect((await readTable<{ key: string }>(panel, 'attributeDefs')).some((d) => d.key === 'years_in_logistics')).toBe(true);
    await row('Custom fields', 'Logistics experience (years)').getByRole('button', { name: 'Delete' }).click();
    await panel.getByRole('dialog', { name: 'Delete custom field' }).getByRole('button', { name: 'Delete field' }).click();
    await waitFor(
      async () => !(await readTable<{ key: string }>(panel, 'attributeDefs')).some((d) => d.key === 'years_in_logistics'),
      { message: 'deleted in IndexedDB' },
    );
  });

  it('lists teammates, and the Owner adds one', async () => {
    const team = region('Teammates');
    expect(await team.getByRole('listitem').count()).toBeGreaterThan(1);
    await team.getByRole('textbox', { name: 'Name' }).fill('Bea Santos');
    await team.getByRole('textbox', { name: 'Email' }).fill('bea.santos@example.com');
    await team.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Limited Manager' });
    await team.getByRole('button', { name: 'Add teammate' }).click();
    await waitFor(() => row('Teammates', 'Bea Santos').isVisible(), { message: 'the new teammate' });
    expect(await row('Teammates', 'Bea Santos').textContent()).toContain('Limited Manager');
    const users = await readTable<{ name: string; email: string; role: string }>(panel, 'users');
    expect(users.find((u) => u.email === 'bea.santos@example.com')).toMatchObject({ name: 'Bea Santos', role: 'limited_manager' });
  });
});

describe('acting as a Limited Manager', () => {
  it('shows every list read-only with the reason, every management control disabled', async () => {
    const options = await ext.openExtensionPage('options.html');
    const role = options.getByRole('combobox', { name: 'Act as role' });
    await role.selectOption({ label: 'Limited Manager' });
    await waitFor(() => panel.getByText('Acting as Limited Manager').isVisible(), { message: 'the badge' });

    for (const section of ['Campaigns', 'Folders', 'Labels', 'Custom fields']) {
      expect(await region(section).getByText(/^Only owners and managers can .* You can view this list\.$/).isVisible()).toBe(true);
    }
    expect(await region('Teammates').getByText('Only the owner can add teammates. You can view this list.').isVisible()).toBe(true);

    const screen = panel.getByRole('tabpanel');
    const names = ['New campaign', 'Rename', 'Close', 'Move up', 'Move down', 'Delete', 'Edit', 'Add folder', 'Add label', 'Add field', 'Add teammate'];
    let checked = 0;
    for (const name of names) {
      for (const button of await screen.getByRole('button', { name, exact: true }).all()) {
        expect(await button.isDisabled()).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(await region('Folders').getByRole('textbox', { name: 'New folder' }).isDisabled()).toBe(true);
    // The lists themselves are still there to read.
    expect(await row('Folders', 'Inbox').isVisible()).toBe(true);

    await role.selectOption({ label: 'Manager' });
    await waitFor(() => panel.getByText('Acting as Manager').isVisible(), { message: 'the Manager badge' });
    expect(await region('Folders').getByRole('button', { name: 'Add folder' }).isEnabled()).toBe(true);
    expect(await region('Teammates').getByRole('button', { name: 'Add teammate' }).isDisabled()).toBe(true);
    await role.selectOption({ index: 0 });
    await options.close();
  });

  it('logged no errors in the panel', () => {
    expect(consoleLog.errors).toEqual([]);
  });
});

describe('No Response rule', () => {
  it('asks for the alarms permission and schedules a daily alarm', async () => {
    expect(ext.manifest.permissions).toContain('alarms');
    const alarm = await waitFor(
      () =>
        ext.serviceWorker.evaluate(() =>
          chrome.alarms.get('leadside:no-response').then((a) => (a ? { periodInMinutes: a.periodInMinutes } : null)),
        ),
      { message: 'the alarm' },
    );
    expect(alarm).toEqual({ periodInMinutes: 24 * 60 });
  });

  it('moves a lead silent for 30 days to No Response when the service worker starts a day after the last run', async () => {
    const DAY = 24 * 60 * 60 * 1000;
    const campaign = (await readTable<CampaignRow>(panel, 'campaigns'))[0]!;
    // Rows written straight into IndexedDB: adding a lead dated 30 days back has no UI.
    await panel.evaluate(
      async ({ campaignId, DAY }) => {
        const now = Date.now();
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('leadside');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('open failed'));
        });
        const tx = db.transaction(['candidates', 'leads'], 'readwrite');
        const candidate = (id: string, firstName: string) => ({
          id, ref: `C-${id}`, firstName, lastName: 'E2E', createdAt: now, updatedAt: now,
        });
        const lead = (id: string, candidateId: string, days: number) => ({
          id, ref: `A-${id}`, candidateId, campaignId, folderId: 'inbox', source: 'Manual', labels: [], attributes: {},
          answers: [], attachments: [], addedAt: now - days * DAY, lastActivityAt: now - days * DAY, updatedAt: now,
        });
        tx.objectStore('candidates').put(candidate('e2e-silent', 'Silent'));
        tx.objectStore('candidates').put(candidate('e2e-recent', 'Recent'));
        tx.objectStore('leads').put(lead('e2e-lead-silent', 'e2e-silent', 30));
        tx.objectStore('leads').put(lead('e2e-lead-recent', 'e2e-recent', 5));
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        });
        db.close();
      },
      { campaignId: campaign.id, DAY },
    );
    // The last run was more than a day ago: the start-up catch-up runs the sweep.
    await ext.serviceWorker.evaluate(
      (at) => chrome.storage.local.set({ noResponseLastRunAt: at }),
      Date.now() - 2 * DAY,
    );
    await ext.restartServiceWorker();

    const moved = await waitFor(
      async () => (await leads()).find((l) => l.id === 'e2e-lead-silent' && l.folderId === 'no_response'),
      { timeout: 15_000, message: 'the silent lead in No Response' },
    );
    expect(moved).toBeTruthy();
    expect((await leads()).find((l) => l.id === 'e2e-lead-recent')?.folderId).toBe('inbox');
    const activities = await readTable<{ leadId?: string; actorId: string; what: string; before: unknown; after: unknown }>(panel, 'activities');
    expect(activities.filter((a) => a.leadId === 'e2e-lead-silent')).toEqual([
      expect.objectContaining({
        actorId: 'system',
        what: 'lead.moved',
        before: { folderId: 'inbox' },
        after: { folderId: 'no_response' },
      }),
    ]);
    const messages = await readTable<{ leadId?: string; kind: string; sender: string; channel: string; status: string; body: string }>(
      panel,
      'messages',
    );
    expect(messages.filter((m) => m.leadId === 'e2e-lead-silent')).toEqual([
      expect.objectContaining({
        kind: 'event',
        sender: 'system',
        channel: 'sms',
        status: 'delivered',
        body: 'Moved to No Response after 21 days without a reply',
      }),
    ]);
    const lastRun = await ext.serviceWorker.evaluate(() =>
      chrome.storage.local.get('noResponseLastRunAt').then((v) => v.noResponseLastRunAt as number),
    );
    expect(Date.now() - lastRun).toBeLessThan(60_000);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
