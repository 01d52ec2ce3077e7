// @vitest-environment happy-dom
// The capture card with the real background handler behind it (fake IndexedDB): a profile whose
// URL Leadside does not know, but whose contact details (LinkedIn's contact-info overlay) name
// someone already in Leadside, is recognised when the card opens, before anything is typed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeCandidate, makeLead } from '../../tests/factories';
import { parse as parseLinkedIn } from '../../lib/sites/linkedin/parse';
import { startCaptureHandler } from '../../lib/platform/capture-handler';
import { openDatabase } from '../../lib/platform/database';
import { ensureWorkspace } from '../../lib/db/mutations/workspace';
import { createWidget } from './widget';

const FIXTURE = path.resolve(__dirname, '../../tests/fixtures/linkedin/profile-contact-overlay-classic-2026-11-20.html');
const PAGE = 'https://www.linkedin.com/in/joy-dc-second-account/overlay/contact-info/';

beforeAll(async () => {
  startCaptureHandler();
  // The content script's messages reach the handler as from a LinkedIn tab.
  browser.runtime.sendMessage = (async (message: unknown) => {
    const answers = (await fakeBrowser.runtime.onMessage.trigger(message, { id: browser.runtime.id, url: PAGE, tab: { id: 3, windowId: 1 } } as never, () => undefined)) as unknown[];
    return answers.find((a) => a !== undefined);
  });
  const db = openDatabase();
  await ensureWorkspace(db);
  // Joy is in Leadside already, by email, from another profile link.
  const joy = makeCandidate({ firstName: 'Joy', lastName: 'Dela Cruz', email: 'joy.delacruz@example.com', linkedinUrl: 'https://www.linkedin.com/in/joy-dela-cruz' });
  await db.candidates.add(joy);
  await db.leads.add(makeLead({ candidateId: joy.id, folderId: 'inbox' }));
});

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
};

describe('the capture card', () => {
  it('says "Already in Leadside" when the page’s email names someone known, though the URL is new', async () => {
    const doc = new DOMParser().parseFromString(readFileSync(FIXTURE, 'utf8'), 'text/html');
    const container = document.createElement('div');
    document.body.append(container);
    createWidget(container, { site: 'linkedin', read: () => parseLinkedIn(doc, PAGE), profileUrl: 'https://www.linkedin.com/in/joy-dc-second-account', pageUrl: PAGE, pageTitle: 'Joy | LinkedIn' });
    await settle();
    const button = container.querySelector('button')!;
    // The URL alone is unknown: the button offers to add.
    expect(button.textContent).toBe('Add to Leadside');
    button.click();
    await settle();
    expect(container.querySelector('#ls-title')?.textContent).toBe('Already in Leadside');
    expect(button.textContent).toBe('Already in Leadside · Inbox');
    expect(container.textContent).toContain('Add to another campaign');
  });
});
