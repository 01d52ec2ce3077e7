// Bulk actions as resumable jobs, in Chromium with the built extension (test build). The jobs
// run in the service worker; a test-build-only pause between chunks (storage key
// devJobChunkDelayMs) lets a test act between two chunks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, readTable, waitFor, type ExtensionHandle } from './harness';
import type { ActivityRow, JobRow, LeadRow } from './rows';
import { seedLeads } from './panel';

const LEADS = 1200;
let ext: ExtensionHandle;
let page: Page;

const countText = () => page.getByRole('status').filter({ hasText: /^\d[\d,]* leads?/ });

async function setChunkDelay(ms: number): Promise<void> {
  await page.evaluate(async (delay) => chrome.storage.local.set({ devJobChunkDelayMs: delay }), ms);
}

async function jobs(): Promise<JobRow[]> {
  return (await readTable<JobRow>(page, 'jobs')).sort((a, b) => (a.id < b.id ? -1 : 1));
}

async function lastJob(): Promise<JobRow> {
  return (await jobs()).at(-1)!;
}

async function selectAll(): Promise<void> {
  await page.getByRole('checkbox', { name: 'Select all' }).check();
  await waitFor(async () => (await page.getByRole('region', { name: 'Bulk actions' }).getByRole('status').textContent()) === `${LEADS.toLocaleString('en-US')} selected`, { message: 'all selected' });
}

async function folderCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const l of await readTable<LeadRow>(page, 'leads')) counts[l.folderId] = (counts[l.folderId] ?? 0) + 1;
  return counts;
}

beforeAll(async () => {
  ext = await launchExtension();
  await seedLeads(ext, LEADS);
  page = await ext.openSidePanel();
  await waitFor(async () => (await countText().textContent())?.trim() === `${LEADS.toLocaleString('en-US')} leads`, {
    timeout: 20_000,
    message: 'the seeded leads listed',
  });
});

afterAll(async () => {
  await ext?.close();
});

