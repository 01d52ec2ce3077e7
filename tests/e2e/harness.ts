/**
 * End-to-end harness: the built extension in real Chromium, driven by playwright-core.
 *
 * - `launchExtension()` starts Chromium with the extension loaded (a fresh profile each time) and
 *   returns a handle: the context, the extension id, its service worker, and helpers to open the
 *   side panel page, stop/wake the service worker, and close everything.
 * - `serveSite()` serves pages under their real host names (https://www.linkedin.com/…) from a
 *   fixtures folder or a handler, with `context.route` (no network, no certificates).
 * - `grantActiveTab()` / `triggerAction()` click the toolbar button the way a user would, over CDP.
 * - `collectConsole()` gathers console errors and warnings (and uncaught page errors).
 * - `readTable()` / `countTable()` / `databaseInfo()` read the extension's IndexedDB with the raw
 *   IndexedDB API, from a page of the extension's origin (Dexie is not loaded in tests).
 *
 * Environment: `CHROME_PATH` (else `chromium`, `chromium-browser`, `google-chrome` on the PATH) and
 * `LEADSIDE_EXTENSION_DIR` (else `.output/chrome-mv3-test`, built by `npm test` /
 * `npm run build:test`).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium as findChromiumOrNull } from '../../scripts/lib/chromium.mjs';
import { chromium, type BrowserContext, type CDPSession, type ConsoleMessage, type Page, type Request, type Route, type WebError, type Worker } from 'playwright-core';
import { DB_NAME } from '../../lib/db/schema';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES_DIR = path.join(ROOT_DIR, 'tests/fixtures');
/** The test build (`wxt build --mode test`), unless LEADSIDE_EXTENSION_DIR says otherwise. */
export const TEST_BUILD_DIR = path.join(ROOT_DIR, '.output/chrome-mv3-test');
/** The production build (`npm run build`), when it has been built. */
export const PRODUCTION_BUILD_DIR = path.join(ROOT_DIR, '.output/chrome-mv3');

// ---------------------------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------------------------

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `fn` until it returns a value other than undefined/false/null; throws after `timeout`. */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  { timeout = 5_000, interval = 100, message = 'condition' }: { timeout?: number; interval?: number; message?: string } = {},
): Promise<NonNullable<Exclude<T, false>>> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined && value !== null && value !== false) return value as NonNullable<Exclude<T, false>>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${message}${cause}`);
    }
    await sleep(interval);
  }
}

/** Resolves with the promise's value, or rejects after `ms` (the promise itself is not cancelled). */
async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}


/** Chromium's path: CHROME_PATH, else chromium / chromium-browser / google-chrome on the PATH. */
export function findChromium(): string {
  const found = findChromiumOrNull();
  if (found) return found;
  throw new Error(
    process.env.CHROME_PATH
      ? `CHROME_PATH=${process.env.CHROME_PATH} is not an executable file.`
      : 'Chromium not found: install it (`apt-get install -y chromium` on Debian) or set CHROME_PATH to a Chromium/Chrome binary.',
  );
}

export interface Manifest {
  name: string;
  version: string;
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; js?: string[]; css?: string[] }[];
  externally_connectable?: unknown;
  [key: string]: unknown;
}

export function readManifest(extensionDir: string): Manifest {
  return JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * The id Chromium gives an unpacked extension: from the manifest's `key` when it has one, else
 * from its absolute path (SHA-256, first 32 hex digits written with the letters a–p).
 */
export function extensionIdFor(extensionDir: string, manifest: Manifest = readManifest(extensionDir)): string {
  const input = typeof manifest.key === 'string' ? Buffer.from(manifest.key, 'base64') : Buffer.from(path.resolve(extensionDir));
  const hex = createHash('sha256').update(input).digest('hex').slice(0, 32);
  return Array.from(hex, (digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

function resolveExtensionDir(dir?: string): string {
  const resolved = path.resolve(ROOT_DIR, dir ?? process.env.LEADSIDE_EXTENSION_DIR ?? TEST_BUILD_DIR);
  if (!existsSync(path.join(resolved, 'manifest.json'))) {
    throw new Error(
      `No built extension at ${resolved} (manifest.json missing). Build it first: \`npm run build:test\` ` +
        '(or run `npm test`, which builds), or point LEADSIDE_EXTENSION_DIR at a built extension.',
    );
  }
  return resolved;
}

