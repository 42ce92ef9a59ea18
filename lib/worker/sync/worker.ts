/**
 * Everything the background worker's sync needs, in one module that the worker loads with `import()` only
 * when a sync message or alarm arrives: a worker woken to answer a page never evaluates the sync, the feed
 * parser or the catalogue importers. (The background is one classic script; the bundler keeps this
 * module's code in it but behind a lazy initialiser that only `import()` runs.)
 */
export { runSync, type RunOptions, type RunSummary } from './run';
export { syncOverview, sourceView } from './status';
export { openReaders } from './reader-hosts';
export { addUserFeed, removeUserFeed, setSourceEnabled } from './user-feeds';
export {
  getIntervals,
  setIntervals,
  getRetentionDays,
  getSourceBaseOverride,
  getTestTimeoutMs,
  saveLastRun,
  type LastRun,
} from './settings';

/**
 * On the worker's timeline when this module's code runs, so that a test can see that a worker woken to answer a
 * page did not evaluate it (tests/e2e/woken.test.ts). `performance` is in every runtime lib/ runs in.
 */
performance.mark('il:sync-evaluated');
