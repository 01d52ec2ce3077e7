/**
 * Tests of the end-to-end harness itself, against the built extension in real Chromium.
 * The side panel's UI is not asserted on here beyond "it loads without console errors".
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_V1 } from '../../lib/db/schema';
import { DEFAULT_FOLDERS } from '../../lib/domain/model';
import {
  PRODUCTION_BUILD_DIR,
  collectConsole,
  countTable,
  databaseInfo,
  grantActiveTab,
  launchExtension,
  readManifest,
  readTable,
  serveSite,
  triggerAction,
  waitFor,
  type ExtensionHandle,
  type Manifest,
} from './harness';

/** Host patterns that reach every site: the permissions Leadside must never ask for. */
const BROAD_PATTERN = /^(<all_urls>|[a-z*]+:\/\/\*\/)/;

function broadPatterns(manifest: Manifest): string[] {
  const patterns = [
    ...(manifest.host_permissions ?? []),
    ...(manifest.optional_host_permissions ?? []),
    ...(manifest.permissions ?? []),
    ...(manifest.optional_permissions ?? []),
    ...(manifest.content_scripts ?? []).flatMap((cs) => cs.matches ?? []),
  ];
  return patterns.filter((p) => BROAD_PATTERN.test(p));
}

function externallyConnectableIsEmpty(manifest: Manifest): boolean {
  const ec = manifest.externally_connectable as { matches?: unknown[]; ids?: unknown[] } | undefined;
  return ec === undefined || ((ec.matches ?? []).length === 0 && (ec.ids ?? []).length === 0);
}

