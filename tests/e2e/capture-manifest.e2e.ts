// The built manifest's reach (DESIGN §6, issue 7): content scripts and host permissions are the
// LinkedIn and Facebook origins and nothing else. Reads manifest.json; no browser needed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR, TEST_BUILD_DIR, readManifest } from './harness';

const ORIGINS = ['https://www.facebook.com/*', 'https://www.linkedin.com/*'];
// The build under test (LEADSIDE_EXTENSION_DIR, else the test build).
const dirs = [path.resolve(ROOT_DIR, process.env.LEADSIDE_EXTENSION_DIR ?? TEST_BUILD_DIR)].filter((d) => existsSync(path.join(d, 'manifest.json')));

describe('capture manifest', () => {
  it.each(dirs)('%s: host permissions and content scripts are exactly the two origins', (dir) => {
    const manifest = readManifest(dir);
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual(ORIGINS);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    const scripts = manifest.content_scripts ?? [];
    expect(scripts.flatMap((s) => s.matches ?? []).sort()).toEqual(ORIGINS);
    for (const s of scripts) expect(s.matches).toHaveLength(1);
    expect(scripts.flatMap((s) => s.js ?? []).sort()).toEqual(['content-scripts/facebook.js', 'content-scripts/linkedin.js']);
    expect(manifest.permissions ?? []).not.toContain('<all_urls>');
  });
});
