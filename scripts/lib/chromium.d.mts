/** CHROME_PATH (when executable), else a Chromium/Chrome on the PATH; null when there is none. */
export function findChromium(): string | null;
