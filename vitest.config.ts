import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // A guard against hangs, not a speed check: the tests that build the whole catalogue take seconds of CPU
    // each, several times that on a busy machine.
    testTimeout: 60_000,
    // Vitest keeps a core for itself by default: one worker on a 2-core machine. In CI (.ci/run, a machine
    // of its own) use every core: the unit files share nothing (temporary folders, fake-indexeddb per file,
    // the CLI's matcher cache written by rename). Not on a desk shared with other work, where a second worker
    // only halves each test's share of a busy CPU.
    maxWorkers: process.env.CI ? availableParallelism() : undefined,
  },
});
