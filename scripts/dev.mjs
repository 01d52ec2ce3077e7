#!/usr/bin/env node
// `npm run dev`: WXT's dev server (hot reload into .output/chrome-mv3-dev).
//
// With a display and a Chromium binary, Chromium opens with the extension loaded: WXT does it
// when the optional `web-ext` package is installed, else this script starts Chromium itself
// (its own profile in .wxt-runner/) once the first build is out. With no display or no
// Chromium it sets LEADSIDE_NO_BROWSER=1 (wxt.config.ts then disables webExt, which would crash
// without a display) and prints how to load the extension by hand.
// It keeps serving with a closed stdin (`npm run dev < /dev/null`), forwards SIGINT/SIGTERM to
// WXT and exits with WXT's status. Extra arguments go to `wxt` (e.g. `npm run dev -- --port 3001`).
import { spawn } from 'node:child_process';
import { findChromium } from './lib/chromium.mjs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WXT = path.join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs');


if (!existsSync(WXT)) {
  console.error('dev: WXT is not installed. Run `npm ci` (or `npm install`) first.');
  process.exit(1);
}

const chromePath = findChromium();
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const hasWebExt = existsSync(path.join(ROOT, 'node_modules', 'web-ext', 'package.json'));

const reasons = [];
if (!hasDisplay) reasons.push('no display (DISPLAY and WAYLAND_DISPLAY are unset)');
if (!chromePath) {
  reasons.push(
    process.env.CHROME_PATH
      ? `CHROME_PATH=${process.env.CHROME_PATH} is not executable`
      : 'no Chromium found (set CHROME_PATH, or `apt-get install -y chromium`)',
  );
}
const openBrowser = reasons.length === 0;
// Without web-ext, WXT cannot open the browser: we do, after the first build.
const launchOurselves = openBrowser && !hasWebExt;

const env = { ...process.env };
if (chromePath) env.CHROME_PATH = chromePath;
if (!openBrowser || launchOurselves) env.LEADSIDE_NO_BROWSER = '1';
if (process.stdout.isTTY && !env.NO_COLOR) env.FORCE_COLOR ??= '1';

const howToLoad = [
  '',
  `Leadside dev: not opening a browser: ${reasons.join('; ')}.`,
  'Load the extension by hand in Chrome/Chromium:',
  '  1. open chrome://extensions and turn on "Developer mode"',
  `  2. "Load unpacked" → ${path.join(ROOT, '.output', 'chrome-mv3-dev')}`,
  '     (the dev build loads its code from this dev server: keep `npm run dev` running)',
  `  or run \`npm run build\` and load ${path.join(ROOT, '.output', 'chrome-mv3')} (self-contained).`,
  '',
].join('\n');

if (!openBrowser) console.log(howToLoad);

// With a terminal, WXT gets it (keyboard shortcuts). Otherwise it gets a pipe that stays open
// for as long as we live, so a closed or /dev/null stdin never ends the dev server.
const stdinMode = process.stdin.isTTY ? 'inherit' : 'pipe';
const child = spawn(process.execPath, [WXT, ...process.argv.slice(2)], {
  cwd: ROOT,
  env,
  stdio: [stdinMode, 'pipe', 'pipe'],
});

let browser = null;
function launchChromium() {
  const devDir = path.join(ROOT, '.output', 'chrome-mv3-dev');
  const profile = path.join(ROOT, '.wxt-runner', 'profile');
  const args = [
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${devDir}`,
    `--load-extension=${devDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    'chrome://extensions',
  ];
  console.log(`Leadside dev: opening ${chromePath} with the extension from ${devDir}`);
  browser = spawn(chromePath, args, { stdio: 'ignore' });
  browser.on('error', (error) => console.error(`dev: could not start Chromium: ${error.message}`));
  browser.on('exit', () => (browser = null));
}

let announced = openBrowser;
let launched = false;
const forward = (stream, out) => {
  stream.on('data', (chunk) => {
    out.write(chunk);
    if (launchOurselves && !launched && /Built extension|Load ".*" as an unpacked extension|Finished in/.test(chunk.toString())) {
      launched = true;
      setTimeout(launchChromium, 200);
    }
    // Repeat the instructions once the first build is out, where they will be seen.
    if (!announced && /Built extension|Load ".*" as an unpacked extension/.test(chunk.toString())) {
      announced = true;
      setTimeout(() => console.log(howToLoad), 50);
    }
  });
};
forward(child.stdout, process.stdout);
forward(child.stderr, process.stderr);
for (const out of [process.stdout, process.stderr]) out.on('error', () => undefined);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    browser?.kill('SIGTERM');
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on('error', (error) => {
  console.error(`dev: could not start wxt: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  browser?.kill('SIGTERM');
  if (signal) {
    const number = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal] ?? 1;
    process.exit(128 + number);
  }
  process.exit(code ?? 1);
});