// ---------------------------------------------------------------------------------------------
// Launching
// ---------------------------------------------------------------------------------------------

export interface LaunchOptions {
  /** The unpacked extension; default LEADSIDE_EXTENSION_DIR, else .output/chrome-mv3-test. */
  extensionDir?: string;
  /**
   * Test-only manifest changes (e.g. add `activeTab`, or host permissions for fixture hosts). The
   * extension is then copied to a temporary folder and loaded from there, so its id differs from
   * the unpatched build's. Say in the test that it uses a patched manifest, and why.
   */
  patchManifest?: (manifest: Manifest) => void;
  /** Default true. */
  headless?: boolean;
  /** Viewport of new pages; default 1280×800. */
  viewport?: { width: number; height: number };
  /** More Chromium switches. */
  args?: string[];
  /** How long to wait for the extension's service worker at start; default 20 s. */
  serviceWorkerTimeout?: number;
  /** Keep the profile folder after close() (for debugging). */
  keepUserDataDir?: boolean;
}

export interface SidePanelOptions {
  /** Side-panel width; default 400. */
  width?: number;
  height?: number;
  /** Page of the extension to open; default sidepanel.html. */
  path?: string;
}

export interface CdpTargetInfo {
  targetId: string;
  type: string;
  title: string;
  url: string;
  attached: boolean;
  browserContextId?: string;
}

