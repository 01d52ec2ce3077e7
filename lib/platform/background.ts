import { browser } from 'wxt/browser';
import { ensureWorkspace } from '../db/mutations/workspace';
import { openDatabase } from './database';

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
}
