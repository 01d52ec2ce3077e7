import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../domain/settings';
import { DEFAULT_VIEW, parseViewState, type ViewState } from '../index/view-state';

/** Preferences, versioned: a new version adds a migration here, never a silent reshape. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** The Leads tab's view, restored when the panel reopens. */
export const viewItem = storage.defineItem<ViewState>('local:leadsView', {
  fallback: DEFAULT_VIEW,
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings(await settingsItem.getValue());
  } catch (error) {
    console.warn('Leadside: settings unreadable, using defaults', error);
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(parseSettings(settings));
}

export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(parseSettings(value)));
}

export async function loadView(): Promise<ViewState> {
  try {
    return parseViewState(await viewItem.getValue());
  } catch (error) {
    console.warn('Leadside: saved view unreadable, using defaults', error);
    return structuredClone(DEFAULT_VIEW);
  }
}

export async function saveView(view: ViewState): Promise<void> {
  await viewItem.setValue(view);
}

/**
 * The bulk "Send message" queue in progress (components/bulk/SendMessageDialog.tsx), kept while
 * the browser runs so a panel closed mid-queue can resume. Its shape is checked where it is read.
 */
export const bulkSendQueueItem = storage.defineItem<unknown>('session:bulkSendQueue', { fallback: null });

/** The build's mode: developer-only settings exist in dev and test builds, not production. */
export const IS_DEV_BUILD = import.meta.env.MODE !== 'production';
