// The built manifest's reach (DESIGN §6; issues 7 and 8). Host permissions and content scripts are
// the LinkedIn and Facebook origins and nothing else; the messaging sites (WhatsApp Web,
// Messenger, Gmail) are optional, asked for when first used; quick replies in other tabs work
// through activeTab + scripting (a shortcut and a context menu), never an <all_urls> script.
// Reads manifest.json; no browser needed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR, TEST_BUILD_DIR, readManifest } from './harness';

const ORIGINS = ['https://www.facebook.com/*', 'https://www.linkedin.com/*'];
const MESSAGING = ['https://mail.google.com/*', 'https://web.whatsapp.com/*', 'https://www.messenger.com/*'];
const BROAD = ['<all_urls>', '*://*/*', 'https://*/*', 'http://*/*'];
// The build under test (LEADSIDE_EXTENSION_DIR, else the test build), and the production build
// when there is one (CI builds it before the tests).
const dirs = [path.resolve(ROOT_DIR, process.env.LEADSIDE_EXTENSION_DIR ?? TEST_BUILD_DIR), path.resolve(ROOT_DIR, '.output/chrome-mv3')].filter((d) =>
  existsSync(path.join(d, 'manifest.json')),
);

interface FullManifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[] }[];
  web_accessible_resources?: unknown[];
  externally_connectable?: { matches?: string[]; ids?: string[] };
  commands?: Record<string, { suggested_key?: Record<string, string>; description?: string }>;
}

describe('built manifest', () => {
  it('has a build to check', () => {
    expect(dirs.length).toBeGreaterThan(0);
  });

  it.each(dirs)('%s: host permissions and content scripts are exactly the two capture origins', (dir) => {
    const manifest = readManifest(dir) as FullManifest;
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual(ORIGINS);
    const scripts = manifest.content_scripts ?? [];
    expect(scripts.flatMap((s) => s.matches ?? []).sort()).toEqual(ORIGINS);
    for (const s of scripts) expect(s.matches).toHaveLength(1);
    expect(scripts.flatMap((s) => s.js ?? []).sort()).toEqual(['content-scripts/facebook.js', 'content-scripts/linkedin.js']);
    for (const broad of BROAD) {
      expect(manifest.permissions ?? []).not.toContain(broad);
      expect(manifest.host_permissions ?? []).not.toContain(broad);
      expect(manifest.optional_host_permissions ?? []).not.toContain(broad);
    }
    expect(manifest.externally_connectable?.matches ?? []).toEqual([]);
    expect(manifest.externally_connectable?.ids ?? []).toEqual([]);
  });

  it.each(dirs)('%s: quick replies in any tab use activeTab, scripting and optional messaging origins', (dir) => {
    const manifest = readManifest(dir) as FullManifest;
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting', 'contextMenus']));
    expect([...(manifest.optional_host_permissions ?? [])].sort()).toEqual(MESSAGING);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    const command = manifest.commands?.['insert-quick-reply'];
    expect(command?.suggested_key?.default).toBe('Alt+Shift+Q');
    expect(command?.description).toMatch(/quick reply/i);
    // The picker is injected on demand from the package, never exposed to pages.
    expect(existsSync(path.join(dir, 'quick-reply.js'))).toBe(true);
    expect(JSON.stringify(manifest.web_accessible_resources ?? [])).not.toContain('quick-reply');
  });
});
