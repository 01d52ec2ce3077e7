import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { runNoResponseSweep } from '../db/mutations/no-response';
import { ensureWorkspace } from '../db/mutations/workspace';
import { DAY_MS, isDailyRunDue } from '../domain/no-response';
import { openDatabase } from './database';
import { startCaptureHandler } from './capture-handler';
import { startJobRunner } from './job-runner';
import { handleCommand, startQuickReplies } from './quick-reply-handler';

/** The daily alarm of the No Response rule (DESIGN §1). */
export const NO_RESPONSE_ALARM = 'leadside:no-response';
const DAY_MINUTES = DAY_MS / 60_000;

/** When the No Response sweep last finished (epoch ms); null before the first. */
export const noResponseLastRunItem = storage.defineItem<number | null>('local:noResponseLastRunAt', {
  fallback: null,
  version: 1,
});

/** Everything the service worker does at start; the entrypoint only calls this. */
export function startBackground(): void {
  // The toolbar button opens the side panel (no popup).
  void browser.sidePanel
    .setPanelBehavior({ openPanelOnActionClick: true })
    .catch((error: unknown) => console.error('Leadside: could not set the side panel behaviour', error));

  browser.runtime.onInstalled.addListener(() => {
    void ensureWorkspace(openDatabase()).catch((error: unknown) =>
      console.error('Leadside: first-run setup failed', error),
    );
  });

  // Registered synchronously at start: a service worker woken by an alarm must have its
  // listener in place before the first await, or the event is lost.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === NO_RESPONSE_ALARM) void sweepNoResponse();
  });
  void scheduleNoResponse().catch((error: unknown) =>
    console.error('Leadside: could not schedule the No Response rule', error),
  );
  // Catch up at start-up: Chrome may drop alarms on a browser restart, and a laptop that was
  // off at the alarm's time would otherwise wait another day.
  void sweepIfDue();

  startJobRunner();
  startCaptureHandler();
  startQuickReplies();

  if (import.meta.env.MODE !== 'production') {
    // End-to-end tests cannot press an extension shortcut (DESIGN §7): they grant activeTab with
    // a real toolbar click, then call the command's own handler from here.
    (globalThis as unknown as { __leadside: unknown }).__leadside = { handleCommand };
  }
}

async function scheduleNoResponse(): Promise<void> {
  const existing = await browser.alarms.get(NO_RESPONSE_ALARM);
  if (existing?.periodInMinutes === DAY_MINUTES) return;
  await browser.alarms.create(NO_RESPONSE_ALARM, { delayInMinutes: DAY_MINUTES, periodInMinutes: DAY_MINUTES });
}

let sweeping: Promise<void> | null = null;

/** Runs the sweep once at a time (an alarm and the start-up catch-up may coincide). */
export function sweepNoResponse(): Promise<void> {
  sweeping ??= (async () => {
    const now = Date.now();
    try {
      const result = await runNoResponseSweep(openDatabase(), {
        now,
        // An extension API call per chunk resets the service worker's idle timer (Chrome ≥ 110:
        // https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle),
        // so a sweep of many leads is not stopped after 30 s. Stopped anyway, it resumes at the
        // next start: the last run is only recorded once every chunk is done.
        onProgress: keepAlive,
      });
      await noResponseLastRunItem.setValue(now);
      if (result.moved > 0) console.info(`Leadside: moved ${result.moved} lead(s) to No Response`);
    } catch (error) {
      console.error('Leadside: the No Response rule failed; it runs again at the next start or alarm', error);
    } finally {
      sweeping = null;
    }
  })();
  return sweeping;
}

function keepAlive(): void {
  try {
    void browser.runtime.getPlatformInfo().catch(() => undefined);
  } catch {
    // Only a keep-alive: a context without the API (tests) sweeps all the same.
  }
}

async function sweepIfDue(): Promise<void> {
  try {
    const last = await noResponseLastRunItem.getValue();
    if (isDailyRunDue(last, Date.now())) await sweepNoResponse();
  } catch (error) {
    console.error('Leadside: could not check the No Response rule', error);
  }
}
