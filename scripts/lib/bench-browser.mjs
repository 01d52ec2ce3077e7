/**
 * What every benchmark script needs first: the test build (built unless --no-build) and a
 * headless Chromium with it loaded in a fresh profile. Used by scripts/bench.mjs and by the
 * sections that also run on their own (tests/bench/*.mjs).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium } from './chromium.mjs';

/** The test build's folder (LEADSIDE_OUT_DIR picks the build folder); exits with a message when it cannot be had. */
export function benchBuild(args) {
  const extDir = resolve(process.env.LEADSIDE_OUT_DIR || '.output', 'chrome-mv3-test');
  if (!findChromium()) {
    console.error('Chromium not found. Install it with `apt-get install -y chromium` or set CHROME_PATH.');
    process.exit(1);
  }
  if (!args.includes('--no-build')) execSync('npx wxt build --mode test', { stdio: 'inherit' });
  if (!existsSync(join(extDir, 'manifest.json'))) {
    console.error(`No test build in ${extDir}: run \`npx wxt build --mode test\`.`);
    process.exit(1);
  }
  return extDir;
}

/** Headless Chromium with the build loaded, in a side-panel-sized window; `close` removes the profile. */
export async function launchBench(extDir, { name = 'leadside-bench-', extraArgs = [] } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), name));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    viewport: { width: 400, height: 800 },
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-first-run',
      '--disable-gpu',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      ...extraArgs,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Seeds `count` generated leads through the test build's bench page (the app's own mutations). */
export async function seedBench(context, worker, count) {
  const extensionId = new URL(worker.url()).host;
  const seeder = await context.newPage();
  await seeder.goto(`chrome-extension://${extensionId}/bench.html`);
  await seeder.waitForFunction(() => document.title === 'Leadside bench ready');
  const seeded = await seeder.evaluate((n) => globalThis.leadsideBench.seed(n), count);
  await seeder.close();
  return seeded;
}
