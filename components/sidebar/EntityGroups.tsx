/** The article's entities by type: counts, a highlight toggle per type, and one button per entity. */
import type { EntityType } from '../../lib/shared/types';
import { TYPE_STYLES } from '../../lib/page/highlight/styles';
import type { EntityGroup } from './model';
import { CARD_ID } from '../card/EntityCard';

export interface EntityGroupsProps {
  groups: EntityGroup[];
  hiddenTypes: ReadonlySet<EntityType>;
  /** Whether the page can show highlights at all; without, the toggles are left out. */
  highlights: boolean;
  onToggleType: (type: EntityType, visible: boolean) => void;
  /** Scroll to the entity's next occurrence and flash them all. */
  onActivate: (key: string) => void;
  /** Keyboard focus or pointer on an entity: the card shows it (null when focus leaves). */
  onFocusEntity?: (key: string | null, anchor: DOMRect | null) => void;
  /** ArrowRight on an entity: move the keyboard into its card (links, copy). */
  onEnterCard?: (key: string) => void;
  /** The entity whose card is open: its button is described by the card. */
  cardKey?: string;
}

export function EntityGroups({
  groups,
  hiddenTypes,
  highlights,
  onToggleType,
  onActivate,
  onFocusEntity,
  onEnterCard,
  cardKey,
}: EntityGroupsProps) {
  if (!groups.length) return <p class="il-empty">No entities found in this article.</p>;
  return (
    <div class="il-groups">
      {groups.map((g) => {
        const style = TYPE_STYLES[g.type];
        const id = `il-group-${g.type}`;
        return (
          <div class="il-group" role="group" aria-labelledby={id} key={g.type} data-type={g.type}>
            <div class="il-group-head">
              <span class="il-swatch" style={{ background: style.color }} aria-hidden="true" />
              <h4 id={id}>
                {style.label} <span class="il-count">({g.count})</span>
              </h4>
              {highlights && (
                <label class="il-toggle">
                  <input
                    type="checkbox"
                    checked={!hiddenTypes.has(g.type)}
                    onChange={(e) => onToggleType(g.type, (e.currentTarget as HTMLInputElement).checked)}
                  />
                  <span>Highlight</span>
                </label>
              )}
            </div>
            <ul class="il-entities">
              {g.items.map((item) => (
                <li key={item.key}>
                  <button
                    type="button"
                    class="il-entity"
                    data-key={item.key}
                    aria-label={`${item.name}, ${style.label}, ${item.count} mention${item.count === 1 ? '' : 's'}: show in article`}
                    aria-describedby={cardKey === item.key ? CARD_ID : undefined}
                    aria-keyshortcuts="ArrowRight"
                    onClick={() => onActivate(item.key)}
                    onKeyDown={(e) => {
                      if (e.key !== 'ArrowRight' || !onEnterCard) return;
                      e.preventDefault();
                      onEnterCard(item.key);
                    }}
                    onFocus={(e) => onFocusEntity?.(item.key, (e.currentTarget as HTMLElement).getBoundingClientRect())}
                    onBlur={() => onFocusEntity?.(null, null)}
                  >
                    <span class="il-entity-name">{item.name}</span>
                    <span class="il-count">{item.count}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
