import { browser } from 'wxt/browser';

export function openOptionsPage(): void {
  browser.runtime.openOptionsPage().catch((error: unknown) => console.error('Leadside: cannot open settings', error));
}

/** The quick-reply shortcut as Chrome has it now (the recruiter may have changed or cleared it). */
export async function quickReplyShortcut(): Promise<string> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((c) => c.name === 'insert-quick-reply')?.shortcut ?? '';
  } catch {
    return '';
  }
}
