import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Incident Lens',
    description: 'Highlights threat actors, malware, CVEs, indicators and incidents in security news — locally.',
    permissions: ['storage', 'alarms', 'activeTab', 'scripting', 'contextMenus'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'incident-lens@incident-lens.dev', strict_min_version: '128.0' } } }
      : {}),
  }),
});
