/** The saved-articles page: the collection, newest first, filtered by tag, with removal. */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type SavedArticle } from '@/lib/messaging';
import { formatDate, formatTags } from '@/components/format';

export function Collection() {
  const [items, setItems] = useState<SavedArticle[]>();
  const [error, setError] = useState<string>();
  const [tag, setTag] = useState('');
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const query = tag.trim() ? { tag: tag.trim() } : undefined;
    sendMessage('listCollection', query).then(setItems, (e: unknown) => setError(String(e)));
  }, [tag, tick]);

  // The popup or a sidebar may save while this page is open: look again when the user comes back.
  useEffect(() => {
    const again = () => document.visibilityState === 'visible' && setTick((t) => t + 1);
    document.addEventListener('visibilitychange', again);
    return () => document.removeEventListener('visibilitychange', again);
  }, []);

  const remove = async (url: string) => {
    await sendMessage('removeArticle', { url });
    setTick((t) => t + 1);
  };

  return (
    <main>
      <h1>Your collection</h1>
      <label>
        Filter by tag <input type="search" name="tag" value={tag} onInput={(e) => setTag(e.currentTarget.value)} />
      </label>
      {error && <p class="error" role="alert">{error}</p>}
      {items === undefined && !error && <p class="muted">Loading…</p>}
      {items?.length === 0 && <p class="muted" data-testid="empty">Nothing saved yet. Save an article from the toolbar popup.</p>}
      {items && items.length > 0 && (
        <ol data-testid="collection">
          {items.map((item) => (
            <li key={item.url} data-url={item.url}>
              <a href={item.url} target="_blank" rel="noopener noreferrer">{item.title}</a>
              <div class="muted">
                {[item.site, formatDate(item.published), item.tags.length ? `tags: ${formatTags(item.tags)}` : ''].filter(Boolean).join(' · ')}
              </div>
              {item.note && <p>{item.note}</p>}
              <button type="button" onClick={() => void remove(item.url)}>Remove</button>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
