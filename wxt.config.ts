import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ALL_SITES_ORIGINS, DEMO_MATCHES } from './lib/shared/sites';
import { BUILTIN_ORIGINS } from './lib/worker/sync/sources';
import { seedStampDefine } from './lib/node/seed-stamp';

// Permissions, each explained in README.md ("Permissions"). Host access comes from the content
// script's own match list (lib/shared/sites.ts), activeTab for pages the user points at, and the optional
// all-sites grant.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too gets Manifest V3 (WXT would default it to MV2).
  manifestVersion: 3,
  // The bundled seed's stamp, worked out here so that a woken worker need not evaluate the seed to check its stored matcher.
  vite: () => ({ plugins: [preact()], define: seedStampDefine() }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    // The sources zip (for addons.mozilla.org review) is the project, not local scratch or outputs.
    excludeSources: ['tmp/**', 'bench/tmp/**', 'test-results/**', 'demo-screenshot.png', 'bench-results.json'],
  },
  manifest: ({ browser }) => ({
    name: 'Incident Lens',
    description: 'Highlights threat actors, malware, CVEs, indicators and incidents in security news — locally.',
    // Chrome: `offscreen` for the sync's readers (a service worker cannot start a Worker; README, "Permissions").
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms', ...(browser === 'firefox' ? [] : ['offscreen'])],
    // The loopback demo only: the same hosts the content script already matches (so no new warning),
    // granted as host permissions so that on-demand injection and tab details work there without a
    // user gesture (the end-to-end tests cannot click the toolbar button).
    host_permissions: [...DEMO_MATCHES],
    // The sync's sources (lib/worker/sync/sources.ts), each asked for when the user turns the sync on (onboarding page,
    // options); a user's own feed's host when the user adds it (covered by the all-sites pattern).
    optional_host_permissions: [...ALL_SITES_ORIGINS, ...BUILTIN_ORIGINS],
    // The keyboard shortcut that shows or hides the reading sidebar (and reads a page it did not run on).
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Show or hide the Incident Lens sidebar',
      },
    },
    // The oldest browsers Incident Lens supports (README, "Supported browsers"): Chrome 120, the oldest that
    // .ci/run can test (Debian 11's last; the Highlight API, color-mix() and Vite's baseline would allow 111,
    // but what no test runs on is not claimed) and Firefox 140 (the Highlight API). Below them the store and
    // the browser refuse the install instead of offering a reading view that may fail.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'incident-lens@incident-lens.dev',
              strict_min_version: '140.0',
              // Nothing leaves the browser: no data is collected or transmitted.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '120' }),
  }),
});
