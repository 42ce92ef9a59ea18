/** One saved article in the list: what it is, its tags and note (edited in place), and what can be done with it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SavedArticle } from '@/lib/shared/messaging';
import { INCIDENT_LABELS } from '@/lib/shared/types';
import { parseTags } from '@/lib/shared/tags';
import { MAX_NOTE_LENGTH } from '@/lib/shared/collection/user-fields';
import { formatDate, formatTags } from '@/components/format';
import { readableSummary } from '@/components/sidebar/model';
import { TYPE_NAMES } from './Filters';

interface Props {
  article: SavedArticle;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onSave: (change: { tags: string[]; note: string }) => Promise<void>;
  onDelete: () => void;
  onRead: () => void;
  onEntity: (key: string) => void;
}

const SHOWN_ENTITIES = 8;

export function ArticleItem({ article: a, selected, onSelect, onSave, onDelete, onRead, onEntity }: Props) {
  const [editing, setEditing] = useState(false);
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const first = useRef<HTMLInputElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const titleId = `title-${encodeURIComponent(a.url)}`;

  useEffect(() => {
    if (editing) first.current?.focus();
  }, [editing]);

  const startEdit = () => {
    setTags(formatTags(a.tags));
    setNote(a.note);
    setError('');
    setEditing(true);
  };
  const stopEdit = () => {
    setEditing(false);
    // Focus goes back where the user was, not to the top of the page.
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const save = async () => {
    try {
      await onSave({ tags: parseTags(tags), note });
      stopEdit();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const facts = [
    a.site,
    a.author && `by ${a.author}`,
    a.published && formatDate(a.published),
    `saved ${formatDate(new Date(a.savedAt).toISOString())}`,
  ].filter(Boolean);
  return (
    <li class={`article${selected ? ' selected' : ''}`} data-url={a.url} aria-labelledby={titleId}>
      <div class="article-head">
        <input type="checkbox" checked={selected} aria-label={`Select “${a.title}”`} onChange={(e) => onSelect(e.currentTarget.checked)} />
        <a id={titleId} class="article-title" href={a.url} target="_blank" rel="noopener noreferrer">
          {a.title}
        </a>
      </div>
      <p class="muted meta">{facts.join(' · ')}</p>
      {a.excerpt && <p class="excerpt">{a.excerpt}</p>}
      {a.incidents.length > 0 && (
        <ul class="incidents" aria-label="Incidents">
          {a.incidents.map((i, n) => (
            <li key={n}>{i.summary ? readableSummary(i.summary) : INCIDENT_LABELS[i.type]}</li>
          ))}
        </ul>
      )}
      {a.entities.length > 0 && (
        <ul class="chips" aria-label="Entities">
          {a.entities.slice(0, SHOWN_ENTITIES).map((e) => (
            <li key={e.key}>
              <button type="button" class={`chip type-${e.type}`} title={`Show articles naming ${e.name}`} onClick={() => onEntity(e.key)}>
                {e.name}
                <span class="visually-hidden">{` (${TYPE_NAMES[e.type]})`}</span>
              </button>
            </li>
          ))}
          {a.entities.length > SHOWN_ENTITIES && <li class="muted">{`+${a.entities.length - SHOWN_ENTITIES} more`}</li>}
        </ul>
      )}
      {editing ? (
        <form
          class="edit"
          aria-label={`Edit tags and note of “${a.title}”`}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') stopEdit();
          }}
        >
          <label>
            Tags (comma-separated)
            <input ref={first} type="text" name="tags" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
          </label>
          <label>
            Note
            <textarea name="note" rows={3} maxLength={MAX_NOTE_LENGTH} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </label>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <div class="row">
            <button type="submit" class="primary">
              Save
            </button>
            <button type="button" onClick={stopEdit}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div class="tags-note">
          <p class="tags" data-testid="tags">
            {a.tags.length ? `Tags: ${formatTags(a.tags)}` : <span class="muted">No tags</span>}
          </p>
          {a.note && (
            <p class="note" data-testid="note">
              {a.note}
            </p>
          )}
        </div>
      )}
      <div class="row actions">
        {!editing && (
          <button type="button" ref={editButton} onClick={startEdit}>
            Edit tags and note
          </button>
        )}
        {a.text && (
          <button type="button" name="read" onClick={onRead}>
            Read saved text
          </button>
        )}
        <button type="button" class="danger" onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  );
}
