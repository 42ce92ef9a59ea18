/**
 * The saved-articles page: filter, search, sort, edit tags and notes in place, delete with undo, act on a
 * selection, export, and read an article's saved text offline. `collection.html?article=URL` opens one
 * article (the popup links there).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { getDb, getSavedArticle, removeArticles, restoreArticles, tagArticles, updateArticle } from '@/lib/worker/db';
import type { CollectionFilter } from '@/lib/shared/collection/filter';
import type { SavedArticle } from '@/lib/shared/messaging';
import { exportArticles, EXPORT_FORMATS, FORMAT_LABELS, type ExportFormat } from '@/lib/worker/export/formats';
import { download } from '@/components/download';
import { useCollection } from './useCollection';
import { Filters } from './Filters';
import { ArticleItem } from './ArticleItem';
import { BulkBar } from './BulkBar';
import { Reader } from './Reader';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function Collection() {
  const [filter, setFilter] = useState<CollectionFilter>({});
  const { rows, facets, total, error } = useCollection(filter);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reading, setReading] = useState<SavedArticle | null>(null);
  const [undo, setUndo] = useState<SavedArticle[] | null>(null);
  const [busy, setBusy] = useState('');
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');
  const [format, setFormat] = useState<ExportFormat>('json');

  // ?article=URL: open that article's saved text, or show it alone when it has none.
  useEffect(() => {
    const wanted = new URLSearchParams(location.search).get('article');
    if (!wanted) return;
    getSavedArticle(getDb(), wanted).then(
      (row) => {
        if (row?.text) setReading(row);
        else if (row) setFilter({ text: row.url });
        else setFailure('That article is not in your collection (any more).');
      },
      () => setFailure('That link does not name an article.'),
    );
  }, []);

  // The selection keeps only articles still there.
  const shownUrls = useMemo(() => new Set(rows?.map((r) => r.url)), [rows]);
  const chosen = rows?.filter((r) => selected.has(r.url)) ?? [];

  /** Run a slow operation with its progress shown and its failure told; the page stays usable. */
  async function run(label: string, work: () => Promise<string | void>) {
    setBusy(label);
    setFailure('');
    setNotice('');
    try {
      const done = await work();
      if (done) setNotice(done);
    } catch (e) {
      setFailure(message(e));
    } finally {
      setBusy('');
    }
  }

  const remove = (urls: string[]) =>
    run('Deleting…', async () => {
      const removed = await removeArticles(getDb(), urls);
      setSelected((s) => new Set([...s].filter((u) => !urls.includes(u))));
      setUndo(removed);
    });

  const restore = () =>
    run('Restoring…', async () => {
      const rowsBack = undo ?? [];
      setUndo(null);
      const n = await restoreArticles(getDb(), rowsBack);
      return `Restored ${plural(n, 'article')}.`;
    });

  const exportRows = (fmt: ExportFormat, list: SavedArticle[]) =>
    run(`Exporting ${plural(list.length, 'article')}…`, async () => {
      // Let the progress paint before the work takes the thread.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      download(exportArticles(fmt, list));
      return `Exported ${plural(list.length, 'article')} as ${FORMAT_LABELS[fmt]}.`;
    });

  /** Back to the list, where the keyboard was: on the article's "Read saved text" (the list was not on the page meanwhile). */
  const closeReader = (url: string) => {
    setReading(null);
    requestAnimationFrame(() => {
      const item = document.querySelector(`li.article[data-url="${CSS.escape(url)}"]`);
      (item?.querySelector<HTMLElement>('button[name=read]') ?? item?.querySelector<HTMLElement>('a'))?.focus();
    });
  };

  if (reading)
    return (
      <main>
        <Reader article={reading} onClose={() => closeReader(reading.url)} />
      </main>
    );

  return (
    <main aria-busy={busy ? 'true' : 'false'}>
      <h1>Your collection</h1>
      <p class="muted" data-testid="count">
        {total === undefined
          ? 'Loading…'
          : rows && rows.length !== total
            ? `${rows.length} of ${plural(total, 'article')} shown`
            : plural(total, 'saved article')}
      </p>
      <Filters filter={filter} facets={facets} onChange={setFilter} />
      <section class="row wrap export" aria-label="Export">
        <label for="export-format">Export format</label>
        <select id="export-format" name="format" value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => rows && void exportRows(format, rows)} disabled={!rows?.length}>
          Export shown ({rows?.length ?? 0})
        </button>
        {/* The JSON export is re-importable: where, said where it is made. */}
        <a href="/options.html#data">Import a JSON export…</a>
      </section>
      <BulkBar
        count={chosen.length}
        shown={rows?.length ?? 0}
        onSelectAll={() => setSelected(new Set(shownUrls))}
        onClear={() => setSelected(new Set())}
        onTag={(tags) =>
          void run(
            'Tagging…',
            async () =>
              `Tagged ${plural(
                await tagArticles(
                  getDb(),
                  chosen.map((r) => r.url),
                  tags,
                ),
                'article',
              )}.`,
          )
        }
        onExport={(fmt) => void exportRows(fmt, chosen)}
        onDelete={() => void remove(chosen.map((r) => r.url))}
      />
      <div class="status-area" aria-live="polite">
        {busy && (
          <p class="busy" role="status">
            <progress aria-label={busy} /> {busy}
          </p>
        )}
        {notice && (
          <p role="status" data-testid="notice">
            {notice}
          </p>
        )}
        {undo && (
          <p class="undo" role="status" data-testid="undo">
            {`Deleted ${plural(undo.length, 'article')}.`}{' '}
            <button type="button" onClick={() => void restore()}>
              Undo
            </button>{' '}
            <button type="button" aria-label="Dismiss" onClick={() => setUndo(null)}>
              ×
            </button>
          </p>
        )}
      </div>
      {(failure || error) && (
        <p class="error" role="alert">
          {failure || error}
        </p>
      )}
      {rows === undefined && !error && <p class="muted">Loading…</p>}
      {total === 0 && (
        <p class="muted" data-testid="empty">
          Nothing saved yet. Save an article from the toolbar popup or the sidebar.
        </p>
      )}
      {total !== 0 && rows?.length === 0 && (
        <p class="muted" data-testid="none-match">
          No saved article matches these filters.
        </p>
      )}
      {rows && rows.length > 0 && (
        <ol class="articles" data-testid="collection">
          {rows.map((a) => (
            <ArticleItem
              key={a.url}
              article={a}
              selected={selected.has(a.url)}
              onSelect={(on) =>
                setSelected((s) => {
                  const next = new Set(s);
                  if (on) next.add(a.url);
                  else next.delete(a.url);
                  return next;
                })
              }
              onSave={async (change) => {
                setFailure('');
                await updateArticle(getDb(), a.url, change);
              }}
              onDelete={() => void remove([a.url])}
              onRead={() => setReading(a)}
              onEntity={(key) => setFilter({ ...filter, entityKey: key })}
            />
          ))}
        </ol>
      )}
    </main>
  );
}