export interface ExtensionHandle {
  context: BrowserContext;
  extensionId: string;
  /** chrome-extension://<id> */
  origin: string;
  extensionDir: string;
  manifest: Manifest;
  userDataDir: string;
  executablePath: string;
  /** The current service worker (a new object after a restart, when Playwright makes one). */
  readonly serviceWorker: Worker;
  /** chrome-extension://<id>/<path> */
  url(pathInExtension: string): string;
  /** Opens the side panel's page in a tab sized like the side panel (400×800 by default). */
  openSidePanel(options?: SidePanelOptions): Promise<Page>;
  /** Opens any page of the extension (e.g. options.html) in a new tab. */
  openExtensionPage(pathInExtension: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** A browser-level CDP session (needed for Extensions.* and tab targets). */
  browserSession(): Promise<CDPSession>;
  /** The extension's service worker targets, as CDP sees them (empty while it is stopped). */
  serviceWorkerTargets(): Promise<CdpTargetInfo[]>;
  /** Stops the service worker the way Chrome does when idle: closes its target over CDP. */
  stopServiceWorker(): Promise<void>;
  /** Wakes a stopped service worker (a runtime message from an extension page) and waits for it. */
  wakeServiceWorker(): Promise<Worker>;
  /** Waits until the service worker is running and answers; does not wake it. */
  waitForServiceWorker(timeout?: number): Promise<Worker>;
  /** stopServiceWorker() then wakeServiceWorker(). */
  restartServiceWorker(): Promise<Worker>;
  close(): Promise<void>;
}

const handles = new WeakMap<BrowserContext, ExtensionHandle>();

/** The handle of the extension running in this page's (or context's) browser. */
export function extensionOf(target: Page | BrowserContext): ExtensionHandle {
  const context = 'context' in target ? target.context() : target;
  const handle = handles.get(context);
  if (!handle) throw new Error('This page does not belong to a browser started by launchExtension().');
  return handle;
}

/** A message the background ignores; sending it starts a stopped service worker. */
export const WAKE_MESSAGE = { type: 'leadside:e2e-wake' } as const;

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHandle> {
  const executablePath = findChromium();
  let extensionDir = resolveExtensionDir(options.extensionDir);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'leadside-e2e-profile-'));
  const tempDirs = [userDataDir];

  if (options.patchManifest) {
    const copy = mkdtempSync(path.join(tmpdir(), 'leadside-e2e-extension-'));
    cpSync(extensionDir, copy, { recursive: true });
    const manifest = readManifest(copy);
    options.patchManifest(manifest);
    writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(manifest, null, 2));
    extensionDir = copy;
    tempDirs.push(copy);
  }
  const manifest = readManifest(extensionDir);

  const args = [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-first-run',
    '--disable-gpu',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(options.args ?? []),
  ];

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: options.headless ?? true,
      args,
      viewport: options.viewport ?? { width: 1280, height: 800 },
    });
  } catch (error) {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  try {
    const expectedId = extensionIdFor(extensionDir, manifest);
    const isOurs = (w: Worker) => w.url().startsWith(`chrome-extension://${expectedId}/`);
    const timeout = options.serviceWorkerTimeout ?? 20_000;
    const first =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout }).catch((error: unknown) => {
        throw new Error(
          `The service worker of ${expectedId} (${extensionDir}) did not start within ${timeout} ms: ` +
            'is the extension built, and does background.js load without errors?',
          { cause: error },
        );
      }));
    // The extension id is the host of the service worker's URL.
    const extensionId = new URL(first.url()).host;
    const origin = `chrome-extension://${extensionId}`;
    let currentWorker = first;
    let session: CDPSession | undefined;
    let closed = false;

    const browserSession = async (): Promise<CDPSession> => {
      if (session) return session;
      const browser = context.browser();
      if (browser) {
        session = await browser.newBrowserCDPSession();
      } else {
        // Older Playwright returns no Browser for persistent contexts: a page session still
        // reaches the Target domain (but not Extensions.*).
        const page = context.pages()[0] ?? (await context.newPage());
        session = await context.newCDPSession(page);
      }
      return session;
    };

    const serviceWorkerTargets = async (): Promise<CdpTargetInfo[]> => {
      const cdp = await browserSession();
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: CdpTargetInfo[] };
      return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`${origin}/`));
    };

    const waitForServiceWorker = async (timeout = 10_000): Promise<Worker> => {
      const worker = await waitFor(
        async () => {
          if ((await serviceWorkerTargets()).length === 0) return undefined;
          // Playwright keeps its Worker across a CDP stop/start of the same registration (the
          // target id is reused); otherwise it announces a new one. Either way, it must answer.
          for (const candidate of context.serviceWorkers().filter((w) => w.url().startsWith(`${origin}/`))) {
            try {
              if (await withTimeout(candidate.evaluate(() => true), 1_000, 'service worker ping')) return candidate;
            } catch {
              // A stale Worker object: try the next one, or poll again.
            }
          }
          return undefined;
        },
        { timeout, interval: 100, message: `the service worker of ${origin}` },
      );
      currentWorker = worker;
      return worker;
    };

    const stopServiceWorker = async (): Promise<void> => {
      const cdp = await browserSession();
      const targets = await serviceWorkerTargets();
      for (const target of targets) await cdp.send('Target.closeTarget', { targetId: target.targetId });
      await waitFor(async () => (await serviceWorkerTargets()).length === 0, {
        timeout: 5_000,
        interval: 50,
        message: 'the service worker target to go away after Target.closeTarget',
      });
    };

    const wakeServiceWorker = async (): Promise<Worker> => {
      // Any extension page can message the background; manifest.json is one that runs no code of
      // ours. Sending a message starts a stopped worker (it rejects when nobody answers: fine).
      const page = await context.newPage();
      try {
        await page.goto(`${origin}/manifest.json`);
        await page.evaluate(async (message) => {
          await chrome.runtime.sendMessage(message).catch(() => undefined);
        }, WAKE_MESSAGE);
        return await waitForServiceWorker();
      } finally {
        await page.close();
      }
    };

    const openExtensionPage = async (pathInExtension: string, viewport?: { width: number; height: number }) => {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`${origin}/${pathInExtension.replace(/^\//, '')}`);
      return page;
    };

    const handle: ExtensionHandle = {
      context,
      extensionId,
      origin,
      extensionDir,
      manifest,
      userDataDir,
      executablePath,
      get serviceWorker() {
        return currentWorker;
      },
      url: (p) => `${origin}/${p.replace(/^\//, '')}`,
      openSidePanel: ({ width = 400, height = 800, path: p = 'sidepanel.html' } = {}) =>
        openExtensionPage(p, { width, height }),
      openExtensionPage,
      browserSession,
      serviceWorkerTargets,
      stopServiceWorker,
      wakeServiceWorker,
      waitForServiceWorker,
      restartServiceWorker: async () => {
        await stopServiceWorker();
        return wakeServiceWorker();
      },
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          await context.close();
        } finally {
          if (!options.keepUserDataDir) for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
        }
      },
    };
    handles.set(context, handle);
    return handle;
  } catch (error) {
    await context.close().catch(() => undefined);
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Sites under their real host names
// ---------------------------------------------------------------------------------------------

export interface SiteRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  postData: string | null;
  request: Request;
}

/** A string is HTML; null/undefined is a 404. */
export type SiteResponse =
  | string
  | { status?: number; contentType?: string; headers?: Record<string, string>; body?: string | Buffer }
  | null
  | undefined;

