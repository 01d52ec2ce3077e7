#!/usr/bin/env node
// `npm test`: build the test build, run the unit tests, then the end-to-end tests in real
// Chromium, and end with one line: `tests: N passed, N failed[, N skipped]`.
//
//   npm test                      everything (builds first)
//   npm test -- --no-build        reuse .output/chrome-mv3-test
//   npm test -- --unit-only       unit tests only (no build, no Chromium needed)
//   npm test -- --e2e-only        end-to-end tests only
//   npm test -- harness           other arguments go to both Vitest runs (e.g. a file filter)
//
// The counts come from Vitest's JSON reports (test-results/<project>.json). The exit code is
// non-zero when a step fails, a test fails, or a report is missing: a crashed run is never green.
import { spawn } from 'node:child_process';
import { findChromium } from './lib/chromium.mjs';
import { buildEditorFixtures } from './build-editor-fixtures.mjs';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(ROOT, 'test-results');
const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3-test');
const WXT = path.join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs');
const VITEST = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');

const OWN_FLAGS = new Set(['--no-build', '--unit-only', '--e2e-only']);
const argv = process.argv.slice(2);
const flags = new Set(argv.filter((a) => OWN_FLAGS.has(a)));
const passThrough = argv.filter((a) => !OWN_FLAGS.has(a));

if (flags.has('--unit-only') && flags.has('--e2e-only')) {
  console.error('test: --unit-only and --e2e-only exclude each other.');
  process.exit(2);
}
const runUnit = !flags.has('--e2e-only');
const runE2e = !flags.has('--unit-only');
const build = runE2e && !flags.has('--no-build');
// A positional argument is a file filter: a project with no matching file is not an error then
// (but a run in which nothing at all matched is).
const filtered = passThrough.some((a) => !a.startsWith('-'));


let current = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) current.kill(signal);
    process.exit(130);
  });
}

/** Runs a command with inherited stdio; resolves with its exit code (or 1 if it died). */
function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    current = child;
    child.on('error', (error) => {
      console.error(`test: could not start ${label}: ${error.message}`);
      current = null;
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      current = null;
      if (signal) console.error(`test: ${label} was killed by ${signal}`);
      resolve(code ?? 1);
    });
  });
}

const problems = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

async function vitest(project, env) {
  const report = path.join(RESULTS_DIR, `${project}.json`);
  rmSync(report, { force: true });
  const args = [
    VITEST,
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.relative(ROOT, report)}`,
    ...(filtered ? ['--passWithNoTests'] : []),
    ...passThrough,
  ];
  const code = await run(`vitest run --project ${project}`, process.execPath, args, env);
  if (!existsSync(report)) {
    problems.push(`${project}: no JSON report (${path.relative(ROOT, report)}); the run crashed or never started`);
    return;
  }
  let json;
  try {
    json = JSON.parse(readFileSync(report, 'utf8'));
  } catch (error) {
    problems.push(`${project}: unreadable JSON report: ${error.message}`);
    return;
  }
  const count = (key) => (Number.isFinite(json[key]) ? json[key] : 0);
  totals.passed += count('numPassedTests');
  totals.failed += count('numFailedTests');
  totals.skipped += count('numPendingTests') + count('numTodoTests');
  // A file that fails to load (syntax error, bad import) fails its suite with no failed test.
  if (count('numFailedTests') === 0 && (count('numFailedTestSuites') > 0 || json.success === false)) {
    problems.push(`${project}: a test file failed to run (see the errors above)`);
  }
  if (code !== 0) problems.push(`${project}: vitest exited with code ${code}`);
}

let chromePath = null;
if (runE2e) {
  chromePath = findChromium();
  if (!chromePath) {
    const why = process.env.CHROME_PATH
      ? `CHROME_PATH=${process.env.CHROME_PATH} is not an executable file`
      : 'no chromium, chromium-browser or google-chrome on the PATH';
    console.error(
      `test: Chromium is needed for the end-to-end tests, but ${why}.\n` +
        '      Install it with `apt-get install -y chromium` (Debian; run as root or with sudo),\n' +
        '      or set CHROME_PATH to a Chromium/Chrome binary. `npm test -- --unit-only` runs the unit tests alone.',
    );
    process.exit(1);
  }
}

mkdirSync(RESULTS_DIR, { recursive: true });

if (build) {
  const code = await run('wxt build --mode test', process.execPath, [WXT, 'build', '--mode', 'test']);
  if (code !== 0) problems.push(`build: wxt build --mode test exited with code ${code}`);
}

if (runUnit) await vitest('unit', {});

if (runE2e) {
  if (build && problems.some((p) => p.startsWith('build:'))) {
    problems.push('e2e: not run, the test build failed');
  } else if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    problems.push(`e2e: not run, no test build at ${path.relative(ROOT, EXTENSION_DIR)} (run without --no-build)`);
  } else {
    // The editor fixture pages (real Lexical, Draft.js, React) load bundles built from
    // tests/e2e/fixtures/editors/src; skipped when they are up to date.
    try {
      await buildEditorFixtures();
    } catch (error) {
      problems.push(`e2e: the editor fixtures did not build: ${error instanceof Error ? error.message : String(error)}`);
    }
    await vitest('e2e', { CHROME_PATH: chromePath, LEADSIDE_EXTENSION_DIR: EXTENSION_DIR });
  }
}

if (filtered && problems.length === 0 && totals.passed + totals.failed + totals.skipped === 0) {
  problems.push(`no test matched ${passThrough.filter((a) => !a.startsWith('-')).join(' ')}`);
}

console.log('');
for (const problem of problems) console.error(`FAILED: ${problem}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exitCode = problems.length > 0 || totals.failed > 0 ? 1 : 0;
