import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Entry points that exist only for tests and benchmarks; a production build leaves them out.
const TEST_ONLY_ENTRYPOINTS = new Set(['bench']);

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Parallel builds (several engineers or agents testing at once) each take their own folder.
  outDir: process.env.LEADSIDE_OUT_DIR || '.output',
  // Explicit imports everywhere: lint can then enforce the lib/platform boundary.
  imports: false,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ mode }) => ({
    name: mode === 'production' ? 'Leadside' : `Leadside (${mode})`,
    description: "A recruiting CRM's Leads tab beside any tab: leads, chat, capture and quick replies.",
    // alarms: the daily No Response rule (lib/platform/background.ts).
    // activeTab + scripting + contextMenus: quick replies in any tab (DESIGN §4). The shortcut and
    // the context menu grant activeTab on the tab they were used in; the picker is injected there
    // on demand, so no content script runs on every site and there is no <all_urls>.
    permissions: ['storage', 'sidePanel', 'unlimitedStorage', 'alarms', 'activeTab', 'scripting', 'contextMenus'],
    // Capture (DESIGN §4, §6): these two origins and nothing else; Chrome ignores paths here.
    host_permissions: ['https://www.linkedin.com/*', 'https://www.facebook.com/*'],
    // "Insert into page" from the side panel (no gesture in the page, so no activeTab): asked
    // for the first time it is used on these sites (lib/messaging/quick-reply-protocol.ts).
    optional_host_permissions: ['https://web.whatsapp.com/*', 'https://www.messenger.com/*', 'https://mail.google.com/*'],
    commands: {
      'insert-quick-reply': {
        suggested_key: { default: 'Alt+Shift+Q', mac: 'Alt+Shift+Q' },
        description: 'Insert a quick reply into the field you are typing in',
      },
    },
    action: { default_title: 'Open Leadside' },
    minimum_chrome_version: '116',
  }),
  hooks: {
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.mode !== 'production') return;
      for (let i = entrypoints.length - 1; i >= 0; i--) {
        if (TEST_ONLY_ENTRYPOINTS.has(entrypoints[i]!.name)) entrypoints.splice(i, 1);
      }
    },
  },
  webExt: {
    // `npm run dev` decides (scripts/dev.mjs) whether a browser can be opened at all.
    disabled: process.env.LEADSIDE_NO_BROWSER === '1',
    binaries: { chrome: process.env.CHROME_PATH || 'chromium' },
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox', '--no-first-run'] : ['--no-first-run'],
    startUrls: ['chrome://extensions'],
  },
});
