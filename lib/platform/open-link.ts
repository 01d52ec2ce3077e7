import { browser } from 'wxt/browser';

/**
 * Hand-offs leave the extension here (DESIGN §5): a new tab for https links, and the same for
 * sms: and mailto:, which Chrome passes to the system's handler. The promise settles once the
 * tab exists, so a caller logs a message only after its link was really opened.
 */
export async function openLink(url: string): Promise<void> {
  await browser.tabs.create({ url, active: true });
}

/**
 * Puts text on the clipboard. The async Clipboard API needs a focused document (the side panel
 * is, after a click); the old copy command is the fallback when it is refused.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}

/** Saves a Blob as a file through a temporary object URL (panel pages only, not the worker). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
