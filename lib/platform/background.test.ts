import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { DAY_MS } from '../domain/no-response';
import { makeCandidate, makeLead } from '../../tests/factories';
import { NO_RESPONSE_ALARM, noResponseLastRunItem, startBackground, sweepNoResponse } from './background';
import { openDatabase } from './database';

const db = openDatabase();

async function oldInboxLead(days = 30) {
  const candidate = makeCandidate();
  const lead = makeLead({ candidateId: candidate.id, addedAt: Date.now() - days * DAY_MS });
  await db.candidates.add(candidate);
  await db.leads.add(lead);
  return lead;
}

const folderOf = async (id: string) => (await db.leads.get(id))?.folderId;

beforeEach(() => {
  fakeBrowser.reset();
  // fake-browser does not implement sidePanel (DESIGN §7): stubbed.
  browser.sidePanel.setPanelBehavior = vi.fn(() => Promise.resolve());
  // Nor commands and context-menu clicks (quick replies in any tab): stubbed.
  browser.commands.onCommand.addListener = vi.fn();
  browser.contextMenus.onClicked.addListener = vi.fn();
});

afterEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
});

describe('quick replies in any tab', () => {
  it('listens for the keyboard command and the context-menu item from the start', () => {
    startBackground();
    expect(browser.commands.onCommand.addListener).toHaveBeenCalledTimes(1);
    expect(browser.contextMenus.onClicked.addListener).toHaveBeenCalledTimes(1);
  });
});

describe('the No Response alarm', () => {
  it('schedules a daily alarm and sweeps at start-up when it never ran', async () => {
    const lead = await oldInboxLead();
    startBackground();
    await vi.waitFor(async () => expect(await folderOf(lead.id)).toBe('no_response'));
    const alarm = await browser.alarms.get(NO_RESPONSE_ALARM);
    expect(alarm?.periodInMinutes).toBe(24 * 60);
    await vi.waitFor(async () => expect(await noResponseLastRunItem.getValue()).toBeGreaterThan(Date.now() - 60_000));
  });

  it('does not sweep at start-up when the last run is less than a day old, but does when the alarm fires', async () => {
    await noResponseLastRunItem.setValue(Date.now() - 60 * 60 * 1000);
    const lead = await oldInboxLead();
    startBackground();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await folderOf(lead.id)).toBe('inbox');

    await fakeBrowser.alarms.onAlarm.trigger({ name: NO_RESPONSE_ALARM, scheduledTime: Date.now(), periodInMinutes: 1440, persistAcrossSessions: true });
    await vi.waitFor(async () => expect(await folderOf(lead.id)).toBe('no_response'));
  });

  it('runs one sweep at a time', async () => {
    await oldInboxLead();
    const first = sweepNoResponse();
    expect(sweepNoResponse()).toBe(first);
    await first;
    expect(await db.activities.count()).toBe(1);
  });
});
