// First run, your profile, and roles: a fresh browser profile with the built extension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectConsole, launchExtension, readTable, waitFor, type ExtensionHandle } from './harness';
import type { UserRow } from './rows';

let ext: ExtensionHandle;
let panel: Page;

beforeAll(async () => {
  ext = await launchExtension();
  panel = await ext.openSidePanel();
});

afterAll(async () => {
  await ext?.close();
});

describe('first run', () => {
  it('creates a workspace with the seven default folders and offers sample data or a campaign', async () => {
    const errors = collectConsole(panel);
    await waitFor(() => panel.getByRole('heading', { name: 'Welcome to Leadside' }).isVisible(), {
      message: 'the empty state',
    });
    expect(await panel.getByRole('button', { name: 'Load sample data' }).isEnabled()).toBe(true);
    expect(await panel.getByRole('button', { name: 'New campaign' }).isEnabled()).toBe(true);
    const folders = await readTable<{ id: string; name: string; order: number; kind: string }>(panel, 'folders');
    expect(folders.sort((a, b) => a.order - b.order).map((f) => f.name)).toEqual([
      'Inbox',
      'Completed',
      'Shortlisted',
      'On Hold',
      'Hired',
      'Rejected',
      'No Response',
    ]);
    expect(folders.every((f) => f.kind === 'default')).toBe(true);
    const users = await readTable<UserRow>(panel, 'users');
    expect(users).toHaveLength(1);
    expect(users[0]!.role).toBe('owner');
    expect(await readTable(panel, 'workspaces')).toHaveLength(1);
    expect(errors.errors).toEqual([]);
  });

  it('creates a first campaign, refusing one without a job title', async () => {
    await panel.getByRole('button', { name: 'New campaign' }).click();
    const dialog = panel.getByRole('dialog', { name: 'New campaign' });
    await dialog.getByRole('button', { name: 'Create campaign' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe('A campaign needs a job title.');
    expect(await readTable(panel, 'campaigns')).toHaveLength(0);

    await dialog.getByRole('textbox', { name: 'Job title' }).fill('  Barista   (weekends) ');
    await dialog.getByRole('textbox', { name: 'Location' }).fill('Makati, Metro Manila');
    await dialog.getByRole('button', { name: 'Create campaign' }).click();
    await waitFor(async () => (await dialog.count()) === 0, { message: 'the dialog to close' });

    const campaigns = await readTable<{ name: string; location: string; status: string; ref: string }>(panel, 'campaigns');
    expect(campaigns).toEqual([
      expect.objectContaining({ name: 'Barista (weekends)', location: 'Makati, Metro Manila', status: 'open' }),
    ]);
    expect(campaigns[0]!.ref).toMatch(/^J-\d+$/);
    // The Leads tab replaces the welcome screen, with the new campaign in the picker.
    await panel.getByRole('button', { name: /^Campaigns:/ }).click();
    expect(await panel.getByRole('checkbox', { name: /^Barista \(weekends\)/ }).isVisible()).toBe(true);
    await panel.keyboard.press('Escape');
    expect(await panel.getByText('No leads match.', { exact: false }).isVisible()).toBe(true);
  });
});

describe('settings', () => {
  let options: Page;

  beforeAll(async () => {
    options = await ext.openExtensionPage('options.html');
    await waitFor(() => options.getByRole('heading', { name: 'Your profile' }).isVisible(), { message: 'options' });
  });

  it('edits your profile (your User row), refusing a malformed email', async () => {
    await options.getByRole('textbox', { name: 'Name' }).fill('Ana Reyes');
    await options.getByRole('textbox', { name: 'Email' }).fill('ana at example');
    await options.getByRole('button', { name: 'Save profile' }).click();
    expect(await options.getByRole('alert').textContent()).toContain('That email address does not look right');
    let self = (await readTable<UserRow>(options, 'users')).find((u) => u.isSelf)!;
    expect(self.name).toBe('You');

    await options.getByRole('textbox', { name: 'Email' }).fill('ana.reyes@example.com');
    await options.getByRole('button', { name: 'Save profile' }).click();
    await waitFor(() => options.getByText('Profile saved.').isVisible(), { message: 'saved' });
    self = (await readTable<UserRow>(options, 'users')).find((u) => u.isSelf)!;
    expect(self).toMatchObject({ name: 'Ana Reyes', email: 'ana.reyes@example.com', role: 'owner' });
    // The save is a named mutation with its outbox record.
    const outbox = await readTable<{ mutation: string; actorId: string }>(options, 'outbox');
    expect(outbox.filter((o) => o.mutation === 'updateSelf')).toEqual([
      expect.objectContaining({ mutation: 'updateSelf', actorId: self.id }),
    ]);
  });

  it('acts as a Limited Manager in test builds: the side panel follows and refuses campaign creation', async () => {
    const role = options.getByRole('combobox', { name: 'Act as role' });
    await role.selectOption({ label: 'Limited Manager' });
    await waitFor(() => panel.getByText('Acting as Limited Manager').isVisible(), { message: 'the badge' });
    expect(await panel.getByRole('button', { name: 'New campaign' }).isDisabled()).toBe(true);

    await role.selectOption({ label: 'Manager' });
    await waitFor(() => panel.getByText('Acting as Manager').isVisible(), { message: 'the badge' });
    expect(await panel.getByRole('button', { name: 'New campaign' }).isEnabled()).toBe(true);

    await role.selectOption({ index: 0 });
    await waitFor(async () => (await panel.getByText(/^Acting as/).count()) === 0, { message: 'no badge' });
    // The stored role never changed: acting is a view, not a promotion.
    const self = (await readTable<UserRow>(options, 'users')).find((u) => u.isSelf)!;
    expect(self.role).toBe('owner');
  });

  it('falls back to defaults when stored settings are damaged', async () => {
    await options.evaluate(async () => {
      await chrome.storage.local.set({ settings: { defaultCountry: 'XX', actAsRole: 'emperor' } });
    });
    await options.reload();
    await waitFor(() => options.getByRole('heading', { name: 'Preferences' }).isVisible(), { message: 'options' });
    expect(await options.getByRole('combobox', { name: 'Default phone country' }).inputValue()).toBe('PH');
    expect(await options.getByRole('combobox', { name: 'Act as role' }).inputValue()).toBe('');
  });
});
