#!/usr/bin/env node
// Builds the editor fixture bundles for the end-to-end tests: real Lexical, Draft.js and React 18
// (NOT the project's Preact alias, so the project's vite/wxt config is deliberately not used:
// `configFile: false`, no plugins), each an IIFE that mounts on `[data-fixture-editor="<kind>"]`.
//
//   node scripts/build-editor-fixtures.mjs          build when a source or dependency is newer
//   node scripts/build-editor-fixtures.mjs --force  always build
//
// Output: tests/e2e/fixtures/editors/dist/{lexical,draft,react-textarea}.js (git-ignored).
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const EDITOR_FIXTURES_DIR = path.join(ROOT, 'tests', 'e2e', 'fixtures', 'editors');
const SRC_DIR = path.join(EDITOR_FIXTURES_DIR, 'src');
const DIST_DIR = path.join(EDITOR_FIXTURES_DIR, 'dist');

/** Bundle name → entry source. */
const ENTRIES = {
  lexical: 'lexical.js',
  draft: 'draft.js',
  'react-textarea': 'react-textarea.js',
};

/** What a bundle depends on besides src/: a version change of any of these means a rebuild. */
const DEPENDENCY_MANIFESTS = ['lexical', '@lexical/plain-text', '@lexical/history', 'draft-js', 'react', 'react-dom'].map(
  (name) => path.join(ROOT, 'node_modules', name, 'package.json'),
);

function newestInput() {
  const files = [
    ...readdirSync(SRC_DIR).map((name) => path.join(SRC_DIR, name)),
    ...DEPENDENCY_MANIFESTS,
    fileURLToPath(import.meta.url),
  ];
  return Math.max(...files.map((file) => statSync(file).mtimeMs));
}

function upToDate() {
  const outputs = Object.keys(ENTRIES).map((name) => path.join(DIST_DIR, `${name}.js`));
  if (!outputs.every((file) => existsSync(file))) return false;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return oldestOutput >= newestInput();
}

/**
 * Bundles the fixture editors into tests/e2e/fixtures/editors/dist/. Skips the build when every
 * bundle is newer than the sources and the libraries' package.json files, unless `force`.
 * @param {{ force?: boolean, quiet?: boolean }} [options]
 * @returns {Promise<{ built: boolean, dir: string }>}
 */
export async function buildEditorFixtures({ force = false, quiet = false } = {}) {
  if (!force && upToDate()) {
    if (!quiet) console.log('editor fixtures: up to date');
    return { built: false, dir: DIST_DIR };
  }
  const { build } = await import('vite');
  mkdirSync(DIST_DIR, { recursive: true });
  const started = Date.now();
  // One build per bundle: an IIFE cannot have several entries. In sequence: the machine is small.
  for (const [name, entry] of Object.entries(ENTRIES)) {
    await build({
      configFile: false,
      envDir: false,
      root: EDITOR_FIXTURES_DIR,
      mode: 'production',
      logLevel: quiet ? 'silent' : 'warn',
      // React, fbjs and draft-js read process.env.NODE_ENV; fbjs's setImmediate reads `global`.
      define: {
        'process.env.NODE_ENV': JSON.stringify('production'),
        global: 'globalThis',
      },
      resolve: { conditions: ['browser', 'production', 'import', 'default'] },
      build: {
        outDir: DIST_DIR,
        emptyOutDir: false,
        copyPublicDir: false,
        minify: false,
        sourcemap: false,
        reportCompressedSize: false,
        // Generated code: keep `eslint .` quiet about it even where the config does not ignore dist/.
        rolldownOptions: { output: { banner: '/* eslint-disable */' } },
        lib: {
          entry: path.join(SRC_DIR, entry),
          formats: ['iife'],
          name: `fixtureEditor_${name.replace(/\W/g, '_')}`,
          fileName: () => `${name}.js`,
        },
      },
    });
  }
  if (!quiet) console.log(`editor fixtures: built ${Object.keys(ENTRIES).length} bundles in ${Date.now() - started} ms → ${path.relative(ROOT, DIST_DIR)}`);
  return { built: true, dir: DIST_DIR };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await buildEditorFixtures({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(`editor fixtures: build failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  }
}
