import { defineConfig } from 'vitest/config';

// End-to-end tests drive the BUILT extension in real browsers: one file at a time, in one fork,
// with time to start a browser. Node 20 has a global WebSocket (for WebDriver BiDi) only behind a flag.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    execArgv: typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