export type SiteHandler = (request: SiteRequest) => SiteResponse | Promise<SiteResponse>;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Path of a fixture folder: tests/fixtures/<name>. */
export function fixturePath(...parts: string[]): string {
  return path.join(FIXTURES_DIR, ...parts);
}

function fixtureHandler(dir: string): SiteHandler {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`Fixture folder not found: ${dir}`);
  return async ({ url }) => {
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      return null;
    }
    const base = path.resolve(dir, `.${path.posix.normalize(relative)}`);
    if (base !== dir && !base.startsWith(dir + path.sep)) return null;
    const candidates = relative.endsWith('/')
      ? [path.join(base, 'index.html')]
      : [base, `${base}.html`, path.join(base, 'index.html')];
    for (const file of candidates) {
      if (existsSync(file) && statSync(file).isFile()) {
        return {
          status: 200,
          contentType: CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          body: await readFile(file),
        };
      }
    }
    return null;
  };
}

/**
 * Serves `host` (e.g. 'www.linkedin.com' or 'https://web.whatsapp.com') from a fixture folder
 * (absolute, or relative to tests/fixtures: `serveSite(context, 'www.linkedin.com', 'linkedin')`)
 * or from a handler. `/in/jane` is served from `in/jane`, `in/jane.html` or `in/jane/index.html`;
 * anything else is a 404. Both http and https are answered. Returns a function that stops serving.
 */
export async function serveSite(
  context: BrowserContext,
  host: string,
  source: string | SiteHandler,
): Promise<() => Promise<void>> {
  const hostname = host.includes('://') ? new URL(host).hostname : host.replace(/\/.*$/, '');
  const handler =
    typeof source === 'function'
      ? source
      : fixtureHandler(path.isAbsolute(source) ? source : path.join(FIXTURES_DIR, source));
  const matches = (url: URL) => url.hostname === hostname && (url.protocol === 'https:' || url.protocol === 'http:');
  const onRoute = async (route: Route, request: Request) => {
    let response: SiteResponse;
    try {
      response = await handler({
        url: new URL(request.url()),
        method: request.method(),
        headers: request.headers(),
        postData: request.postData(),
        request,
      });
    } catch (error) {
      await route.fulfill({ status: 500, contentType: 'text/plain', body: `serveSite handler failed: ${String(error)}` });
      return;
    }
    if (response === null || response === undefined) {
      await route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found' });
    } else if (typeof response === 'string') {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: response });
    } else {
      await route.fulfill({
        status: response.status ?? 200,
        contentType: response.contentType ?? 'text/html; charset=utf-8',
        headers: response.headers,
        body: response.body ?? '',
      });
    }
  };
  await context.route(matches, onRoute);
  return () => context.unroute(matches, onRoute);
}

// ---------------------------------------------------------------------------------------------
// The toolbar button: Extensions.triggerAction
// ---------------------------------------------------------------------------------------------

/**
 * The CDP "tab" target of a page. Extensions.triggerAction wants a tab target, which is not the
 * page target Playwright drives, and CDP gives no link between the two: match by URL, and when
 * several tabs share the URL, mark the page's title for a moment to tell them apart.
 */
