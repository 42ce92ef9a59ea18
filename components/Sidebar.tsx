/**
 * The reading sidebar, rendered by the content script inside its shadow root.
 * For now it shows what the detector found and whether the page is in the collection; the reading
 * view (entities, incidents, related incidents) fills the sections below.
 * Page text reaches it only as Preact text children, never as markup.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging';

export interface SidebarArticle {
  url: string;
  site: string;
  title?: string;
  byline?: string;
  published?: string;
}

export interface SidebarProps {
  article: SidebarArticle;
  initiallyCollapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
  onClose: () => void;
}

export function formatDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function Sidebar({ article, initiallyCollapsed, onCollapsedChange, onClose }: SidebarProps) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const [saved, setSaved] = useState<boolean | undefined>(undefined);

  useEffect(() => {
    let live = true;
    sendMessage('isSaved', { url: article.url }).then(
      (s) => live && setSaved(s),
      () => live && setSaved(undefined),
    );
    return () => {
      live = false;
    };
  }, [article.url]);

  const toggle = () => {
    setCollapsed(!collapsed);
    onCollapsedChange(!collapsed);
  };
  const meta = [article.site, formatDate(article.published), article.byline].filter(Boolean).join(' · ');

  return (
    <aside class="il-sidebar" role="complementary" aria-label="Incident Lens" data-collapsed={String(collapsed)}>
      <div class="il-header">
        <h2 class="il-brand">Incident Lens</h2>
        <button
          type="button"
          class="il-icon-button"
          aria-expanded={!collapsed}
          aria-controls="il-body"
          title={collapsed ? 'Expand' : 'Collapse'}
          onClick={toggle}
        >
          {collapsed ? '◂' : '▸'}
        </button>
        <button type="button" class="il-icon-button" title="Close" aria-label="Close Incident Lens" onClick={onClose}>
          ×
        </button>
      </div>
      {!collapsed && (
        <div class="il-body" id="il-body">
          <p class="il-title" data-testid="article-title">{article.title ?? 'Untitled page'}</p>
          {meta && <p class="il-meta">{meta}</p>}
          <p class="il-meta" data-testid="saved-state">
            {saved === undefined ? '' : saved ? 'In your collection' : 'Not in your collection'}
          </p>
          <section class="il-section" aria-label="Entities and incidents">
            <h3>In this article</h3>
            <p class="il-empty">Entities and incidents will be listed here.</p>
          </section>
          <section class="il-section" aria-label="Related incidents">
            <h3>Related incidents</h3>
            <p class="il-empty">Nothing related yet.</p>
          </section>
        </div>
      )}
    </aside>
  );
}
