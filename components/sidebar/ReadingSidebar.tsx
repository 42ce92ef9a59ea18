/**
 * The reading sidebar: the article and its incidents, its entities by type, related incidents from the
 * local database, and saving. Driven entirely by props: the content script owns the state and the
 * messages, so the same component renders in tests and (later) in extension pages.
 */
import { useMemo } from 'preact/hooks';
import type { EntityFacts, RelatedIncident } from '../../lib/shared/analysis/protocol';
import type { EntityMatch, EntityType, Incident } from '../../lib/shared/types';
import { EntityCard, type CardAnchor } from '../card/EntityCard';
import { EntityGroups } from './EntityGroups';
import { IncidentList } from './IncidentList';
import { formatWhen, groupEntities } from './model';
import { RelatedList } from './RelatedList';
import { SaveForm, type SavedState } from './SaveForm';

interface ReadingArticle {
  url: string;
  site: string;
  title?: string;
  byline?: string;
  published?: string;
}

export interface ReadingAnalysis {
  entities: EntityMatch[];
  incidents: Incident[];
  facts: Record<string, EntityFacts>;
}

export interface CardState {
  match: EntityMatch;
  anchor: CardAnchor;
  /** Opened from the keyboard: focus moves into the card. */
  focus?: boolean;
}

export interface ReadingSidebarProps {
  article: ReadingArticle;
  /** null while the background analyses the text; 'error' when it could not. */
  analysis: ReadingAnalysis | null | 'error';
  related: readonly RelatedIncident[] | null | 'error';
  saved: SavedState | null | undefined;
  saving?: boolean;
  /** Why the last save failed, in plain words. */
  saveError?: string;
  highlights: boolean;
  hiddenTypes: ReadonlySet<EntityType>;
  collapsed: boolean;
  card: CardState | null;
  viewport: { width: number; height: number };
  onToggleType: (type: EntityType, visible: boolean) => void;
  onEntityActivate: (key: string) => void;
  onEntityFocus?: (key: string | null, anchor: DOMRect | null) => void;
  onSave: (tags: string[], note: string) => void;
  onCollapsedChange: (collapsed: boolean) => void;
  onClose: () => void;
  onCardClose: () => void;
  onCardPointer?: (inside: boolean) => void;
  /** Turn Incident Lens off on this site (the per-site switch); it can be turned back on in the options. */
  onDisableSite?: () => void;
  /** ArrowRight on an entity in the list: focus its card. */
  onEnterCard?: (key: string) => void;
  /** The page's own scheme, so that a dark page gets a dark sidebar whatever the system says. */
  theme?: 'light' | 'dark';
}

/** Tags to offer for a new save: the actors, malware and victims the article names. */
function suggestTags(a: ReadingAnalysis | null | 'error'): string[] {
  if (!a || a === 'error') return [];
  const names = new Set<string>();
  for (const inc of a.incidents) names.add(inc.type);
  for (const e of a.entities) if (e.type === 'actor' || e.type === 'malware') names.add(e.name.toLowerCase());
  return [...names].slice(0, 5);
}

export function ReadingSidebar(props: ReadingSidebarProps) {
  const { article, analysis, collapsed } = props;
  const meta = [article.site, formatWhen(article.published?.slice(0, 10)), article.byline].filter(Boolean).join(' · ');
  const ready = analysis && analysis !== 'error' ? analysis : null;
  // Grouped once per entity list, not on every render (a hover card re-renders the sidebar).
  const groups = useMemo(() => (ready ? groupEntities(ready.entities) : []), [ready?.entities]);
  // Keys stay inside the shadow root (isolated from the page), so Escape for the card is handled here.
  return (
    <div class="il-root" data-theme={props.theme} onKeyDown={(e) => e.key === 'Escape' && props.card && props.onCardClose()}>
      <aside class="il-sidebar" role="complementary" aria-label="Incident Lens" data-collapsed={String(collapsed)}>
        {collapsed ? (
          // Collapsed: one narrow tab on the window's edge, the name written upwards; it opens on request.
          <button
            type="button"
            class="il-tab"
            aria-expanded="false"
            aria-controls="il-body"
            title="Expand"
            onClick={() => props.onCollapsedChange(false)}
          >
            Incident Lens
          </button>
        ) : (
          <div class="il-header">
            <h2 class="il-brand">Incident Lens</h2>
            <button
              type="button"
              class="il-icon-button"
              aria-expanded={!collapsed}
              aria-controls="il-body"
              aria-label={collapsed ? 'Expand Incident Lens' : 'Collapse Incident Lens'}
              title={collapsed ? 'Expand' : 'Collapse'}
              onClick={() => props.onCollapsedChange(!collapsed)}
            >
              {collapsed ? '◂' : '▸'}
            </button>
            <button type="button" class="il-icon-button" title="Close" aria-label="Close Incident Lens" onClick={props.onClose}>
              ×
            </button>
          </div>
        )}
        {!collapsed && (
          <div class="il-body" id="il-body">
            <p class="il-title" data-testid="article-title">
              {article.title ?? 'Untitled page'}
            </p>
            {meta && <p class="il-meta">{meta}</p>}
            {!props.highlights && ready && (
              <p class="il-note" role="note">
                This browser cannot highlight text without changing the page, so the entities are listed here only.
              </p>
            )}
            <section class="il-section" aria-labelledby="il-h-incidents">
              <h3 id="il-h-incidents">Incidents reported</h3>
              {ready ? <IncidentList incidents={ready.incidents} /> : <Pending analysis={analysis} />}
            </section>
            <section class="il-section" aria-labelledby="il-h-entities">
              <h3 id="il-h-entities">In this article</h3>
              {ready ? (
                <EntityGroups
                  groups={groups}
                  hiddenTypes={props.hiddenTypes}
                  highlights={props.highlights}
                  onToggleType={props.onToggleType}
                  onActivate={props.onEntityActivate}
                  onFocusEntity={props.onEntityFocus}
                  onEnterCard={props.onEnterCard}
                  cardKey={props.card?.match.key}
                />
              ) : (
                <Pending analysis={analysis} />
              )}
            </section>
            <section class="il-section" aria-labelledby="il-h-related">
              <h3 id="il-h-related">Related incidents</h3>
              <RelatedList related={props.related} />
            </section>
            <section class="il-section" aria-labelledby="il-h-save">
              <h3 id="il-h-save">Collection</h3>
              <SaveForm
                saved={props.saved}
                suggestedTags={suggestTags(analysis)}
                onSave={props.onSave}
                busy={props.saving}
                error={props.saveError}
              />
            </section>
            {props.onDisableSite && (
              <p class="il-footer">
                <button type="button" class="il-button" onClick={props.onDisableSite}>
                  Turn off on this site
                </button>
              </p>
            )}
          </div>
        )}
      </aside>
      {props.card && (
        <EntityCard
          match={props.card.match}
          facts={ready?.facts[props.card.match.key]}
          anchor={props.card.anchor}
          viewport={props.viewport}
          focus={props.card.focus}
          onClose={props.onCardClose}
          onPointerEnter={() => props.onCardPointer?.(true)}
          onPointerLeave={() => props.onCardPointer?.(false)}
        />
      )}
    </div>
  );
}

function Pending({ analysis }: { analysis: ReadingAnalysis | null | 'error' }) {
  return analysis === 'error' ? (
    <p class="il-empty">The article could not be analysed.</p>
  ) : (
    <p class="il-empty" aria-busy="true">
      Reading the article…
    </p>
  );
}
