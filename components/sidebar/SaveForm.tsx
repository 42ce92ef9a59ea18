/** Save the article to the collection with tags and a note; shows when it is already saved. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { parseTags } from '@/lib/shared/tags';
import { MAX_NOTE_LENGTH, userFieldsProblem } from '@/lib/shared/collection/user-fields';

export interface SavedState {
  tags: string[];
  note: string;
  savedAt: number;
}

export interface SaveFormProps {
  /** undefined while asking; null when not saved. */
  saved: SavedState | null | undefined;
  /** Tags to suggest for a new save (the article's main entities). */
  suggestedTags?: string[];
  onSave: (tags: string[], note: string) => void;
  busy?: boolean;
  /** Why the last save failed (the worker's answer). */
  error?: string;
}

/** Tags as typed (lib/shared/tags.ts). */
export const parseTagInput = parseTags;

export function SaveForm({ saved, suggestedTags = [], onSave, busy, error }: SaveFormProps) {
  const [tags, setTags] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const typed = useRef(false);
  const suggestion = suggestedTags.join(', ');
  // The saved row fills the form; suggestions fill it only until the user types.
  useEffect(() => {
    if (saved) {
      setTags(saved.tags.join(', '));
      setNote(saved.note);
    } else if (!typed.current) {
      setTags(suggestion);
    }
  }, [saved?.savedAt, suggestion]);
  return (
    <form
      class="il-save"
      aria-label="Save to collection"
      onSubmit={(e) => {
        e.preventDefault();
        const list = parseTagInput(tags);
        const why = userFieldsProblem({ tags: list, note: note.trim() });
        setProblem(why);
        if (!why) onSave(list, note.trim());
      }}
    >
      <p class="il-meta" data-testid="saved-state" role="status">
        {saved === undefined
          ? ''
          : saved
            ? `In your collection since ${new Date(saved.savedAt).toLocaleDateString()}`
            : 'Not in your collection'}
      </p>
      <label class="il-field">
        <span>Tags</span>
        <input
          type="text"
          name="tags"
          value={tags}
          placeholder="apt28, espionage"
          onInput={(e) => {
            typed.current = true;
            setProblem(undefined);
            setTags((e.currentTarget as HTMLInputElement).value);
          }}
        />
      </label>
      <label class="il-field">
        <span>Note</span>
        <textarea
          name="note"
          rows={2}
          maxLength={MAX_NOTE_LENGTH}
          value={note}
          onInput={(e) => {
            typed.current = true;
            setProblem(undefined);
            setNote((e.currentTarget as HTMLTextAreaElement).value);
          }}
        />
      </label>
      {(problem || error) && (
        <p class="il-meta" role="alert">
          {problem || error}
        </p>
      )}
      <button type="submit" class="il-button il-primary" disabled={busy}>
        {saved ? 'Update saved article' : 'Save to collection'}
      </button>
    </form>
  );
}
