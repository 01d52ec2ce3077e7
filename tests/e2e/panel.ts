/**
 * Setting the side panel up for a test: generated leads through the test build's seeding page,
 * or the sample workspace through the empty state's button, and the list's lead count.
 */
import type { Locator, Page } from 'playwright-core';
import { waitFor, type ExtensionHandle } from './harness';

/** The list's count line ("500 leads", "1 lead"). */
export function leadCountStatus(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /^\d[\d,]* leads?/ });
}

export async function leadCountText(page: Page): Promise<string> {
  return (await leadCountStatus(page).textContent())?.trim() ?? '';
}

/** "Load sample data" on the empty panel, then waits for its 500 leads in the list. */
export async function loadSampleData(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await waitFor(async () => (await leadCountText(page)) === '500 leads', { timeout: 20_000, message: '500 sample leads listed' });
}

/** `count` generated leads, written through the app's own mutations (test builds' bench.html). */
export async function seedLeads(ext: ExtensionHandle, count: number): Promise<void> {
  const seeder = await ext.openExtensionPage('bench.html');
  await seeder.waitForFunction(() => document.title === 'Leadside bench ready');
  await seeder.evaluate((n) => (globalThis as unknown as { leadsideBench: { seed(n: number): Promise<unknown> } }).leadsideBench.seed(n), count);
  await seeder.close();
}

/**
 * Options → "Act as role" (dev and test builds), then waits for the panel to follow: its
 * "Acting as …" badge, or no badge for yourself (null).
 */
export async function actAsRole(ext: ExtensionHandle, panel: Page, label: 'Manager' | 'Limited Manager' | null): Promise<void> {
  const options = await ext.openExtensionPage('options.html');
  try {
    const role = options.getByRole('combobox', { name: 'Act as role' });
    await role.waitFor();
    if (label) await role.selectOption({ label });
    else await role.selectOption({ index: 0 });
    await waitFor(async () => (await options.getByRole('status').textContent()) === 'Preferences saved.', { message: 'the preference saved' });
  } finally {
    await options.close();
  }
  if (label) await waitFor(() => panel.getByText(`Acting as ${label}`).isVisible(), { message: `acting as ${label}` });
  else await waitFor(async () => (await panel.getByText(/^Acting as/).count()) === 0, { message: 'acting as yourself' });
}
