/**
 * Data: export everything (collection, settings, the user's sources) as one JSON file, import such a file
 * (checked whole before anything is written; merged without duplicates), and erase everything after the
 * user confirms. A failed import or a full disk changes nothing and says so.
 */
import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/worker/db';
import { eraseEverything, exportEverything, importData, type SettingsStore } from '@/lib/worker/db/data';
import { MAX_IMPORT_CHARS, parseImport } from '@/lib/worker/export/import';
import { exportFile } from '@/lib/worker/export/formats';
import { download } from '@/components/download';
import './data-section.css';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function settingsStore(): SettingsStore {
  const local = browser.storage.local;
  return {
    get: () => local.get(null) as Promise<Record<string, unknown>>,
    set: (items) => local.set(items),
    clear: () => local.clear(),
  };
}

export function DataSection() {
  const [busy, setBusy] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string }>();
  const [confirming, setConfirming] = useState(false);
  const [confirmText, setConfirmText] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);

  async function run(label: string, work: () => Promise<string>) {
    setBusy(label);
    setResult(undefined);
    try {
      setResult({ ok: true, text: await work() });
    } catch (e) {
      setResult({ ok: false, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy('');
    }
  }

  const exportAll = () =>
    run('Exporting…', async () => {
      const file = await exportEverything(getDb(), settingsStore());
      download(exportFile(file));
      return `Exported ${plural(file.articles.length, 'article')}, ${plural(Object.keys(file.settings ?? {}).length, 'setting')} and ${plural(file.sources?.length ?? 0, 'source')}.`;
    });

  const importFile = (file: File) =>
    run(`Importing ${file.name}…`, async () => {
      // A file larger than any export could be is refused before it is read into memory.
      if (file.size > MAX_IMPORT_CHARS * 4)
        throw new Error(`${file.name} is too large to be an Incident Lens export. Nothing was changed.`);
      const parsed = parseImport(await file.text());
      if (!parsed.ok) throw new Error(parsed.error);
      const s = await importData(getDb(), parsed.data, settingsStore());
      return `Imported ${file.name}: ${plural(s.added, 'new article')}, ${plural(s.updated, 'article')} updated, ${s.unchanged} already there; ${plural(s.sourcesAdded, 'new source')}; ${plural(s.settings, 'setting')}.`;
    });

  const erase = () =>
    run('Erasing…', async () => {
      await eraseEverything(getDb(), settingsStore());
      setConfirming(false);
      setConfirmText('');
      return 'Everything was erased: the collection, the downloaded sources and the settings.';
    });

  return (
    <section aria-labelledby="data-heading" id="data" class="data-section" aria-busy={busy ? 'true' : 'false'}>
      <h2 id="data-heading">Your data: export, import, erase</h2>
      <p class="muted">Your collection, settings and sources, in one file you can keep or move to another browser.</p>
      <div class="row">
        <button type="button" onClick={() => void exportAll()} disabled={!!busy}>
          Export everything
        </button>
        <label>
          Import a file
          <input
            ref={fileInput}
            type="file"
            name="import"
            accept="application/json,.json"
            disabled={!!busy}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void importFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      <div class="erase">
        {!confirming ? (
          <button type="button" class="danger" onClick={() => setConfirming(true)} disabled={!!busy}>
            Erase everything…
          </button>
        ) : (
          <form
            aria-labelledby="erase-warning"
            onSubmit={(e) => {
              e.preventDefault();
              if (confirmText.trim().toLowerCase() === 'erase') void erase();
            }}
          >
            <p id="erase-warning">
              This deletes every saved article with its notes and tags, every downloaded source and your settings. It cannot be undone:
              export first if you may want them back. Type <strong>erase</strong> to confirm.
            </p>
            <label>
              Confirmation
              <input
                type="text"
                name="confirm-erase"
                value={confirmText}
                autoFocus
                onInput={(e) => setConfirmText(e.currentTarget.value)}
              />
            </label>
            <div class="row">
              <button type="submit" class="danger" disabled={confirmText.trim().toLowerCase() !== 'erase'}>
                Erase everything
              </button>
              <button
                type="button"
                onClick={() => {
                  setConfirming(false);
                  setConfirmText('');
                }}
              >
                Cancel
              </button>
            </div>
          </form>
        )}
      </div>
      {busy && (
        <p role="status">
          <progress aria-label={busy} /> {busy}
        </p>
      )}
      {result && (
        <p role={result.ok ? 'status' : 'alert'} class={result.ok ? '' : 'error'} data-testid="data-result">
          {result.text}
        </p>
      )}
    </section>
  );
}
