import { defineConfig } from 'vitest/config';

// End-to-end tests drive the BUILT extension in real browsers, with time to start a browser. Node 20 has
// a global WebSocket (for WebDriver BiDi) only behind a flag. One file at a time on a desk shared with
// other work; in CI (.ci/run, a machine of its own) two files at once: each launches its own browser with
// its own temporary profile and its servers on ports the system picks, so files share nothing, and a
// browser test mostly waits (on this 2-core machine a pass went from 160 to 124 s, the oldest browsers'
// from 164 to 102 s).
const together = process.env.CI ? 2 : 1;

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: together,
    fileParallelism: together > 1,
    execArgv: typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