describe('bulk actions', () => {
  it('moves 1,200 leads with a visible progress bar, then undoes exactly that move', async () => {
    const before = await readTable<LeadRow>(page, 'leads');
    await setChunkDelay(400);
    await selectAll();
    await page.getByRole('button', { name: 'Hire', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Hire' });
    expect(await dialog.getByText(`This acts on ${LEADS.toLocaleString('en-US')} leads.`, { exact: false }).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: /^Move 1,200 leads to Hired$/ }).click();

    const progress = page.getByRole('progressbar', { name: /Progress: Move 1,200 leads to Hired/ });
    await waitFor(() => progress.isVisible(), { message: 'the progress bar' });
    await waitFor(async () => (await lastJob()).status === 'done', { timeout: 30_000, message: 'the job to finish' });
    const job = await lastJob();
    const alreadyHired = before.filter((l) => l.folderId === 'hired').length;
    expect(job.counts).toEqual({ done: LEADS - alreadyHired, skipped: alreadyHired, failed: 0 });
    expect((await folderCounts()).hired).toBe(LEADS);
    await waitFor(async () => (await page.getByRole('combobox', { name: 'Folder' }).locator('option', { hasText: /^Hired/ }).textContent()) === `Hired (${LEADS})`, { message: 'folder count follows' });
    // The bulk bar is free for the next selection.
    expect(await page.getByRole('region', { name: 'Bulk actions' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Undo' }).first().click();
    await waitFor(async () => (await lastJob()).kind === 'undo' && (await lastJob()).status === 'done', {
      timeout: 30_000,
      message: 'the undo to finish',
    });
    const after = new Map((await readTable<LeadRow>(page, 'leads')).map((l) => [l.id, l.folderId]));
    expect(before.every((l) => after.get(l.id) === l.folderId)).toBe(true);
  });

  it('cancels a running job halfway with an honest summary', async () => {
    await setChunkDelay(1500);
    const shortlistedBefore = (await folderCounts()).shortlisted ?? 0;
    await selectAll();
    await page.getByRole('button', { name: 'Shortlist', exact: true }).click();
    await page.getByRole('dialog', { name: 'Shortlist' }).getByRole('button', { name: /^Move 1,200 leads to Shortlisted$/ }).click();
    await waitFor(async () => (await lastJob()).cursor >= 500, { timeout: 20_000, message: 'the first chunk' });
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await waitFor(async () => (await lastJob()).status === 'cancelled', { timeout: 20_000, message: 'cancelled' });
    const job = await lastJob();
    const shortlisted = (await folderCounts()).shortlisted ?? 0;
    expect(job.counts.done + job.counts.skipped).toBe(job.cursor);
    expect(job.cursor).toBeLessThan(LEADS);
    // Counts match the database: shortlisted now = those that were there before + those moved.
    expect(shortlisted).toBe(shortlistedBefore + job.counts.done);
    await waitFor(() => page.getByText('cancelled', { exact: true }).first().isVisible(), { message: 'status shown' });
  });

  it('finishes a job whose service worker was stopped between chunks, every lead exactly once', async () => {
    await setChunkDelay(1500);
    await selectAll();
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Move to folder…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move to folder' });
    await dialog.getByRole('combobox', { name: 'Folder' }).selectOption({ label: 'Completed' });
    await dialog.getByRole('button', { name: /^Move 1,200 leads to Completed$/ }).click();
    await waitFor(async () => (await lastJob()).cursor >= 500, { timeout: 20_000, message: 'the first chunk' });

    await ext.stopServiceWorker();
    const stopped = await lastJob();
    expect(stopped.status).toBe('running');
    await new Promise((r) => setTimeout(r, 2500));
    // Nothing runs while the worker is stopped.
    expect((await lastJob()).cursor).toBe(stopped.cursor);

    // Closing and reopening the panel picks the job up again (it wakes the worker).
    await page.close();
    await setChunkDelayOn(await ext.openExtensionPage('options.html'), 0);
    page = await ext.openSidePanel();
    await waitFor(async () => (await lastJob()).status === 'done', { timeout: 30_000, message: 'the job to resume and finish' });
    const job = await lastJob();
    expect(job.counts.done + job.counts.skipped).toBe(LEADS);
    expect((await folderCounts()).completed).toBe(LEADS);
    const activities = (await readTable<ActivityRow>(page, 'activities')).filter((a) => a.jobId === job.id);
    expect(activities).toHaveLength(job.counts.done);
    expect(new Set(activities.map((a) => a.leadId)).size).toBe(job.counts.done);
  });

  it('rejects with a reason that the profile shows', async () => {
    await setChunkDelay(0);
    const first = page.getByRole('list', { name: 'Leads' }).getByRole('listitem').first();
    const name = (await first.getByRole('button').nth(1).textContent())!.trim();
    await first.getByRole('button', { name: /^Select / }).click();
    await page.getByRole('button', { name: 'Reject', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject' });
    await dialog.getByRole('combobox', { name: 'Reason' }).selectOption('Position filled');
    await dialog.getByRole('button', { name: 'Reject 1 lead' }).click();
    await waitFor(async () => (await lastJob()).status === 'done', { timeout: 20_000, message: 'rejected' });
    await page.getByRole('button', { name, exact: true }).first().click();
    const profile = page.getByRole('dialog', { name });
    await waitFor(() => profile.getByText('Position filled').isVisible(), { message: 'the reason on the profile' });
    await profile.getByRole('button', { name: /^Close (profile|preview)$/ }).click();
    await waitFor(async () => (await profile.count()) === 0, { message: 'the profile to close' });
  });

  it('moving to another campaign reports the person already there', async () => {
    const leads = await readTable<LeadRow>(page, 'leads');
    const campaigns = await readTable<{ id: string; name: string; status: string }>(page, 'campaigns');
    const target = campaigns.find((c) => c.status === 'open' && leads.some((l) => l.campaignId === c.id))!;
    // Two leads outside the target campaign; the person of one already has a lead in it.
    const inTarget = new Set(leads.filter((l) => l.campaignId === target.id).map((l) => l.candidateId));
    const blocked = leads.find((l) => l.campaignId !== target.id && inTarget.has(l.candidateId));
    const free = leads.find((l) => l.campaignId !== target.id && !inTarget.has(l.candidateId))!;
    expect(free).toBeDefined();
    expect(blocked).toBeDefined(); // sample people apply to two campaigns
    const picked = [free, blocked!];
    // Select both by searching their application IDs: a selection survives a new search.
    const search = page.getByRole('searchbox', { name: 'Search candidates' });
    for (const lead of picked) {
      await search.fill(lead.ref);
      const row = page.getByRole('list', { name: 'Leads' }).getByRole('listitem');
      await waitFor(async () => (await row.count()) === 1, { message: `the row of ${lead.ref}` });
      await row.getByRole('button', { name: /^Select / }).click();
    }
    await search.fill('');
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: 'Move to another campaign…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move to another campaign' });
    await dialog.getByRole('combobox', { name: 'Campaign' }).selectOption({ label: target.name });
    expect(await dialog.getByText('1 already have an application in', { exact: false }).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: /^Move 2 leads to / }).click();
    await waitFor(async () => (await lastJob()).status === 'done', { timeout: 20_000, message: 'moved' });
    const job = await lastJob();
    expect(job.counts.done).toBe(1);
    expect(job.errors).toEqual([{ id: blocked!.id, reason: 'Already has an application in that campaign', kind: 'skipped' }]);
    expect((await readTable<LeadRow>(page, 'leads')).find((l) => l.id === blocked!.id)!.campaignId).toBe(blocked!.campaignId);
    await waitFor(async () => (await page.getByText('Skipped: Already has an application in that campaign (1)').count()) > 0, {
      message: 'the reason in the summary',
    });
    expect((await readTable<LeadRow>(page, 'leads')).find((l) => l.id === free.id)!.campaignId).toBe(target.id);
  });
});

async function setChunkDelayOn(p: Page, ms: number): Promise<void> {
  await p.evaluate(async (delay) => chrome.storage.local.set({ devJobChunkDelayMs: delay }), ms);
  await p.close();
}
