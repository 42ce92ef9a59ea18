/**
 * A test file's session with the built extension in headless Chromium, for the tests that hand the worker
 * feed items: the extension launched before the file's tests and closed after them, the collection page
 * open to speak from, and (with `serve`) the loopback server of test pages for reading an article, (with
 * `sources`) the loopback server the sync's sources are pointed at.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/chromium';
import type { DemoServer } from '../../demo/server';
import { ingestItems, openChromiumProbe, pointSourcesAt, tableRows, type ExtensionPage } from './extension-page';
import { serveTestPages } from './helpers';
import { startSyncServer, type Behaviour, type SyncServer } from './sync-server';

export interface ProbeSession {
  /** Set once the file's beforeAll has run. */
  ext: ExtensionBrowser;
  probe: ExtensionPage;
  /** Only with `serve`. */
  server: DemoServer;
  /** Only with `sources`: what answers the sync's sources (each built-in source's URL and the extra paths given). */
  sources: SyncServer;
  /** Feed items given to the worker's ingest; its report. */
  ingest(items: unknown[]): ReturnType<typeof ingestItems>;
  /** Every row of a table of the extension's database. */
  tableRows(table: string): Promise<Record<string, unknown>[]>;
}

/** Registers the file's beforeAll/afterAll; call it at the top level of a test file. */
export function probeSession(opts: { serve?: boolean; sources?: Record<string, Behaviour> } = {}): ProbeSession {
  const session = {
    ingest: (items: unknown[]) => ingestItems(session.probe, items),
    tableRows: (table: string) => tableRows(session.probe, table),
  } as ProbeSession;
  beforeAll(async () => {
    if (opts.serve) session.server = await serveTestPages();
    if (opts.sources) session.sources = await startSyncServer(opts.sources);
    session.ext = await launchWithExtension({ headless: true });
    session.probe = await openChromiumProbe(session.ext);
    if (opts.sources) await pointSourcesAt(session.probe, session.sources.origin);
  });
  afterAll(async () => {
    await session.ext?.close();
    await session.server?.close();
    await session.sources?.close();
  });
  return session;
}
