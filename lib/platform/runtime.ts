import { browser } from 'wxt/browser';

export function openOptionsPage(): void {
  browser.runtime.openOptionsPage().catch((error: unknown) => console.error('Leadside: cannot open settings', error));
}