describe('harness: the extension as built', () => {
  let ext: ExtensionHandle;

  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('loads the test build, whose service worker URL gives the extension id', async () => {
    expect(ext.manifest.name).toBe('Leadside (test)');
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.serviceWorker.url()).toBe(`chrome-extension://${ext.extensionId}/background.js`);
    expect(await ext.serviceWorker.evaluate(() => chrome.runtime.id)).toBe(ext.extensionId);
    expect(await ext.serviceWorkerTargets()).toHaveLength(1);
  });

  it('has no all-sites host permission and no externally_connectable (test and production builds)', () => {
    const manifests: [string, Manifest][] = [['test', ext.manifest]];
    if (existsSync(path.join(PRODUCTION_BUILD_DIR, 'manifest.json'))) {
      const production = readManifest(PRODUCTION_BUILD_DIR);
      expect(production.name).toBe('Leadside');
      manifests.push(['production', production]);
    } else {
      console.warn(`No production build at ${PRODUCTION_BUILD_DIR}: only the test build's manifest was checked.`);
    }
    for (const [build, manifest] of manifests) {
      expect(broadPatterns(manifest), `${build} build`).toEqual([]);
      expect(externallyConnectableIsEmpty(manifest), `${build} build: externally_connectable`).toBe(true);
    }
    // The check itself catches what it must.
    expect(broadPatterns({ name: 'x', version: '1', manifest_version: 3, host_permissions: ['<all_urls>'] })).toHaveLength(1);
    expect(broadPatterns({ name: 'x', version: '1', manifest_version: 3, host_permissions: ['*://*/*', 'https://*/*'] })).toHaveLength(2);
    expect(broadPatterns({ name: 'x', version: '1', manifest_version: 3, host_permissions: ['https://www.linkedin.com/*'] })).toEqual([]);
  });

  it('opens sidepanel.html at side-panel width without console errors', async () => {
    const logs = collectConsole(ext.context);
    const page = await ext.openSidePanel();
    try {
      expect(page.url()).toBe(`chrome-extension://${ext.extensionId}/sidepanel.html`);
      expect(await page.evaluate(() => [window.innerWidth, window.innerHeight])).toEqual([400, 800]);
      expect(await page.evaluate(() => document.readyState)).toBe('complete');
      // Let the UI's first async work (database open, first render) settle before judging.
      await page.waitForTimeout(500);
      expect(logs.errors).toEqual([]);
    } finally {
      logs.stop();
      await page.close();
    }
  });

  it('creates the "leadside" database with the default folders, readable from an extension page', async () => {
    const page = await ext.openSidePanel();
    try {
      await expect.poll(() => countTable(page, 'folders'), { timeout: 10_000, interval: 200 }).toBe(7);
      const info = await databaseInfo(page);
      expect(info.exists).toBe(true);
      expect(info.stores.sort()).toEqual(Object.keys(SCHEMA_V1).sort());
      const folders = await readTable<{ id: string; name: string }>(page, 'folders');
      expect(folders.map((f) => f.id).sort()).toEqual(DEFAULT_FOLDERS.map((f) => f.id).sort());
      // The handle works too (a utility page of the extension's origin).
      expect(await countTable(ext, 'folders')).toBe(7);
      await expect(readTable(page, 'no_such_table')).rejects.toThrow(/no object store "no_such_table"/);
      expect((await databaseInfo(page, 'leadside-does-not-exist')).exists).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('refuses to read IndexedDB from a web page (it would be the site’s database)', async () => {
    const page = await ext.context.newPage();
    try {
      await page.goto('about:blank');
      await expect(countTable(page, 'folders')).rejects.toThrow(/extension page/);
    } finally {
      await page.close();
    }
  });

  it('stops the service worker over CDP and wakes a fresh one', async () => {
    await ext.serviceWorker.evaluate(() => {
      (globalThis as Record<string, unknown>).__harnessMarker = 'before-stop';
    });
    await ext.stopServiceWorker();
    expect(await ext.serviceWorkerTargets()).toEqual([]);
    // Still gone a moment later: nothing restarts it by itself.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await ext.serviceWorkerTargets()).toEqual([]);

    const worker = await ext.wakeServiceWorker();
    expect(await ext.serviceWorkerTargets()).toHaveLength(1);
    expect(worker).toBe(ext.serviceWorker);
    expect(await worker.evaluate(() => (globalThis as Record<string, unknown>).__harnessMarker ?? 'fresh')).toBe('fresh');
    expect(await worker.evaluate(() => chrome.runtime.id)).toBe(ext.extensionId);

    const again = await ext.restartServiceWorker();
    expect(await again.evaluate(() => chrome.runtime.id)).toBe(ext.extensionId);
  });

  it('serves fixture pages under their real host names', async () => {
    const stop = await serveSite(ext.context, 'www.linkedin.com', 'harness');
    const stopHandler = await serveSite(ext.context, 'https://web.whatsapp.com', ({ url, method }) =>
      url.pathname === '/' ? `<title>WA</title><p id="m">${method} ${url.pathname}</p>` : null,
    );
    const page = await ext.context.newPage();
    try {
      const response = await page.goto('https://www.linkedin.com/hello');
      expect(response?.status()).toBe(200);
      expect(page.url()).toBe('https://www.linkedin.com/hello');
      expect(await page.textContent('#greeting')).toBe('Hello from the harness fixture');
      expect(await page.evaluate(() => location.origin)).toBe('https://www.linkedin.com');

      expect((await page.goto('https://www.linkedin.com/hello.html'))?.status()).toBe(200);
      expect((await page.goto('https://www.linkedin.com/in/nobody'))?.status()).toBe(404);
      expect((await page.goto('https://www.linkedin.com/../../package.json'))?.status()).toBe(404);

      expect((await page.goto('https://web.whatsapp.com/'))?.status()).toBe(200);
      expect(await page.textContent('#m')).toBe('GET /');
      expect((await page.goto('https://web.whatsapp.com/other'))?.status()).toBe(404);
    } finally {
      await page.close();
      await stop();
      await stopHandler();
    }
  });

  it('refuses grantActiveTab when the manifest has no activeTab permission', async () => {
    if ((ext.manifest.permissions ?? []).includes('activeTab')) return; // the build asks for it now
    const page = await ext.context.newPage();
    try {
      await expect(grantActiveTab(page)).rejects.toThrow(/no "activeTab" permission/);
    } finally {
      await page.close();
    }
  });
});

describe('harness: toolbar clicks over CDP (Extensions.triggerAction)', () => {
  // Test-only manifest: the build may not ask for activeTab yet; this checks the mechanism.
  let ext: ExtensionHandle;
  const tabUrls = async () =>
    ext.serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.url ?? null));

  beforeAll(async () => {
    ext = await launchExtension({
      patchManifest: (m) => {
        if (!(m.permissions ?? []).includes('activeTab')) m.permissions = [...(m.permissions ?? []), 'activeTab'];
      },
    });
    // A host the extension has no permission for: only activeTab can reveal its tabs' URLs.
    await serveSite(ext.context, 'www.example.com', 'harness');
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('with openPanelOnActionClick on, a click opens the real side panel and grants nothing', async () => {
    const page = await ext.context.newPage();
    try {
      await page.goto('https://www.example.com/hello?panel');
      const behavior = await ext.serviceWorker.evaluate(() => chrome.sidePanel.getPanelBehavior());
      expect(behavior.openPanelOnActionClick).toBe(true);
      expect(await tabUrls()).not.toContain(page.url());

      await triggerAction(page);
      const cdp = await ext.browserSession();
      await waitFor(
        async () => {
          const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
          return targetInfos.some((t) => t.type === 'page' && t.url === ext.url('sidepanel.html'));
        },
        { timeout: 5_000, message: 'the side panel target' },
      );
      expect(await tabUrls()).not.toContain(page.url());
    } finally {
      await page.close();
    }
  });

  it('grantActiveTab grants activeTab on that tab only, and restores the panel behaviour', async () => {
    const other = await ext.context.newPage();
    const page = await ext.context.newPage();
    try {
      await other.goto('https://www.example.com/hello?other');
      await page.goto('https://www.example.com/hello?granted');
      // Without a grant (and without host permissions) the extension cannot see the tab's URL.
      expect(await tabUrls()).not.toContain(page.url());

      await grantActiveTab(page);
      await waitFor(async () => (await tabUrls()).includes(page.url()), { timeout: 5_000, message: 'the activeTab grant' });
      expect(await tabUrls()).not.toContain(other.url());
      const behavior = await ext.serviceWorker.evaluate(() => chrome.sidePanel.getPanelBehavior());
      expect(behavior.openPanelOnActionClick).toBe(true);
    } finally {
      await page.close();
      await other.close();
    }
  });

  it('tells tabs with the same URL apart', async () => {
    const first = await ext.context.newPage();
    const second = await ext.context.newPage();
    try {
      await first.goto('https://www.example.com/hello?same');
      await second.goto('https://www.example.com/hello?same');
      await second.evaluate(() => {
        document.title = 'second tab';
      });
      await grantActiveTab(second);
      const granted = async () =>
        ext.serviceWorker.evaluate(async () =>
          (await chrome.tabs.query({})).filter((t) => t.url?.endsWith('?same')).map((t) => t.title),
        );
      await waitFor(async () => (await granted()).length === 1, { timeout: 5_000, message: 'exactly one granted tab' });
      expect(await granted()).toEqual(['second tab']);
      // The harness put the title back after using it to find the tab.
      expect(await second.title()).toBe('second tab');
    } finally {
      await first.close();
      await second.close();
    }
  });
});