export async function tabTargetId(page: Page): Promise<string> {
  const cdp = await extensionOf(page).browserSession();
  const tabs = async () =>
    ((await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as { targetInfos: CdpTargetInfo[] }).targetInfos.filter(
      (t) => t.type === 'tab',
    );
  const byUrl = (await tabs()).filter((t) => t.url === page.url());
  if (byUrl.length === 1) return byUrl[0]!.targetId;

  const marker = `leadside-e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const original = await page.evaluate((m) => {
    const before = document.title;
    document.title = m;
    return before;
  }, marker);
  try {
    const tab = await waitFor(async () => (await tabs()).find((t) => t.title === marker), {
      timeout: 3_000,
      interval: 50,
      message: `the tab target of ${page.url()}`,
    });
    return tab.targetId;
  } finally {
    await page.evaluate((t) => {
      document.title = t;
    }, original);
  }
}

/**
 * Clicks the extension's toolbar button on this page's tab, as a user would (CDP
 * `Extensions.triggerAction`, a browser-level command that needs the tab target's id; Chromium
 * 156 allows it over Playwright's pipe without --enable-unsafe-extension-debugging).
 *
 * What happens is whatever a real click does: with `sidePanel.setPanelBehavior({
 * openPanelOnActionClick: true })` (the background sets it at start) Chrome opens the real side
 * panel — a `page` target for sidepanel.html that Playwright does not expose as a Page — and
 * neither dispatches `action.onClicked` nor grants activeTab. With it off, `action.onClicked`
 * fires and, if the manifest asks for `activeTab`, the tab is granted.
 */
export async function triggerAction(page: Page): Promise<void> {
  const ext = extensionOf(page);
  const cdp = await ext.browserSession();
  const targetId = await tabTargetId(page);
  await cdp.send('Extensions.triggerAction', { id: ext.extensionId, targetId });
}

export interface GrantActiveTabOptions {
  /**
   * By default the harness turns `openPanelOnActionClick` off around the click and restores it
   * after, because with it on Chrome opens the side panel instead of granting activeTab. Set
   * true to click with the extension's behaviour untouched.
   */
  keepPanelBehavior?: boolean;
}

/**
 * Grants `activeTab` on the page's tab the way a user gesture does: a toolbar-button click over
 * CDP (see triggerAction). Needs `activeTab` in the manifest: the extension as built may not ask
 * for it, in which case launch with `patchManifest: (m) => m.permissions!.push('activeTab')` and
 * say so in the test. Side effect: `action.onClicked` fires in the background, as for a real click.
 */
export async function grantActiveTab(page: Page, options: GrantActiveTabOptions = {}): Promise<void> {
  const ext = extensionOf(page);
  if (!(ext.manifest.permissions ?? []).includes('activeTab')) {
    throw new Error(
      `grantActiveTab: the manifest of ${ext.extensionDir} has no "activeTab" permission, so a click grants nothing. ` +
        "Add it to the extension, or launch with patchManifest: (m) => { m.permissions = [...(m.permissions ?? []), 'activeTab']; }.",
    );
  }
  if (options.keepPanelBehavior) {
    await triggerAction(page);
    return;
  }
  const worker = (await ext.serviceWorkerTargets()).length ? await ext.waitForServiceWorker() : await ext.wakeServiceWorker();
  const before = await worker.evaluate(async () => {
    const behavior = await chrome.sidePanel.getPanelBehavior();
    if (behavior.openPanelOnActionClick) await chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: false });
    return behavior.openPanelOnActionClick ?? false;
  });
  try {
    await triggerAction(page);
  } finally {
    if (before) {
      const after = (await ext.serviceWorkerTargets()).length ? await ext.waitForServiceWorker() : await ext.wakeServiceWorker();
      await after.evaluate(() => chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Console
// ---------------------------------------------------------------------------------------------

export interface ConsoleEntry {
  type: string;
  text: string;
  url: string;
}

export interface ConsoleCollector {
  /** Everything seen, in order. */
  readonly messages: ConsoleEntry[];
  /** console.error texts and uncaught errors ("Uncaught: …"). */
  readonly errors: string[];
  /** console.warn texts. */
  readonly warnings: string[];
  clear(): void;
  stop(): void;
}

/**
 * Collects console messages of a page, or of a whole context (every page and the service
 * worker). Uncaught page errors count as errors. `ignore` drops messages matching any pattern.
 */
export function collectConsole(target: Page | BrowserContext, { ignore = [] as RegExp[] } = {}): ConsoleCollector {
  const messages: ConsoleEntry[] = [];
  const isPage = 'context' in target;
  const keep = (text: string) => !ignore.some((re) => re.test(text));
  const onConsole = (msg: ConsoleMessage) => {
    // Playwright also reports a service worker's messages on the extension pages it controls.
    if (isPage && msg.page() !== target) return;
    const text = msg.text();
    if (!keep(text)) return;
    messages.push({ type: msg.type(), text, url: msg.worker()?.url() ?? msg.location().url });
  };
  const onPageError = (error: Error) => {
    const text = `Uncaught: ${error.message}`;
    if (keep(text)) messages.push({ type: 'pageerror', text, url: '' });
  };
  const onWebError = (webError: WebError) => onPageError(webError.error());
  if (isPage) {
    target.on('console', onConsole);
    target.on('pageerror', onPageError);
  } else {
    target.on('console', onConsole);
    target.on('weberror', onWebError);
  }
  return {
    messages,
    get errors() {
      return messages.filter((m) => m.type === 'error' || m.type === 'pageerror').map((m) => m.text);
    },
    get warnings() {
      return messages.filter((m) => m.type === 'warning').map((m) => m.text);
    },
    clear: () => {
      messages.length = 0;
    },
    stop: () => {
      if (isPage) {
        target.off('console', onConsole);
        target.off('pageerror', onPageError);
      } else {
        target.off('console', onConsole);
        target.off('weberror', onWebError);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// IndexedDB, read raw from an extension page
// ---------------------------------------------------------------------------------------------

type DbOp = { kind: 'info' } | { kind: 'count'; table: string } | { kind: 'read'; table: string };
type DbResult =
  | { ok: true; exists: boolean; version?: number; stores?: string[]; value?: unknown }
  | { ok: false; error: string };

function isPage(target: Page | ExtensionHandle): target is Page {
  return typeof (target as Page).evaluate === 'function';
}

async function extensionPageFor(target: Page | ExtensionHandle): Promise<{ page: Page; dispose: () => Promise<void> }> {
  if (isPage(target)) {
    const page = target;
    if (!page.url().startsWith('chrome-extension://')) {
      throw new Error(
        `IndexedDB helpers must run in an extension page (chrome-extension://…), not ${page.url()}: ` +
          'a web page has its own IndexedDB. Pass the side panel page or the extension handle.',
      );
    }
    return { page, dispose: () => Promise.resolve() };
  }
  const page = await target.context.newPage();
  await page.goto(target.url('manifest.json'));
  return { page, dispose: () => page.close() };
}

