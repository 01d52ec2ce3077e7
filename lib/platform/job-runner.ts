import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { runJob, unfinishedJobs } from '../jobs/engine';
import { defaultRegistry } from '../jobs/kinds';
import { parseMessage, senderMaySend } from '../messaging/protocol';
import { openDatabase } from './database';
import { IS_DEV_BUILD } from './storage';

/** While jobs are unfinished, this alarm restarts a service worker Chrome stopped mid-job. */
export const JOBS_ALARM = 'leadside:jobs';

/** Test builds only: a pause between chunks, so a test can stop the worker between two. */
export const devChunkDelayItem = storage.defineItem<number>('local:devJobChunkDelayMs', { fallback: 0 });

/**
 * Database-only jobs run here, in the service worker (DESIGN §2), chunk by chunk. They start
 * when a page asks (`jobs:run`), when the worker starts, and on the jobs alarm; a chunk that
 * was interrupted is simply done again from the job's cursor, never twice.
 */
export function startJobRunner(): void {
  // Listeners first and synchronously: a worker woken by an event must have them in place.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === JOBS_ALARM) void runPendingJobs();
  });
  const origin = browser.runtime.getURL('/');
  // webextension-polyfill answers a message with the promise its listener returns.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((raw: unknown, sender) => {
    const message = parseMessage(raw);
    if (!message) return undefined;
    const info = { id: sender.id, url: sender.url, tabId: sender.tab?.id };
    if (!senderMaySend(message.type, info, browser.runtime.id, origin)) {
      console.warn('Leadside: refused a message from an unexpected sender', message.type, sender.url);
      return undefined;
    }
    void runPendingJobs();
    return Promise.resolve({ ok: true });
  });
  void runPendingJobs();
}

let running: Promise<void> | null = null;

/** Runs every unfinished job, one at a time; a second call while running joins the first. */
export function runPendingJobs(): Promise<void> {
  running ??= (async () => {
    const db = openDatabase();
    const registry = defaultRegistry();
    try {
      let jobs = await unfinishedJobs({ db });
      if (jobs.length === 0) return;
      await browser.alarms.create(JOBS_ALARM, { periodInMinutes: 1 });
      while (jobs.length > 0) {
        for (const job of jobs) {
          await runJob({ db, actorId: job.actorId }, registry, job.id, {
            onChunk: async () => {
              // An extension API call resets the worker's idle timer between chunks.
              await browser.runtime.getPlatformInfo();
              if (IS_DEV_BUILD) {
                const delay = await devChunkDelayItem.getValue();
                if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
              }
            },
          });
        }
        jobs = await unfinishedJobs({ db });
      }
      await browser.alarms.clear(JOBS_ALARM);
    } catch (error) {
      console.error('Leadside: the job runner stopped; the alarm or the next panel visit resumes it', error);
    } finally {
      running = null;
    }
  })();
  return running;
}

/** From an extension page: ask the service worker to run unfinished jobs (waking it if needed). */
export async function requestJobRun(): Promise<void> {
  await browser.runtime.sendMessage({ type: 'jobs:run', payload: {} });
}
