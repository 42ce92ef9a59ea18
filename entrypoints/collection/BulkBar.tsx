/** What can be done to the selected articles at once: tag, export, delete. */
import { useState } from 'preact/hooks';
import { parseTags } from '@/lib/shared/tags';
import { EXPORT_FORMATS, FORMAT_LABELS, type ExportFormat } from '@/lib/worker/export/formats';

interface Props {
  count: number;
  shown: number;
  onSelectAll: () => void;
  onClear: () => void;
  onTag: (tags: string[]) => void;
  onExport: (format: ExportFormat) => void;
  onDelete: () => void;
}

export function BulkBar({ count, shown, onSelectAll, onClear, onTag, onExport, onDelete }: Props) {
  const [tags, setTags] = useState('');
  const [format, setFormat] = useState<ExportFormat>('json');
  return (
    <section class="bulk" aria-label="Selected articles">
      <p class="bulk-count" role="status">
        {count ? `${count} selected` : 'None selected'}
      </p>
      <div class="row wrap">
        <button type="button" onClick={onSelectAll} disabled={shown === 0}>
          Select all shown
        </button>
        <button type="button" onClick={onClear} disabled={count === 0}>
          Clear selection
        </button>
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            const list = parseTags(tags);
            if (list.length && count) {
              onTag(list);
              setTags('');
            }
          }}
        >
          <label class="inline">
            Add tags to selected
            <input type="text" name="bulk-tags" value={tags} placeholder="tag, another" onInput={(e) => setTags(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={count === 0}>
            Add tags
          </button>
        </form>
        <span class="group">
          <label for="bulk-format">Format</label>
          <select id="bulk-format" name="bulk-format" value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => onExport(format)} disabled={count === 0}>
            Export selected
          </button>
        </span>
        <button type="button" class="danger" onClick={onDelete} disabled={count === 0}>
          Delete selected
        </button>
      </div>
    </section>
  );
}
