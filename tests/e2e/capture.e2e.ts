// Capture from LinkedIn and Facebook profiles (issue 7), in Chromium with the built extension.
// The two sites are served under their real host names with context.route (serveSite), from
// tests/fixtures/<site>/; in-page navigation is done the way the sites' SPAs do it
// (history.pushState plus a new main region). The in-page UI is in an open shadow root, which
// Playwright's role locators pierce. No manifest patch: the build's own host permissions apply.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectConsole, fixturePath, launchExtension, readTable, serveSite, waitFor, type ExtensionHandle } from './harness';
import type { CandidateRow, LeadRow } from './rows';

const HUGE = `&lt;img src=x onerror=alert(9)&gt;${'A'.repeat(1024 * 1024)}`;

const LINKEDIN: Record<string, string> = {
  'ana-reyes-12ab': 'profile-classic-topcard-2026-11-20.html',
  'ben-santos-99': 'profile-newer-layout-contact-dialog-2026-11-20.html',
  'eve-hostile': 'profile-hostile-2026-11-20.html',
  'hidden-member': 'profile-unrecognised-2026-11-20.html',
};
const FACEBOOK: Record<string, string> = {
  'jose.rizal.demo': 'profile-username-2026-11-20.html',
  'profile.php?id=100012345678901': 'profile-php-id-2026-11-20.html',
};

function fixture(site: 'linkedin' | 'facebook', file: string): string {
  return readFileSync(fixturePath(site, file), 'utf8').split('HEADLINE_PLACEHOLDER').join(HUGE);
}

let ext: ExtensionHandle;
let page: Page;
const dialogs: string[] = [];
/** Requests for photos on LinkedIn's and Facebook's CDNs: the URL and its Referer header, if any. */
const photoRequests: { url: string; referer: string | undefined }[] = [];
// A 1×1 PNG, for the CDN photos.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

beforeAll(async () => {
  ext = await launchExtension();
  await serveSite(ext.context, 'www.linkedin.com', ({ url }) => {
    if (url.pathname === '/feed/') return '<title>Feed | LinkedIn</title><main><h1>Feed</h1></main>';
    const vanity = /^\/in\/([^/]+)/.exec(url.pathname)?.[1]?.toLowerCase();
    const file = vanity ? LINKEDIN[vanity] : undefined;
    return file ? fixture('linkedin', file) : null;
  });
  await serveSite(ext.context, 'www.facebook.com', ({ url }) => {
    const key = url.pathname === '/profile.php' ? `profile.php?id=${url.searchParams.get('id')}` : url.pathname.split('/')[1]?.toLowerCase();
    const file = key ? FACEBOOK[key] : undefined;
    return file ? fixture('facebook', file) : null;
  });
  for (const host of ['media.licdn.com', 'scontent.xx.fbcdn.net']) {
    await serveSite(ext.context, host, ({ url, headers }) => {
      photoRequests.push({ url: url.href, referer: headers['referer'] });
      return { contentType: 'image/png', body: PNG };
    });
  }
  page = await ext.context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await ext?.close();
});

/** Does what the site's SPA does on a link click: a new URL by pushState and a new page body. */
async function navigateInPage(target: Page, path: string, html: string): Promise<void> {
  await target.evaluate(
    ({ path, html }) => {
      const next = new DOMParser().parseFromString(html, 'text/html');
      history.pushState({}, '', path);
      document.title = next.title;
      document.body.replaceWith(document.adoptNode(next.body));
    },
    { path, html },
  );
}

const card = (name: string | RegExp) => page.getByRole('dialog', { name });

async function candidates(): Promise<CandidateRow[]> {
  return readTable<CandidateRow>(ext, 'candidates');
}