async function runDb(target: Page | ExtensionHandle, op: DbOp, dbName: string): Promise<DbResult> {
  const { page, dispose } = await extensionPageFor(target);
  try {
    return await page.evaluate(
      async ({ op, dbName }): Promise<DbResult> => {
        const listed = await indexedDB.databases();
        if (!listed.some((d) => d.name === dbName)) return { ok: true, exists: false };
        // Opening without a version never upgrades an existing database.
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(dbName);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
        });
        try {
          const stores = Array.from(db.objectStoreNames);
          if (op.kind === 'info') return { ok: true, exists: true, version: db.version, stores };
          if (!stores.includes(op.table)) {
            return { ok: false, error: `no object store "${op.table}" in "${dbName}" (stores: ${stores.join(', ') || 'none'})` };
          }
          const store = db.transaction(op.table, 'readonly').objectStore(op.table);
          const request: IDBRequest = op.kind === 'count' ? store.count() : store.getAll();
          const value = await new Promise((resolve, reject) => {
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
          });
          return { ok: true, exists: true, version: db.version, stores, value };
        } finally {
          db.close();
        }
      },
      { op, dbName },
    );
  } finally {
    await dispose();
  }
}

export interface DatabaseInfo {
  exists: boolean;
  /** IndexedDB's version (Dexie's version × 10). */
  version?: number;
  stores: string[];
}

/** Whether the database exists, its IndexedDB version and its object stores. */
export async function databaseInfo(target: Page | ExtensionHandle, dbName: string = DB_NAME): Promise<DatabaseInfo> {
  const result = await runDb(target, { kind: 'info' }, dbName);
  if (!result.ok) throw new Error(result.error);
  return { exists: result.exists, version: result.version, stores: result.stores ?? [] };
}

/**
 * Every row of a table (object store names are the table names of lib/db/schema.ts). Rows cross
 * to Node by Playwright's serialization: plain data and Dates survive, Blobs do not. Throws when
 * the database or the table does not exist (yet): poll with expect.poll or waitFor.
 */
export async function readTable<T = Record<string, unknown>>(
  target: Page | ExtensionHandle,
  table: string,
  dbName: string = DB_NAME,
): Promise<T[]> {
  const result = await runDb(target, { kind: 'read', table }, dbName);
  if (!result.ok) throw new Error(result.error);
  if (!result.exists) throw new Error(`IndexedDB database "${dbName}" does not exist (yet)`);
  return result.value as T[];
}

/** The number of rows in a table; throws like readTable when it does not exist (yet). */
export async function countTable(target: Page | ExtensionHandle, table: string, dbName: string = DB_NAME): Promise<number> {
  const result = await runDb(target, { kind: 'count', table }, dbName);
  if (!result.ok) throw new Error(result.error);
  if (!result.exists) throw new Error(`IndexedDB database "${dbName}" does not exist (yet)`);
  return result.value as number;
}
