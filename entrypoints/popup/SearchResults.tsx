/** Search hits grouped by kind, as options of a listbox that the search box drives (aria-activedescendant). */
import type { SearchHit, SearchKind } from '@/lib/worker/search/protocol';
import { styleOf } from '@/lib/page/highlight/styles';
import type { HighlightColors } from '@/lib/shared/settings';
import { readableSummary } from '@/components/sidebar/model';

export const KIND_LABELS: Record<SearchKind, string> = {
  incident: 'Incidents',
  article: 'Articles',
  entity: 'Entities',
  saved: 'Saved',
};
/** The order groups are shown and walked with the arrow keys. */
export const KIND_ORDER: readonly SearchKind[] = ['entity', 'incident', 'article', 'saved'];

export const optionId = (i: number) => `search-hit-${i}`;

interface Props {
  id: string;
  hits: SearchHit[];
  active: number;
  onPick: (hit: SearchHit) => void;
  onHover: (index: number) => void;
  /** The colours chosen on the options page, for the swatches. */
  colors?: HighlightColors;
}

export function SearchResults({ id, hits, active, onPick, onHover, colors }: Props) {
  let i = -1;
  return (
    <div id={id} role="listbox" aria-label="Search results" class="search-results">
      {KIND_ORDER.map((kind) => {
        const group = hits.filter((h) => h.kind === kind);
        if (!group.length) return null;
        return (
          <div role="group" aria-labelledby={`search-group-${kind}`} key={kind} data-kind={kind}>
            <div id={`search-group-${kind}`} class="search-group" role="presentation">
              {KIND_LABELS[kind]}
            </div>
            {group.map((hit) => {
              const index = ++i;
              return (
                <div
                  id={optionId(index)}
                  key={`${kind}:${hit.key}`}
                  role="option"
                  aria-selected={index === active}
                  class={index === active ? 'search-hit active' : 'search-hit'}
                  data-key={hit.key}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => onPick(hit)}
                  onMouseEnter={() => onHover(index)}
                >
                  {hit.type && <span class="il-swatch" style={{ background: styleOf(hit.type, colors).color }} aria-hidden="true" />}
                  <span class="search-hit-text">
                    <span class="search-hit-title">{hit.kind === 'incident' ? readableSummary(hit.title) : hit.title}</span>
                    {hit.detail && <span class="search-hit-detail">{hit.detail}</span>}
                  </span>
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