describe('LinkedIn capture', () => {
  it('adds a profile to a campaign created inline, with source LinkedIn', async () => {
    // The fixtures' own images point at CDN hosts that do not resolve here: not ours.
    const console = collectConsole(page, { ignore: [/Failed to load resource/] });
    await page.goto('https://www.linkedin.com/in/ana-reyes-12ab/?originalSubdomain=ph');
    const button = page.getByRole('button', { name: 'Add to Leadside' });
    await button.click({ timeout: 15_000 });
    const dialog = card('Add to Leadside');
    expect(await dialog.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Ana');
    expect(await dialog.getByRole('textbox', { name: 'Last name' }).inputValue()).toBe('Reyes');
    expect(await dialog.getByRole('textbox', { name: 'Company' }).inputValue()).toBe('Northwind Traders');
    expect(await dialog.getByRole('textbox', { name: 'About' }).inputValue()).toBe('I help product teams hire thoughtfully across Southeast Asia.');
    // A typed website that is not a web address is refused by the background, nothing written.
    const websites = dialog.getByRole('textbox', { name: 'Websites (one a line)' });
    await websites.fill('ana.example.org\njavascript:alert(1)');
    // No campaign yet: the card offers a new one inline.
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Campaign' }).inputValue()).toBe('__new__');
    await dialog.getByRole('textbox', { name: 'New campaign name' }).fill('Capture test campaign');
    expect(await dialog.getByRole('combobox', { name: 'Folder' }).locator('option:checked').textContent()).toBe('Inbox');
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Met at the job fair');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.getByRole('alert').filter({ hasText: '“javascript:alert(1)” is not a web address' }).waitFor({ timeout: 10_000 });
    expect(await candidates()).toEqual([]);
    await websites.fill('ana.example.org');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await card('Added to Capture test campaign').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Already in Leadside · Inbox' }).waitFor();

    const ana = (await candidates()).find((c) => c.firstName === 'Ana')!;
    expect(ana).toMatchObject({
      lastName: 'Reyes',
      linkedinUrl: 'https://www.linkedin.com/in/ana-reyes-12ab',
      headline: 'Senior Talent Acquisition Partner at Northwind Traders | Hiring engineers',
      company: 'Northwind Traders',
      about: 'I help product teams hire thoughtfully across Southeast Asia.',
      websites: ['https://ana.example.org/'],
      photo: 'https://media.licdn.com/dms/image/ana-reyes-400.jpg',
    });
    const leads = (await readTable<LeadRow>(ext, 'leads')).filter((l) => l.candidateId === ana.id);
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ source: 'LinkedIn', folderId: 'inbox' });
    const comments = await readTable<{ leadId: string; body: string }>(ext, 'comments');
    expect(comments.find((c) => c.leadId === leads[0]!.id)?.body).toBe('Met at the job fair');
    expect(console.errors).toEqual([]);
    console.stop();
  });

  it('"Open in side panel" opens that lead in the panel, which lists it with source LinkedIn', async () => {
    await page.getByRole('button', { name: 'Open in side panel' }).click();
    // Chromium (new headless) really opens the side panel: its page appears as a CDP target, and
    // its boot consumes the lead the background left in storage.session.
    const cdp = await ext.browserSession();
    const realPanel = await waitFor(
      async () =>
        ((await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] }).targetInfos.find(
          (t) => t.url === ext.url('sidepanel.html'),
        ),
      { timeout: 10_000, message: 'the side panel to open' },
    );
    await waitFor(
      async () => (await ext.serviceWorker.evaluate(async () => (await chrome.storage.session.get('openLead'))['openLead'] ?? null)) === null,
      { timeout: 10_000, message: 'the panel to take the lead from storage.session' },
    );
    // The same hook in a panel page Playwright can read (the real panel closed first, or it
    // would take the lead again): it boots on that lead's profile.
    await cdp.send('Target.closeTarget', { targetId: realPanel.targetId });
    await waitFor(
      async () =>
        !((await cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] }).targetInfos.some((t) => t.url === ext.url('sidepanel.html')),
      { timeout: 5_000, message: 'the real side panel to close' },
    );
    const leadId = (await readTable<LeadRow>(ext, 'leads')).find((l) => l.source === 'LinkedIn')!.id;
    await ext.serviceWorker.evaluate(async (id) => chrome.storage.session.set({ openLead: id }), leadId);
    const panel = await ext.openSidePanel();
    const profile = panel.getByRole('dialog', { name: /Ana Reyes/ });
    await profile.waitFor({ timeout: 15_000 });
    // What capture stored, shown: About as text, the website as a safe link, the photo with no referrer.
    const about = profile.getByRole('region', { name: 'About' });
    expect(await about.textContent()).toContain('I help product teams hire thoughtfully across Southeast Asia.');
    const site = profile.getByRole('list', { name: 'Websites' }).getByRole('link', { name: 'ana.example.org' });
    expect(await site.getAttribute('href')).toBe('https://ana.example.org/');
    expect(await site.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await site.getAttribute('target')).toBe('_blank');
    const photo = profile.getByRole('img', { name: 'Photo of Ana Reyes' });
    expect(await photo.getAttribute('src')).toBe('https://media.licdn.com/dms/image/ana-reyes-400.jpg');
    expect(await photo.getAttribute('referrerpolicy')).toBe('no-referrer');
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    const fromPanel = photoRequests.filter((r) => r.url === 'https://media.licdn.com/dms/image/ana-reyes-400.jpg');
    expect(fromPanel.length).toBeGreaterThan(0);
    expect(fromPanel.every((r) => r.referer === undefined || r.referer.startsWith('https://www.linkedin.com/'))).toBe(true);
    await panel.getByRole('button', { name: 'Close profile' }).click();
    await panel.getByRole('searchbox', { name: 'Search candidates' }).fill('Ana Reyes');
    const list = panel.getByRole('list', { name: 'Leads' });
    await list.getByRole('listitem').filter({ hasText: 'Ana Reyes' }).first().waitFor({ timeout: 15_000 });
    await panel.getByRole('button', { name: '+ Add filter' }).click();
    await panel.getByRole('menuitem', { name: 'Source' }).click();
    await panel.getByRole('group', { name: 'Source' }).getByRole('checkbox', { name: 'LinkedIn' }).check();
    await panel.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => list.getByRole('listitem').filter({ hasText: 'Ana Reyes' }).count()).toBe(1);
    await panel.close();
  });

  it('a revisit says "Already in Leadside" with the folder, and offers Open and Add to another campaign', async () => {
    await page.goto('https://www.linkedin.com/in/Ana-Reyes-12ab/details/experience/');
    await page.getByRole('button', { name: 'Already in Leadside · Inbox' }).click({ timeout: 15_000 });
    const dialog = card('Already in Leadside');
    await dialog.getByText('Capture test campaign · Inbox').waitFor();
    expect(await dialog.getByRole('button', { name: 'Open Capture test campaign' }).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Add to another campaign' }).click();
    // Same campaign again: refused, never a twin.
    await card('Add to another campaign').getByRole('button', { name: 'Add' }).click();
    await card('Add to another campaign').getByRole('alert').filter({ hasText: 'already has an application' }).waitFor();
    expect((await candidates()).filter((c) => c.firstName === 'Ana')).toHaveLength(1);
  });

  it('follows in-page navigation to another profile', async () => {
    await navigateInPage(page, '/in/ben-santos-99/', fixture('linkedin', LINKEDIN['ben-santos-99']!));
    await page.getByRole('button', { name: 'Add to Leadside' }).click({ timeout: 15_000 });
    const dialog = card('Add to Leadside');
    expect(await dialog.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Ben');
    expect(await dialog.getByRole('textbox', { name: 'Email' }).inputValue()).toBe('ben.santos@example.com');
    expect(await page.locator('leadside-capture').count()).toBe(1);
    // Leaving profiles: the button goes away.
    await navigateInPage(page, '/feed/', '<title>Feed | LinkedIn</title><main><h1>Feed</h1></main>');
    await waitFor(async () => (await page.locator('leadside-capture').count()) === 0, { timeout: 5_000, message: 'the button to go' });
  });

  it('a page it cannot read still opens the card, with the URL and title, saying so', async () => {
    await page.goto('https://www.linkedin.com/in/hidden-member/');
    await page.getByRole('button', { name: 'Add to Leadside' }).click({ timeout: 15_000 });
    const dialog = card('Add to Leadside');
    await dialog.getByText('Leadside could not read this profile').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Profile URL' }).inputValue()).toBe('https://www.linkedin.com/in/hidden-member');
    expect(await dialog.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('LinkedIn');
    expect(await dialog.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('');
  });

  it('hostile profile: no dialog, no console error, names stored as plain text and capped', async () => {
    // The fixtures' own images point at CDN hosts that do not resolve here: not ours.
    const console = collectConsole(page, { ignore: [/Failed to load resource/] });
    await page.goto('https://www.linkedin.com/in/eve-hostile/');
    await page.getByRole('button', { name: 'Add to Leadside' }).click({ timeout: 15_000 });
    const dialog = card('Add to Leadside');
    expect(await dialog.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Eve<img src=x onerror=alert(1)>');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await card('Added to Capture test campaign').waitFor({ timeout: 10_000 });
    const eve = (await candidates()).find((c) => c.linkedinUrl === 'https://www.linkedin.com/in/eve-hostile')!;
    expect(eve.firstName).toBe('Eve<img src=x onerror=alert(1)>');
    expect(eve.lastName).toBe('<script>alert(2)</script>Hacker');
    expect(eve.headline!.length).toBeLessThanOrEqual(200);
    expect(eve.photo).toBeUndefined();
    expect(await page.locator('leadside-capture img, leadside-capture script').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(console.errors).toEqual([]);
    console.stop();
  });
});

describe('Facebook capture', () => {
  it('adds a username profile to the existing campaign, with source Facebook', async () => {
    await page.goto('https://www.facebook.com/Jose.Rizal.Demo?ref=bookmarks');
    await page.getByRole('button', { name: 'Add to Leadside' }).click({ timeout: 15_000 });
    const dialog = card('Add to Leadside');
    expect(await dialog.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Jose');
    expect(await dialog.getByRole('combobox', { name: 'Campaign' }).locator('option:checked').textContent()).toBe('Capture test campaign');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await card('Added to Capture test campaign').waitFor({ timeout: 10_000 });
    const jose = (await candidates()).find((c) => c.firstName === 'Jose')!;
    expect(jose).toMatchObject({
      lastName: 'Rizal',
      facebookUrl: 'https://www.facebook.com/jose.rizal.demo',
      location: 'Calamba, Laguna',
      title: 'Software Developer',
      company: 'Adventure Works',
      photo: 'https://scontent.xx.fbcdn.net/v/jose-large.jpg',
    });
    const lead = (await readTable<LeadRow>(ext, 'leads')).find((l) => l.candidateId === jose.id)!;
    expect(lead.source).toBe('Facebook');
  });

  it('a revisit says "Already in Leadside"; in-page navigation to profile.php?id= follows', async () => {
    await page.goto('https://www.facebook.com/jose.rizal.demo/about');
    await page.getByRole('button', { name: 'Already in Leadside · Inbox' }).waitFor({ timeout: 15_000 });
    await navigateInPage(page, '/profile.php?id=100012345678901&sk=about', fixture('facebook', FACEBOOK['profile.php?id=100012345678901']!));
    await page.getByRole('button', { name: 'Add to Leadside' }).click({ timeout: 15_000 });
    expect(await card('Add to Leadside').getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Lorna');
    expect(dialogs).toEqual([]);
  });

  it('on a profile’s About tab, reads the bio, email, phone and websites, and stores them', async () => {
    // The About-tab fixture as someone not yet in Leadside (its person renamed).
    const html = fixture('facebook', 'profile-about-contact-2026-11-20.html')
      .split('jose.rizal.demo').join('maria.about.demo')
      .split('Jose Rizal').join('Maria Clara')
      .split('jose.rizal@example.com').join('maria.clara@example.com');
    const stop = await serveSite(ext.context, 'www.facebook.com', ({ url }) => (url.pathname.startsWith('/maria.about.demo/') ? html : null));
    try {
      const console = collectConsole(page, { ignore: [/Failed to load resource/] });
      await page.goto('https://www.facebook.com/maria.about.demo/about_contact_and_basic_info');
      await page.getByRole('button', { name: 'Add to Leadside' }).click({ timeout: 15_000 });
      const dialog = card('Add to Leadside');
      expect(await dialog.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Maria');
      expect(await dialog.getByRole('textbox', { name: 'Email' }).inputValue()).toBe('maria.clara@example.com');
      expect(await dialog.getByRole('textbox', { name: 'About' }).inputValue()).toBe('Full-stack developer in Laguna. Open to remote roles.');
      await dialog.getByRole('button', { name: 'Add' }).click();
      await card('Added to Capture test campaign').waitFor({ timeout: 10_000 });
      expect((await candidates()).find((c) => c.email === 'maria.clara@example.com')).toMatchObject({
        firstName: 'Maria',
        lastName: 'Clara',
        phone: '+639175550199',
        facebookUrl: 'https://www.facebook.com/maria.about.demo',
        about: 'Full-stack developer in Laguna. Open to remote roles.',
        websites: ['https://jose.example.dev/', 'https://www.instagram.com/maria.about.demo'],
      });
      expect(console.errors).toEqual([]);
      console.stop();
    } finally {
      await stop();
    }
  });
});
