/** The reader a sync benchmark page runs in a dedicated Worker (bundled, started from a blob URL). */
import { serveReader } from '../../lib/worker/sync/reader-serve';

serveReader(self as unknown as Parameters<typeof serveReader>[0]);
