/** An article's saved text, read offline: paragraphs of text nodes, nothing from the page as markup. */
import { useEffect, useRef } from 'preact/hooks';
import type { SavedArticle } from '@/lib/shared/messaging';
import { formatDate } from '@/components/format';

export function Reader({ article: a, onClose }: { article: SavedArticle; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [a.url]);
  const paragraphs = (a.text ?? '')
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <article
      class="reader"
      aria-labelledby="reader-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <button type="button" onClick={onClose}>
        ← Back to the collection
      </button>
      <h2 id="reader-title" tabIndex={-1} ref={heading}>
        {a.title}
      </h2>
      <p class="muted">
        {[a.site, a.author && `by ${a.author}`, formatDate(a.published)].filter(Boolean).join(' · ')} ·{' '}
        <a href={a.url} target="_blank" rel="noopener noreferrer">
          Original page
        </a>
      </p>
      <div class="reader-text" data-testid="reader-text">
        {paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </article>
  );
}
